package dev.rosetta.server.handler.tagging;

import dev.rosetta.protocol.headers.TaggingHeaderParser;
import dev.rosetta.protocol.model.Tag;
import dev.rosetta.protocol.xml.XmlRequestParser;
import dev.rosetta.protocol.xml.doc.TaggingRequest;
import dev.rosetta.server.handler.BodyPolicy;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.ObjectStore;
import java.util.List;

/**
 * {@code PUT /bucket/key?tagging}: replaces the object's tags with the Tagging document's. MalformedXML
 * for a body that is not one; InvalidTag past S3's limits (10 tags, key 128 and value 256 characters,
 * no repeated key); NoSuchKey for a missing object.
 */
public final class PutObjectTaggingHandler implements DocumentHandler {
    private static final long MAX_DOCUMENT_BYTES = 64 * 1024;
    private final BucketAccess access;
    private final ObjectStore objects;

    public PutObjectTaggingHandler(BucketAccess access, ObjectStore objects) {
        this.access = access;
        this.objects = objects;
    }

    @Override
    public BodyPolicy bodyPolicy() {
        return BodyPolicy.xml(MAX_DOCUMENT_BYTES);
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        BucketRecord bucket = access.bucket(ctx);
        List<Tag> tags = XmlRequestParser.parse(body, "Tagging", TaggingRequest.class).tags();
        TaggingHeaderParser.validate(tags);
        ObjectTags.replace(objects, ctx.bucket(), ctx.key(), tags,
                found -> access.requireObjectControl(ctx, bucket, found, ctx.key()));
        return S3Response.ok();
    }
}
