package dev.rosetta.bench.http;

/** What a request does, for the per-request latency breakdown. */
public enum RequestKind {
    CREATE_BUCKET("CreateBucket"),
    DELETE_BUCKET("DeleteBucket"),
    PUT("PutObject"),
    GET("GetObject"),
    HEAD("HeadObject"),
    DELETE("DeleteObject"),
    LIST("ListObjectsV2"),
    INITIATE("CreateMultipartUpload"),
    UPLOAD_PART("UploadPart"),
    COMPLETE("CompleteMultipartUpload"),
    ABORT("AbortMultipartUpload"),
    LIST_UPLOADS("ListMultipartUploads"),
    STATIC_GET("StaticGet");

    private final String label;

    RequestKind(String label) {
        this.label = label;
    }

    /** The S3 operation name. */
    public String label() {
        return label;
    }
}
