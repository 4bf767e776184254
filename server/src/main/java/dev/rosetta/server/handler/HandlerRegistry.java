package dev.rosetta.server.handler;

import dev.rosetta.protocol.Operation;
import dev.rosetta.server.access.Accounts;
import dev.rosetta.server.handler.bucket.CreateBucketHandler;
import dev.rosetta.server.handler.bucket.DeleteBucketHandler;
import dev.rosetta.server.handler.bucket.GetBucketLocationHandler;
import dev.rosetta.server.handler.bucket.HeadBucketHandler;
import dev.rosetta.server.handler.multipart.AbortMultipartUploadHandler;
import dev.rosetta.server.handler.multipart.CompleteMultipartUploadHandler;
import dev.rosetta.server.handler.multipart.ListPartsHandler;
import dev.rosetta.server.handler.multipart.UploadPartCopyHandler;
import dev.rosetta.server.handler.multipart.UploadPartHandler;
import dev.rosetta.server.handler.object.CopyObjectHandler;
import dev.rosetta.server.handler.object.DeleteObjectHandler;
import dev.rosetta.server.handler.object.DeleteObjectsHandler;
import dev.rosetta.server.handler.object.GetObjectHandler;
import dev.rosetta.server.handler.object.ObjectBodyReader;
import dev.rosetta.server.handler.object.PutObjectHandler;
import dev.rosetta.server.handler.multipart.InitiateMultipartUploadHandler;
import dev.rosetta.server.handler.multipart.ListMultipartUploadsHandler;
import dev.rosetta.server.handler.service.ListBucketsHandler;
import dev.rosetta.server.handler.service.ObsApiVersionHandler;
import dev.rosetta.server.handler.acl.GetBucketAclHandler;
import dev.rosetta.server.handler.acl.GetObjectAclHandler;
import dev.rosetta.server.handler.acl.PutBucketAclHandler;
import dev.rosetta.server.handler.acl.PutObjectAclHandler;
import dev.rosetta.server.handler.listing.GetBucketVersioningHandler;
import dev.rosetta.server.handler.listing.ListObjectVersionsHandler;
import dev.rosetta.server.handler.listing.ListObjectsHandler;
import dev.rosetta.server.handler.listing.ListObjectsV2Handler;
import dev.rosetta.server.handler.tagging.DeleteObjectTaggingHandler;
import dev.rosetta.server.handler.tagging.GetObjectTaggingHandler;
import dev.rosetta.server.handler.tagging.PutObjectTaggingHandler;
import dev.rosetta.server.config.ServerConfig;
import dev.rosetta.server.config.SseConfig;
import dev.rosetta.server.crypto.SseService;
import dev.rosetta.server.handler.encryption.DeleteBucketEncryptionHandler;
import dev.rosetta.server.handler.encryption.GetBucketEncryptionHandler;
import dev.rosetta.server.handler.encryption.PutBucketEncryptionHandler;
import dev.rosetta.server.handler.lifecycle.DeleteBucketLifecycleHandler;
import dev.rosetta.server.handler.lifecycle.GetBucketLifecycleHandler;
import dev.rosetta.server.handler.lifecycle.PutBucketLifecycleHandler;
import dev.rosetta.server.handler.lock.GetObjectLegalHoldHandler;
import dev.rosetta.server.handler.lock.GetObjectLockConfigurationHandler;
import dev.rosetta.server.handler.lock.GetObjectRetentionHandler;
import dev.rosetta.server.handler.lock.PutObjectLegalHoldHandler;
import dev.rosetta.server.handler.lock.PutObjectLockConfigurationHandler;
import dev.rosetta.server.handler.lock.PutObjectRetentionHandler;
import dev.rosetta.storage.StorageEngine;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/** Which handler serves which operation. An operation without one is answered NotImplemented. */
public final class HandlerRegistry {
    private final Map<Operation, OperationHandler> handlers = new EnumMap<>(Operation.class);

    public HandlerRegistry(StorageEngine store, String region, Clock clock) {
        this(store, region, clock, ServerConfig.DEFAULT_MIN_PART_SIZE);
    }

    /** @param minPartSize smallest size of every part but the last (S3: 5 MiB) */
    public HandlerRegistry(StorageEngine store, String region, Clock clock, long minPartSize) {
        this(store, region, clock, minPartSize, SseService.open(store.dataDirectory(), SseConfig.defaults()));
    }

    /** @param sse server-side encryption: the key ring and the SSE-C transport rule */
    public HandlerRegistry(StorageEngine store, String region, Clock clock, long minPartSize, SseService sse) {
        this(store, region, clock, minPartSize, sse, Accounts.UNKNOWN);
    }

    /** @param accounts the configured accounts (ACL grantees must be among them; their display names) */
    public HandlerRegistry(StorageEngine store, String region, Clock clock, long minPartSize, SseService sse,
                           Accounts accounts) {
        BucketAccess access = new BucketAccess(store.buckets(), accounts);
        handlers.put(Operation.LIST_BUCKETS, new ListBucketsHandler(store.buckets(), region));
        handlers.put(Operation.OBS_API_VERSION, new ObsApiVersionHandler());
        handlers.put(Operation.CREATE_BUCKET, new CreateBucketHandler(store.buckets(), region, clock, accounts));
        handlers.put(Operation.HEAD_BUCKET, new HeadBucketHandler(access, region));
        handlers.put(Operation.DELETE_BUCKET, new DeleteBucketHandler(access, store.buckets()));
        handlers.put(Operation.GET_BUCKET_LOCATION, new GetBucketLocationHandler(access));
        handlers.put(Operation.INITIATE_MULTIPART_UPLOAD,
                new InitiateMultipartUploadHandler(access, store.uploads(), sse, clock));
        handlers.put(Operation.LIST_MULTIPART_UPLOADS, new ListMultipartUploadsHandler(access, store.uploads()));
        handlers.put(Operation.ABORT_MULTIPART_UPLOAD, new AbortMultipartUploadHandler(access, store.uploads()));
        ObjectBodyReader bodies = new ObjectBodyReader(store.blobs());
        handlers.put(Operation.PUT_OBJECT, new PutObjectHandler(access, store.objects(), sse, clock));
        handlers.put(Operation.GET_OBJECT, new GetObjectHandler(access, store.objects(), bodies, sse, false));
        handlers.put(Operation.HEAD_OBJECT, new GetObjectHandler(access, store.objects(), bodies, sse, true));
        // multipart parts and completion, copies, deletes
        handlers.put(Operation.UPLOAD_PART, new UploadPartHandler(access, store.uploads(), store.blobs(), sse, clock));
        handlers.put(Operation.UPLOAD_PART_COPY,
                new UploadPartCopyHandler(access, store.uploads(), store.objects(), store.blobs(), sse, clock));
        handlers.put(Operation.LIST_PARTS, new ListPartsHandler(access, store.uploads()));
        handlers.put(Operation.COMPLETE_MULTIPART_UPLOAD,
                new CompleteMultipartUploadHandler(access, store.uploads(), minPartSize, clock));
        handlers.put(Operation.COPY_OBJECT,
                new CopyObjectHandler(access, store.objects(), store.blobs(), sse, clock));
        handlers.put(Operation.DELETE_OBJECT, new DeleteObjectHandler(access, store.objects(), clock));
        handlers.put(Operation.DELETE_OBJECTS, new DeleteObjectsHandler(access, store.objects(), clock));
        // listings, versioning, ACLs, tags
        handlers.put(Operation.LIST_OBJECTS, new ListObjectsHandler(access, store.objects()));
        handlers.put(Operation.LIST_OBJECTS_V2, new ListObjectsV2Handler(access, store.objects()));
        handlers.put(Operation.LIST_OBJECT_VERSIONS, new ListObjectVersionsHandler(access, store.objects()));
        handlers.put(Operation.GET_BUCKET_VERSIONING, new GetBucketVersioningHandler(access));
        handlers.put(Operation.GET_BUCKET_ACL, new GetBucketAclHandler(access));
        handlers.put(Operation.GET_OBJECT_ACL, new GetObjectAclHandler(access, store.objects()));
        handlers.put(Operation.PUT_BUCKET_ACL, new PutBucketAclHandler(access, store.buckets()));
        handlers.put(Operation.PUT_OBJECT_ACL, new PutObjectAclHandler(access, store.objects()));
        handlers.put(Operation.GET_OBJECT_TAGGING, new GetObjectTaggingHandler(access, store.objects()));
        handlers.put(Operation.PUT_OBJECT_TAGGING, new PutObjectTaggingHandler(access, store.objects()));
        handlers.put(Operation.DELETE_OBJECT_TAGGING, new DeleteObjectTaggingHandler(access, store.objects()));
        // lifecycle configuration
        handlers.put(Operation.PUT_BUCKET_LIFECYCLE, new PutBucketLifecycleHandler(access, store.buckets()));
        handlers.put(Operation.GET_BUCKET_LIFECYCLE, new GetBucketLifecycleHandler(access));
        handlers.put(Operation.DELETE_BUCKET_LIFECYCLE, new DeleteBucketLifecycleHandler(access, store.buckets()));
        // default encryption
        handlers.put(Operation.GET_BUCKET_ENCRYPTION, new GetBucketEncryptionHandler(access));
        handlers.put(Operation.PUT_BUCKET_ENCRYPTION, new PutBucketEncryptionHandler(access, store.buckets()));
        handlers.put(Operation.DELETE_BUCKET_ENCRYPTION, new DeleteBucketEncryptionHandler(access, store.buckets()));
        // object lock (WORM)
        handlers.put(Operation.GET_OBJECT_LOCK_CONFIGURATION, new GetObjectLockConfigurationHandler(access));
        handlers.put(Operation.PUT_OBJECT_LOCK_CONFIGURATION,
                new PutObjectLockConfigurationHandler(access, store.buckets()));
        handlers.put(Operation.GET_OBJECT_RETENTION, new GetObjectRetentionHandler(access, store.objects()));
        handlers.put(Operation.PUT_OBJECT_RETENTION, new PutObjectRetentionHandler(access, store.objects(), clock));
        handlers.put(Operation.GET_OBJECT_LEGAL_HOLD, new GetObjectLegalHoldHandler(access, store.objects()));
        handlers.put(Operation.PUT_OBJECT_LEGAL_HOLD, new PutObjectLegalHoldHandler(access, store.objects()));
    }

    /** The handler of an operation, or null when Rosetta does not serve it. */
    public OperationHandler get(Operation operation) {
        return handlers.get(operation);
    }
}
