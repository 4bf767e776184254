package dev.rosetta.bench.load;

import dev.rosetta.bench.http.OutgoingRequest;
import dev.rosetta.bench.http.RequestKind;
import dev.rosetta.bench.sign.Crypto;
import dev.rosetta.bench.sign.Percent;
import dev.rosetta.bench.sign.SignableRequest;
import dev.rosetta.bench.sign.SignableRequest.Param;
import dev.rosetta.bench.sign.Signer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds and signs the S3 requests the workloads send, path-style ({@code /bucket/key}). Bodies come from
 * the shared {@link Payload}.
 */
public final class S3Requests {
    static final String USER_AGENT = "rosetta-bench";

    private final String hostHeader;
    private final String basePath;
    private final Signer signer;
    private final Payload payload;
    private final boolean signPayload;

    /**
     * @param basePath    a path prefix of the endpoint ("" for none)
     * @param signPayload put the body's SHA-256 in SigV4/WOS signatures instead of UNSIGNED-PAYLOAD
     */
    public S3Requests(String hostHeader, String basePath, Signer signer, Payload payload, boolean signPayload) {
        this.hostHeader = hostHeader;
        this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        this.signer = signer;
        this.payload = payload;
        this.signPayload = signPayload && signer.signsPayload();
    }

    public OutgoingRequest createBucket(String bucket) {
        return request(RequestKind.CREATE_BUCKET, "PUT", bucketPath(bucket), List.of(), null, null, true);
    }

    public OutgoingRequest deleteBucket(String bucket) {
        return request(RequestKind.DELETE_BUCKET, "DELETE", bucketPath(bucket), List.of(), null, null, false);
    }

    public OutgoingRequest putObject(String bucket, String key, long size) {
        return request(RequestKind.PUT, "PUT", objectPath(bucket, key), List.of(), payload.body(size),
                signPayload ? payload.sha256Hex(size) : null, false);
    }

    public OutgoingRequest getObject(String bucket, String key) {
        return request(RequestKind.GET, "GET", objectPath(bucket, key), List.of(), null, null, false);
    }

    public OutgoingRequest headObject(String bucket, String key) {
        return request(RequestKind.HEAD, "HEAD", objectPath(bucket, key), List.of(), null, null, false);
    }

    public OutgoingRequest deleteObject(String bucket, String key) {
        return request(RequestKind.DELETE, "DELETE", objectPath(bucket, key), List.of(), null, null, false);
    }

    /** ListObjectsV2: one page of at most {@code maxKeys} keys under {@code prefix}. */
    public OutgoingRequest listObjectsV2(String bucket, String prefix, int maxKeys, String continuationToken) {
        List<Param> q = new ArrayList<>(4);
        q.add(new Param("list-type", "2"));
        q.add(new Param("prefix", prefix));
        q.add(new Param("max-keys", Integer.toString(maxKeys)));
        if (continuationToken != null) {
            q.add(new Param("continuation-token", continuationToken));
        }
        return request(RequestKind.LIST, "GET", bucketPath(bucket), q, null, null, true);
    }

    public OutgoingRequest initiate(String bucket, String key, boolean keepBody) {
        return request(RequestKind.INITIATE, "POST", objectPath(bucket, key), List.of(new Param("uploads", null)), null,
                null, keepBody);
    }

    public OutgoingRequest uploadPart(String bucket, String key, String uploadId, int partNumber, long size) {
        return request(RequestKind.UPLOAD_PART, "PUT", objectPath(bucket, key),
                List.of(new Param("partNumber", Integer.toString(partNumber)), new Param("uploadId", uploadId)),
                payload.body(size), signPayload ? payload.sha256Hex(size) : null, false);
    }

    /** CompleteMultipartUpload with parts 1..n and their ETags (as the server returned them). */
    public OutgoingRequest complete(String bucket, String key, String uploadId, List<String> etags) {
        StringBuilder xml = new StringBuilder(64 + etags.size() * 80).append("<CompleteMultipartUpload>");
        for (int i = 0; i < etags.size(); i++) {
            xml.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><ETag>")
                    .append(etags.get(i).replace("&", "&amp;").replace("\"", "&quot;"))
                    .append("</ETag></Part>");
        }
        byte[] body = xml.append("</CompleteMultipartUpload>").toString().getBytes(StandardCharsets.UTF_8);
        return request(RequestKind.COMPLETE, "POST", objectPath(bucket, key), List.of(new Param("uploadId", uploadId)),
                Unpooled.wrappedBuffer(body), signPayload ? Crypto.hex(Crypto.sha256(body)) : null, true);
    }

    public OutgoingRequest abort(String bucket, String key, String uploadId) {
        return request(RequestKind.ABORT, "DELETE", objectPath(bucket, key), List.of(new Param("uploadId", uploadId)),
                null, null, false);
    }

    /** ListMultipartUploads under a prefix, from a (key, upload id) marker. */
    public OutgoingRequest listUploads(String bucket, String prefix, String keyMarker, String uploadIdMarker) {
        List<Param> q = new ArrayList<>(4);
        q.add(new Param("uploads", null));
        q.add(new Param("prefix", prefix));
        if (keyMarker != null) {
            q.add(new Param("key-marker", keyMarker));
            if (uploadIdMarker != null) {
                q.add(new Param("upload-id-marker", uploadIdMarker));
            }
        }
        return request(RequestKind.LIST_UPLOADS, "GET", bucketPath(bucket), q, null, null, true);
    }

    private String bucketPath(String bucket) {
        return basePath + "/" + bucket;
    }

    private String objectPath(String bucket, String key) {
        return basePath + "/" + bucket + "/" + Percent.encodePath(key);
    }

    private OutgoingRequest request(RequestKind kind, String method, String rawPath, List<Param> query, ByteBuf body,
                                    String bodySha256, boolean keepBody) {
        SignableRequest r = new SignableRequest(method, rawPath, query);
        r.header("Host", hostHeader);
        r.header("User-Agent", USER_AGENT);
        if (kind == RequestKind.COMPLETE) {
            r.header("Content-Type", "application/xml");
        }
        if (signPayload) {
            r.payloadSha256(bodySha256 != null ? bodySha256 : Crypto.EMPTY_SHA256);
        }
        signer.sign(r, System.currentTimeMillis());
        return new OutgoingRequest(kind, method, r.target(), r.headers(), body, keepBody);
    }

    /** An unsigned GET of a fixed target (path and query as given) on the endpoint's host. */
    public static OutgoingRequest staticGet(String hostHeader, String target) {
        List<SignableRequest.Header> headers = List.of(new SignableRequest.Header("Host", hostHeader),
                new SignableRequest.Header("User-Agent", USER_AGENT));
        return new OutgoingRequest(RequestKind.STATIC_GET, "GET", target, headers, null, false);
    }
}
