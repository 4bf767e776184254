package dev.rosetta.protocol.headers;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.dialect.HeaderFamily;
import dev.rosetta.protocol.dialect.Service;
import dev.rosetta.protocol.dialect.SseHeaderNames;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;
import dev.rosetta.protocol.model.AccessControl;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.ServerSideEncryption;
import dev.rosetta.protocol.model.StorageClass;
import dev.rosetta.protocol.model.Tag;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and checks the headers an object is created with (PutObject, InitiateMultipartUpload,
 * CopyObject with REPLACE) in a dialect's own header names. Every check S3 makes on these headers at
 * creation time is made here, so that a refused request stores nothing.
 */
public final class ObjectHeadersReader {
    /** S3's limit on user metadata: the UTF-8 bytes of every name and value together (see {@link UserMetadataHeaders}). */
    public static final int MAX_USER_METADATA_BYTES = UserMetadataHeaders.AWS_TOTAL_BYTES;

    private ObjectHeadersReader() {
    }

    public static ObjectHeaders read(RequestHead head, Dialect dialect) {
        return new ObjectHeaders(
                contentType(head, dialect),
                head.header("cache-control"),
                head.header("content-disposition"),
                contentEncoding(head.header("content-encoding")),
                head.header("content-language"),
                head.header("expires"),
                head.header(dialect.header("website-redirect-location")),
                userMetadata(head, dialect),
                storageClass(head, dialect),
                accessControl(head, dialect),
                tags(head, dialect),
                serverSideEncryption(head, dialect),
                ObjectLockHeaders.read(head, dialect),
                checksumAlgorithm(head, dialect),
                ObsExpiresHeader.read(head, dialect));
    }

    /** COS's default Content-Type is {@code application/octet-stream}; S3's (the model's default) elsewhere. */
    private static String contentType(RequestHead head, Dialect dialect) {
        String value = head.header("content-type");
        if (value == null && Service.of(dialect) == Service.COS) {
            return COS_DEFAULT_CONTENT_TYPE;
        }
        return value;
    }

    /** What COS stores for an object uploaded without Content-Type. */
    public static final String COS_DEFAULT_CONTENT_TYPE = "application/octet-stream";

    /** Content-Encoding without the {@code aws-chunked} transfer token; null when nothing remains. */
    static String contentEncoding(String value) {
        if (value == null || !value.toLowerCase(Locale.ROOT).contains("aws-chunked")) {
            return value;
        }
        StringBuilder sb = new StringBuilder();
        for (String token : value.split(",")) {
            String t = token.trim();
            if (!t.isEmpty() && !t.equalsIgnoreCase("aws-chunked")) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(t);
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** User metadata with each service's name rules, value handling and limits ({@link UserMetadataHeaders}). */
    private static Map<String, String> userMetadata(RequestHead head, Dialect dialect) {
        return UserMetadataHeaders.read(head, dialect);
    }

    private static StorageClass storageClass(RequestHead head, Dialect dialect) {
        String value = head.header(dialect.header("storage-class"));
        return value == null ? null : dialect.parseStorageClass(value);
    }

    /** The ACL headers in the family's names and values ({@link AclHeaders}). */
    private static AccessControl accessControl(RequestHead head, Dialect dialect) {
        return AclHeaders.read(head, dialect, AclHeaders.Target.OBJECT);
    }

    private static List<Tag> tags(RequestHead head, Dialect dialect) {
        String value = head.header(dialect.header("tagging"));
        return value == null ? null : TaggingHeaderParser.parse(value);
    }

    /** S3's limit on a KMS key id (an id, alias or ARN). */
    static final int MAX_KMS_KEY_ID_LENGTH = 2048;

    /**
     * The encryption headers in the family's own names and words ({@link SseHeaderNames}); OBS {@code kms} and
     * COS {@code cos/kms} are stored as {@code aws:kms}. OBS's {@code x-obs-sse-kms-key-project-id} is accepted
     * and not kept (keys are not per project here).
     */
    private static ServerSideEncryption serverSideEncryption(RequestHead head, Dialect dialect) {
        HeaderFamily family = dialect.family();
        String sseHeader = SseHeaderNames.algorithm(family);
        String sent = head.header(sseHeader);
        String kmsKeyIdHeader = SseHeaderNames.kmsKeyId(family);
        String kmsKeyId = head.header(kmsKeyIdHeader);
        String contextHeader = SseHeaderNames.context(family);
        String context = contextHeader == null ? null : head.header(contextHeader);
        String bucketKeyHeader = SseHeaderNames.bucketKeyEnabled(family);
        String bucketKey = bucketKeyHeader == null ? null : head.header(bucketKeyHeader);
        String algorithm = SseHeaderNames.parseAlgorithm(family, sent);
        if (sent != null && algorithm == null) {
            throw S3Exception.invalidArgument("The encryption method specified is not supported", sseHeader, sent);
        }
        if ((kmsKeyId != null || context != null) && !SseHeaderNames.isKms(algorithm)) {
            throw S3Exception.invalidArgument("Server Side Encryption with KMS managed key requires HTTP header "
                    + sseHeader + " : " + SseHeaderNames.algorithmName(family, SseHeaderNames.AWS_KMS), sseHeader,
                    sent);
        }
        if (kmsKeyId != null && (kmsKeyId.isBlank() || kmsKeyId.length() > MAX_KMS_KEY_ID_LENGTH)) {
            throw S3Exception.invalidArgument("Invalid KMS key id", kmsKeyIdHeader, null);
        }
        if (context != null && !isBase64JsonObject(context)) {
            throw S3Exception.invalidArgument("The header '" + contextHeader + "' shall be Base64-encoded UTF-8 string"
                    + " holding JSON which represents a string-string map", contextHeader, null);
        }
        Boolean bucketKeyEnabled = null;
        if (bucketKey != null) {
            if (!bucketKey.equalsIgnoreCase("true") && !bucketKey.equalsIgnoreCase("false")) {
                throw S3Exception.invalidArgument("Invalid bucket key value", bucketKeyHeader, bucketKey);
            }
            bucketKeyEnabled = Boolean.parseBoolean(bucketKey);
        }
        String prefix = SseHeaderNames.customer(family, false, "");
        String customerAlgorithm = head.header(SseHeaderNames.customer(family, false, "algorithm"));
        String customerKey = head.header(SseHeaderNames.customer(family, false, "key"));
        String customerKeyMd5 = head.header(SseHeaderNames.customer(family, false, "key-MD5"));
        if (customerAlgorithm != null || customerKey != null || customerKeyMd5 != null) {
            checkCustomerKey(prefix, customerAlgorithm, customerKey, customerKeyMd5);
            if (sent != null) {
                throw S3Exception.invalidArgument("Server Side Encryption with Customer provided key is incompatible"
                        + " with the encryption method specified", sseHeader, sent);
            }
            customerKeyMd5 = customerKeyMd5.trim();
        }
        return new ServerSideEncryption(algorithm, kmsKeyId, context, bucketKeyEnabled, customerAlgorithm,
                customerKeyMd5);
    }

    /** Whether a value is base64 of a UTF-8 JSON object (checked shallowly: braces around the decoded text). */
    private static boolean isBase64JsonObject(String value) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        String json = new String(decoded, java.nio.charset.StandardCharsets.UTF_8).strip();
        return json.startsWith("{") && json.endsWith("}");
    }

    /** Checks an SSE-C triple: algorithm AES256, a base64 256-bit key, and that key's base64 MD5. */
    public static void checkCustomerKey(String prefix, String algorithm, String key, String keyMd5) {
        if (algorithm == null) {
            throw S3Exception.invalidArgument("Requests specifying Server Side Encryption with Customer provided keys"
                    + " must provide a valid encryption algorithm.", prefix + "algorithm", null);
        }
        if (!algorithm.equals("AES256")) {
            throw S3Exception.invalidArgument("The encryption algorithm specified is not valid.",
                    prefix + "algorithm", algorithm);
        }
        if (key == null) {
            throw S3Exception.invalidArgument("Requests specifying Server Side Encryption with Customer provided keys"
                    + " must provide an appropriate secret key.", prefix + "key", null);
        }
        if (keyMd5 == null) {
            throw S3Exception.invalidArgument("Requests specifying Server Side Encryption with Customer provided keys"
                    + " must provide the client calculated MD5 of the secret key.", prefix + "key-MD5", null);
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(key.trim());
        } catch (IllegalArgumentException e) {
            raw = null;
        }
        if (raw == null || raw.length != 32) {
            // never echo the key itself
            throw S3Exception.invalidArgument("The secret key was invalid for the specified algorithm.",
                    prefix + "key", null);
        }
        byte[] md5;
        try {
            md5 = MessageDigest.getInstance("MD5").digest(raw);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (!Base64.getEncoder().encodeToString(md5).equals(keyMd5.trim())) {
            throw S3Exception.invalidArgument("The calculated MD5 hash of the key did not match the hash that was"
                    + " provided.", prefix + "key-MD5", null);
        }
    }

    private static String checksumAlgorithm(RequestHead head, Dialect dialect) {
        String value = head.header(dialect.header("checksum-algorithm"));
        if (value == null) {
            return null;
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        switch (upper) {
            case "CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256":
                return upper;
            default:
                throw new S3Exception(S3ErrorCode.INVALID_REQUEST,
                        "Value for " + dialect.header("checksum-algorithm") + " header is invalid.");
        }
    }
}
