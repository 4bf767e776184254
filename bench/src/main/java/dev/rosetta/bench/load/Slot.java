package dev.rosetta.bench.load;

import dev.rosetta.bench.http.Connection;
import dev.rosetta.bench.http.OutgoingRequest;
import dev.rosetta.bench.http.Response;
import java.util.function.Consumer;

/**
 * One unit of concurrency: a connection and a closed loop over it. When an operation ends, the slot asks the
 * workload for the next one and starts it at once. Everything runs on the connection's event loop.
 */
public final class Slot {
    private final int index;
    private final Connection connection;
    private final Run run;
    private final Stats stats;
    private long sequence;
    private long opStart;
    /** Payload bytes of the current operation's successful requests; counted when the operation is. */
    private long opBytes;
    private boolean opOpen;
    private boolean finished;
    private int depth;
    /** Per-slot state a workload may keep (a listing's continuation token, ...). */
    public Object attachment;

    Slot(int index, Connection connection, Run run, Stats stats) {
        this.index = index;
        this.connection = connection;
        this.run = run;
        this.stats = stats;
    }

    /** The slot's number within the level, from 0. */
    public int index() {
        return index;
    }

    /** A number that grows by one per operation started on this slot. */
    public long nextSequence() {
        return sequence++;
    }

    /** How many sequence numbers this slot handed out (keys {@code <prefix><slot>-0} up to this, exclusive). */
    long sequences() {
        return sequence;
    }

    void start() {
        connection.loop().execute(this::next);
    }

    private void next() {
        if (finished) {
            return;
        }
        if (run.stopIssuing()) {
            finish();
            return;
        }
        try {
            Workload.Op op = run.workload().next(this);
            if (op == null) {
                finish();
                return;
            }
            opStart = System.nanoTime();
            opBytes = 0;
            opOpen = true;
            op.start(this);
        } catch (RuntimeException e) {
            crashed(e);
        }
    }

    private void finish() {
        if (!finished) {
            finished = true;
            run.slotFinished();
        }
    }

    /** A bug in a workload: stop the run rather than hang it. */
    private void crashed(RuntimeException e) {
        opOpen = false;
        run.abort(e);
        finish();
    }

    /**
     * Sends a request of the current operation. The request's latency is recorded under its kind when the
     * response is a success inside the measured window; its payload bytes count with the operation.
     */
    public void send(OutgoingRequest request, Consumer<Response> onResponse) {
        long start = System.nanoTime();
        long sent = request.bodyLength(); // before the write releases the body
        connection.send(request, response -> {
            if (finished) {
                return;
            }
            long end = System.nanoTime();
            if (response.isSuccess()) {
                long payload = switch (request.kind()) {
                    case PUT, UPLOAD_PART -> sent;
                    case GET, STATIC_GET -> response.bodyBytes();
                    default -> 0;
                };
                run.bytes.add(payload);
                opBytes += payload;
                if (run.inWindow(start, end)) {
                    stats.recordRequest(request.kind(), (end - start) / 1000);
                }
            }
            try {
                onResponse.accept(response);
            } catch (RuntimeException e) {
                crashed(e);
            }
        });
    }

    /** Sends one request that is the whole operation: a success ends it well, anything else fails it. */
    public void single(OutgoingRequest request) {
        send(request, r -> {
            if (r.isSuccess()) {
                done();
            } else {
                fail(r.errorKey());
            }
        });
    }

    /** Ends the current operation as a success. */
    public void done() {
        end(null);
    }

    /** Ends the current operation as a failure counted under {@code errorKey}. */
    public void fail(String errorKey) {
        end(errorKey);
    }

    private void end(String errorKey) {
        if (!opOpen) {
            throw new IllegalStateException("no operation in progress");
        }
        opOpen = false;
        long end = System.nanoTime();
        if (run.inWindow(opStart, end)) {
            if (errorKey == null) {
                stats.recordOp((end - opStart) / 1000);
                stats.bytes += opBytes; // with the operation, so that bytes and ops cover the same window
            } else {
                stats.recordError(errorKey);
            }
        }
        run.progress(errorKey == null);
        if (errorKey != null) {
            run.noteError(errorKey);
        }
        // a failure can end an operation synchronously (e.g. a refused connection): do not recurse forever
        if (++depth > 16) {
            depth = 0;
            connection.loop().execute(this::next);
            return;
        }
        try {
            next();
        } finally {
            depth = Math.max(0, depth - 1);
        }
    }
}
