package dev.rosetta.protocol.model;

import dev.rosetta.protocol.error.S3Exception;

/** S3's canned ACLs; dialect-specific ones (OBS {@code -delivered}, COS {@code default}) map onto these. */
public enum CannedAcl {
    PRIVATE("private"),
    PUBLIC_READ("public-read"),
    PUBLIC_READ_WRITE("public-read-write"),
    AUTHENTICATED_READ("authenticated-read"),
    AWS_EXEC_READ("aws-exec-read"),
    BUCKET_OWNER_READ("bucket-owner-read"),
    BUCKET_OWNER_FULL_CONTROL("bucket-owner-full-control"),
    LOG_DELIVERY_WRITE("log-delivery-write");

    private final String headerValue;

    CannedAcl(String headerValue) {
        this.headerValue = headerValue;
    }

    public String headerValue() {
        return headerValue;
    }

    /**
     * Parses an {@code x-amz-acl} value.
     *
     * @throws S3Exception InvalidArgument for an unknown value
     */
    public static CannedAcl fromHeader(String headerName, String value) {
        for (CannedAcl acl : values()) {
            if (acl.headerValue.equals(value)) {
                return acl;
            }
        }
        throw S3Exception.invalidArgument("Invalid canned ACL: " + value, headerName, value);
    }
}
