package dev.rosetta.server.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock that runs with the system clock plus an offset tests move: {@link #advance} and
 * {@link #set} jump it (to days ahead, for the lifecycle task), {@link #reset} brings it back. Keep the
 * offset at zero while SDK requests are made: the server checks their signing times against this clock.
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a MutableClock is UTC");
    }

    /** Moves the clock forward (or back, for a negative amount). */
    public MutableClock advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
        return this;
    }

    /** Moves the clock so that it reads {@code now} at this moment (and runs on from there). */
    public MutableClock set(Instant now) {
        offset.set(Duration.between(Instant.now(), now));
        return this;
    }

    /** Back to the system clock. */
    public MutableClock reset() {
        offset.set(Duration.ZERO);
        return this;
    }
}
