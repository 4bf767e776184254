package dev.rosetta.protocol.dialect;

/** Whose signing scheme a request used; a vendor scheme decides the answer's dialect by itself. */
public enum SigningFamily {
    /** AWS V2, V4 and their presigned forms (also used by OBS, WOS, COS and JD clients in S3 mode). */
    AWS,
    /** {@code OBS AK:sig} and the OBS presigned URL. */
    OBS,
    /** {@code q-sign-algorithm} in the header or the query. */
    COS,
    /** {@code WOS-HMAC-SHA256}, its presigned URL, and {@code WOS AK:sig}. */
    WOS,
    /** No signature. */
    ANONYMOUS
}
