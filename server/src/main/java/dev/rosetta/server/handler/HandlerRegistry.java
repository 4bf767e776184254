package dev.rosetta.server.handler;

import dev.rosetta.protocol.Operation;
import dev.rosetta.server.handler.bucket.CreateBucketHandler;
import dev.rosetta.server.handler.bucket.DeleteBucketHandler;
import dev.rosetta.server.handler.bucket.GetBucketLocationHandler;
import dev.rosetta.server.handler.bucket.HeadBucketHandler;
import dev.rosetta.server.handler.multipart.AbortMultipartUploadHandler;
import dev.rosetta.server.handler.object.GetObjectHandler;
import dev.rosetta.server.handler.object.ObjectBodyReader;
import dev.rosetta.server.handler.object.PutObjectHandler;
import dev.rosetta.server.handler.multipart.InitiateMultipartUploadHandler;
import dev.rosetta.server.handler.multipart.ListMultipartUploadsHandler;
import dev.rosetta.server.handler.service.ListBucketsHandler;
import dev.rosetta.server.handler.service.ObsApiVersionHandler;
import dev.rosetta.storage.StorageEngine;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/** Which handler serves which operation. An operation without one is answered NotImplemented. */
public final class HandlerRegistry {
    private final Map<Operation, OperationHandler> handlers = new EnumMap<>(Operation.class);

    public HandlerRegistry(StorageEngine store, String region, Clock clock) {
        BucketAccess access = new BucketAccess(store.buckets());
        handlers.put(Operation.LIST_BUCKETS, new ListBucketsHandler(store.buckets(), region));
        handlers.put(Operation.OBS_API_VERSION, new ObsApiVersionHandler());
        handlers.put(Operation.CREATE_BUCKET, new CreateBucketHandler(store.buckets(), region, clock));
        handlers.put(Operation.HEAD_BUCKET, new HeadBucketHandler(access, region));
        handlers.put(Operation.DELETE_BUCKET, new DeleteBucketHandler(access, store.buckets()));
        handlers.put(Operation.GET_BUCKET_LOCATION, new GetBucketLocationHandler(access));
        handlers.put(Operation.INITIATE_MULTIPART_UPLOAD,
                new InitiateMultipartUploadHandler(access, store.uploads(), clock));
        handlers.put(Operation.LIST_MULTIPART_UPLOADS, new ListMultipartUploadsHandler(access, store.uploads()));
        handlers.put(Operation.ABORT_MULTIPART_UPLOAD, new AbortMultipartUploadHandler(access, store.uploads()));
        ObjectBodyReader bodies = new ObjectBodyReader(store.blobs());
        handlers.put(Operation.PUT_OBJECT, new PutObjectHandler(access, store.objects(), clock));
        handlers.put(Operation.GET_OBJECT, new GetObjectHandler(access, store.objects(), bodies, false));
        handlers.put(Operation.HEAD_OBJECT, new GetObjectHandler(access, store.objects(), bodies, true));
    }

    /** The handler of an operation, or null when Rosetta does not serve it. */
    public OperationHandler get(Operation operation) {
        return handlers.get(operation);
    }
}
