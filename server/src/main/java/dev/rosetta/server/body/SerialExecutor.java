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

    /** @throws java.util.concurrent.RejectedExecutionException when the pool refuses to start a run */
    @Override
    public void execute(Runnable task) {
        boolean start;
        synchronized (tasks) {
            tasks.add(task);
            start = !running;
            running = true;
        }
        if (start) {
            try {
                pool.execute(this::drain);
            } catch (RuntimeException e) {
                synchronized (tasks) {
                    tasks.clear();
                    running = false;
                }
                throw e;
            }
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
