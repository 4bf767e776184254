package dev.rosetta.protocol.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure that is answered with an S3 error document. Thrown anywhere below the server's handlers;
 * the server renders it in the request's dialect. Carries no stack trace: it is an answer, not a bug.
 */
public final class S3Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final S3ErrorCode errorCode;
    private final transient Map<String, String> details;

    public S3Exception(S3ErrorCode errorCode) {
        this(errorCode, errorCode.defaultMessage());
    }

    public S3Exception(S3ErrorCode errorCode, String message) {
        this(errorCode, message, null);
    }

    public S3Exception(S3ErrorCode errorCode, String message, Throwable cause) {
        super(message == null ? errorCode.defaultMessage() : message, cause, false, false);
        this.errorCode = errorCode;
        this.details = new LinkedHashMap<>();
    }

    /**
     * Adds an element to the error document beside Code and Message (for example {@code BucketName},
     * {@code Key}, {@code ArgumentName}); returns this for chaining. Never put secrets here.
     */
    public S3Exception with(String element, String value) {
        if (value != null) {
            details.put(element, value);
        }
        return this;
    }

    public S3ErrorCode errorCode() {
        return errorCode;
    }

    public int status() {
        return errorCode.status();
    }

    /** Extra elements of the error document, in insertion order. */
    public Map<String, String> details() {
        return Collections.unmodifiableMap(details);
    }

    public static S3Exception invalidArgument(String message, String argumentName, String argumentValue) {
        return new S3Exception(S3ErrorCode.INVALID_ARGUMENT, message)
                .with("ArgumentName", argumentName)
                .with("ArgumentValue", argumentValue);
    }

    public static S3Exception noSuchBucket(String bucket) {
        return new S3Exception(S3ErrorCode.NO_SUCH_BUCKET).with("BucketName", bucket);
    }
}
