package dev.rosetta.protocol.model;

import dev.rosetta.protocol.error.S3Exception;

/**
 * Canned ACLs of every dialect: S3's eight, OBS's {@code -delivered} bucket variants (the bucket's
 * public grants apply to its objects too) and COS's object {@code default} (the object inherits the
 * bucket's ACL). Which names a request may use depends on its header family and on whether it names a
 * bucket or an object: see {@link dev.rosetta.protocol.headers.AclHeaders}.
 */
public enum CannedAcl {
    PRIVATE("private"),
    PUBLIC_READ("public-read"),
    PUBLIC_READ_WRITE("public-read-write"),
    AUTHENTICATED_READ("authenticated-read"),
    AWS_EXEC_READ("aws-exec-read"),
    BUCKET_OWNER_READ("bucket-owner-read"),
    BUCKET_OWNER_FULL_CONTROL("bucket-owner-full-control"),
    LOG_DELIVERY_WRITE("log-delivery-write"),
    /** OBS: AllUsers READ on the bucket and on every object in it. */
    PUBLIC_READ_DELIVERED("public-read-delivered"),
    /** OBS: AllUsers READ and WRITE on the bucket, AllUsers READ on every object in it. */
    PUBLIC_READ_WRITE_DELIVERED("public-read-write-delivered"),
    /** COS objects: no ACL of its own, the bucket's applies. */
    DEFAULT("default");

    private final String headerValue;

    CannedAcl(String headerValue) {
        this.headerValue = headerValue;
    }

    public String headerValue() {
        return headerValue;
    }

    /**
     * Parses a canned ACL header value (any dialect's name; see {@link dev.rosetta.protocol.headers.AclHeaders}
     * for which a request may use).
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
