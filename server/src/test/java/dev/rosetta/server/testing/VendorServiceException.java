package dev.rosetta.server.testing;

/** A service error a vendor SDK reported, with what it parsed from the response. */
public final class VendorServiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final String requestId;

    public VendorServiceException(int status, String code, String message, String requestId) {
        super(status + " " + code + ": " + message + " (request id " + requestId + ")");
        this.status = status;
        this.code = code;
        this.requestId = requestId;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String requestId() {
        return requestId;
    }
}
