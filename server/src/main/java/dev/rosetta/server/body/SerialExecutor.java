package dev.rosetta.server.body;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: the worker side of one request's
 * body. No thread is held while the queue is empty.
 */
public final class SerialExecutor implements Executor {
    private final Executor pool;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    public SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    /**
     * Queues a task without starting a run: the caller promises a {@link #kick()} soon (the event loop
     * queues every step of a read burst, then starts the worker once).
     */
    public void enqueue(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
        }
    }

    /**
     * Starts a run when tasks wait and none is running.
     *
     * @throws java.util.concurrent.RejectedExecutionException when the pool refuses to start a run
     */
    public void kick() {
        boolean start;
        synchronized (tasks) {
            start = !running && !tasks.isEmpty();
            running |= start;
        }
        if (start) {
            startRun();
        }
    }

    /**
     * @throws java.util.concurrent.RejectedExecutionException when the pool refuses to start a run; the
     *     queued tasks stay queued for {@link #runQueuedHere()}
     */
    @Override
    public void execute(Runnable task) {
        enqueue(task);
        kick();
    }

    private void startRun() {
        try {
            pool.execute(this::drain);
        } catch (RuntimeException e) {
            synchronized (tasks) {
                running = false;
            }
            throw e;
        }
    }

    /**
     * Runs every queued task on the calling thread: after a rejected {@link #kick()}, so that tasks
     * holding resources can release them (they see their request failed and do nothing else).
     */
    public void runQueuedHere() {
        while (true) {
            Runnable next;
            synchronized (tasks) {
                if (running) {
                    return;
                }
                next = tasks.poll();
            }
            if (next == null) {
                return;
            }
            next.run();
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            next.run();
        }
    }
}
