package dev.rosetta.protocol;

/**
 * Every S3 operation the routing table can name. An operation without a handler in the server is
 * answered 501 NotImplemented; naming it here keeps such requests from being mistaken for another
 * operation (a GET with {@code ?policy} is not a ListObjects).
 */
public enum Operation {
    // service
    LIST_BUCKETS("ListBuckets"),
    OBS_API_VERSION("ObsApiVersion"),

    // bucket
    CREATE_BUCKET("CreateBucket"),
    HEAD_BUCKET("HeadBucket"),
    DELETE_BUCKET("DeleteBucket"),
    LIST_OBJECTS("ListObjects"),
    LIST_OBJECTS_V2("ListObjectsV2"),
    LIST_OBJECT_VERSIONS("ListObjectVersions"),
    GET_BUCKET_LOCATION("GetBucketLocation"),
    LIST_MULTIPART_UPLOADS("ListMultipartUploads"),
    DELETE_OBJECTS("DeleteObjects"),
    POST_OBJECT("PostObject"),
    GET_BUCKET_ACL("GetBucketAcl"),
    PUT_BUCKET_ACL("PutBucketAcl"),
    GET_BUCKET_VERSIONING("GetBucketVersioning"),
    PUT_BUCKET_VERSIONING("PutBucketVersioning"),
    GET_BUCKET_TAGGING("GetBucketTagging"),
    PUT_BUCKET_TAGGING("PutBucketTagging"),
    DELETE_BUCKET_TAGGING("DeleteBucketTagging"),
    GET_BUCKET_LIFECYCLE("GetBucketLifecycleConfiguration"),
    PUT_BUCKET_LIFECYCLE("PutBucketLifecycleConfiguration"),
    DELETE_BUCKET_LIFECYCLE("DeleteBucketLifecycle"),
    GET_OBJECT_LOCK_CONFIGURATION("GetObjectLockConfiguration"),
    PUT_OBJECT_LOCK_CONFIGURATION("PutObjectLockConfiguration"),
    GET_BUCKET_POLICY("GetBucketPolicy"),
    PUT_BUCKET_POLICY("PutBucketPolicy"),
    DELETE_BUCKET_POLICY("DeleteBucketPolicy"),
    GET_BUCKET_CORS("GetBucketCors"),
    PUT_BUCKET_CORS("PutBucketCors"),
    DELETE_BUCKET_CORS("DeleteBucketCors"),
    GET_BUCKET_ENCRYPTION("GetBucketEncryption"),
    PUT_BUCKET_ENCRYPTION("PutBucketEncryption"),
    DELETE_BUCKET_ENCRYPTION("DeleteBucketEncryption"),

    // object
    PUT_OBJECT("PutObject"),
    COPY_OBJECT("CopyObject"),
    GET_OBJECT("GetObject"),
    HEAD_OBJECT("HeadObject"),
    DELETE_OBJECT("DeleteObject"),
    INITIATE_MULTIPART_UPLOAD("CreateMultipartUpload"),
    UPLOAD_PART("UploadPart"),
    UPLOAD_PART_COPY("UploadPartCopy"),
    COMPLETE_MULTIPART_UPLOAD("CompleteMultipartUpload"),
    ABORT_MULTIPART_UPLOAD("AbortMultipartUpload"),
    LIST_PARTS("ListParts"),
    GET_OBJECT_ACL("GetObjectAcl"),
    PUT_OBJECT_ACL("PutObjectAcl"),
    GET_OBJECT_TAGGING("GetObjectTagging"),
    PUT_OBJECT_TAGGING("PutObjectTagging"),
    DELETE_OBJECT_TAGGING("DeleteObjectTagging"),
    GET_OBJECT_RETENTION("GetObjectRetention"),
    PUT_OBJECT_RETENTION("PutObjectRetention"),
    GET_OBJECT_LEGAL_HOLD("GetObjectLegalHold"),
    PUT_OBJECT_LEGAL_HOLD("PutObjectLegalHold"),
    GET_OBJECT_ATTRIBUTES("GetObjectAttributes"),
    RESTORE_OBJECT("RestoreObject"),
    SELECT_OBJECT_CONTENT("SelectObjectContent");

    private final String s3Name;

    Operation(String s3Name) {
        this.s3Name = s3Name;
    }

    /** The operation's name in the S3 API reference, used in logs and metrics. */
    public String s3Name() {
        return s3Name;
    }
}
