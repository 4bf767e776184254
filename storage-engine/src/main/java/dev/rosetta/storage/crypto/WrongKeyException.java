package dev.rosetta.storage.crypto;

/** A wrapped key or secret does not open with the key it was given (another key, or altered metadata). */
public final class WrongKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WrongKeyException(String message) {
        super(message);
    }
}
