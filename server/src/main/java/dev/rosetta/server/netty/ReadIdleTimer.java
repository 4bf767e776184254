package dev.rosetta.server.netty;

import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Notices a connection from which nothing has been read for a while. A read costs one counter increment
 * and no clock read; a check on the event loop every quarter of the limit compares the counter with the
 * last check's. After four quiet checks in a row it reports the connection idle, so the report comes
 * between the limit and 1¼ times the limit after the last read, and again every limit while it stays
 * quiet. (Netty's {@code IdleStateHandler} is exact to the nanosecond, but it is a pipeline step on every
 * read and every write and reads the clock after every read burst: measurable on small requests.)
 */
final class ReadIdleTimer implements Runnable {
    private static final int QUIET_CHECKS = 4;

    private final ChannelHandlerContext ctx;
    private final long periodNanos;
    private final Runnable onIdle;
    private long reads;
    private long readsAtLastCheck;
    private int quietChecks;
    private ScheduledFuture<?> next;

    /** @param onIdle run on the event loop when the connection has been quiet for the limit */
    ReadIdleTimer(ChannelHandlerContext ctx, long limit, TimeUnit unit, Runnable onIdle) {
        this.ctx = ctx;
        this.periodNanos = Math.max(1, unit.toNanos(limit) / QUIET_CHECKS);
        this.onIdle = onIdle;
    }

    /** Starts checking; on the event loop. */
    void start() {
        if (next == null) {
            next = ctx.executor().schedule(this, periodNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Something was read from the connection. */
    void onRead() {
        reads++;
    }

    /** Stops checking (the connection closed). */
    void stop() {
        if (next != null) {
            next.cancel(false);
        }
    }

    @Override
    public void run() {
        if (!ctx.channel().isOpen()) {
            return;
        }
        if (reads != readsAtLastCheck) {
            readsAtLastCheck = reads;
            quietChecks = 0;
        } else if (++quietChecks >= QUIET_CHECKS) {
            quietChecks = 0;
            onIdle.run();
        }
        next = ctx.executor().schedule(this, periodNanos, TimeUnit.NANOSECONDS);
    }
}
