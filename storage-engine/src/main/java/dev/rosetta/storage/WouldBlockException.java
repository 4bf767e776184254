package dev.rosetta.storage;

/**
 * Thrown inside {@link CacheOnlyReads#attempt} when the operation would have to wait for the disk: the
 * caller runs the operation again where blocking is allowed. Carries no stack trace (it is control flow,
 * thrown often and always caught).
 */
public final class WouldBlockException extends RuntimeException {
    static final WouldBlockException INSTANCE = new WouldBlockException();

    private WouldBlockException() {
        super("the operation needs disk I/O", null, false, false);
    }
}
