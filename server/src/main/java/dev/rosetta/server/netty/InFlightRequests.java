package dev.rosetta.server.netty;

/** Counts requests between their head arriving and their response being written, for a clean stop. */
public final class InFlightRequests {
    private int count;

    public synchronized void begin() {
        count++;
    }

    public synchronized void end() {
        count--;
        if (count == 0) {
            notifyAll();
        }
    }

    public synchronized int count() {
        return count;
    }

    /** Waits until no request is in flight or the time is up; true when none is left. */
    public synchronized boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (count > 0) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
