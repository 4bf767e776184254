package dev.rosetta.protocol.headers;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.dialect.HeaderFamily;
import dev.rosetta.protocol.dialect.SseHeaderNames;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;
import dev.rosetta.protocol.model.AccessControl;
import dev.rosetta.protocol.model.CannedAcl;
import dev.rosetta.protocol.model.Grant;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.ObjectLock;
import dev.rosetta.protocol.model.ServerSideEncryption;
import dev.rosetta.protocol.model.StorageClass;
import dev.rosetta.protocol.model.Tag;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and checks the headers an object is created with (PutObject, InitiateMultipartUpload,
 * CopyObject with REPLACE) in a dialect's own header names. Every check S3 makes on these headers at
 * creation time is made here, so that a refused request stores nothing.
 */
public final class ObjectHeadersReader {
    /** S3's limit on user metadata: the UTF-8 bytes of every name and value together. */
    public static final int MAX_USER_METADATA_BYTES = 2048;

    private static final String[][] GRANT_HEADERS = {
            {"grant-read", "READ"},
            {"grant-write", "WRITE"},
            {"grant-read-acp", "READ_ACP"},
            {"grant-write-acp", "WRITE_ACP"},
            {"grant-full-control", "FULL_CONTROL"},
    };

    private ObjectHeadersReader() {
    }

    public static ObjectHeaders read(RequestHead head, Dialect dialect) {
        return new ObjectHeaders(
                head.header("content-type"),
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
                objectLock(head, dialect),
                checksumAlgorithm(head, dialect));
    }

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

    private static Map<String, String> userMetadata(RequestHead head, Dialect dialect) {
        String prefix = dialect.metadataPrefix();
        Map<String, String> meta = null;
        for (Map.Entry<String, String> e : head.headerEntries()) {
            String name = e.getKey();
            if (name.length() > prefix.length() && name.regionMatches(true, 0, prefix, 0, prefix.length())) {
                if (meta == null) {
                    meta = new LinkedHashMap<>();
                }
                String key = name.substring(prefix.length()).toLowerCase(Locale.ROOT);
                String value = e.getValue().trim();
                meta.merge(key, value, (a, b) -> a + "," + b);
            }
        }
        if (meta == null) {
            return null;
        }
        // measured as stored: a repeated name counts once, its joined values with their commas;
        // header values arrive one char per byte, so length() is the byte count
        int bytes = 0;
        for (Map.Entry<String, String> e : meta.entrySet()) {
            bytes += e.getKey().length() + e.getValue().length();
        }
        if (bytes > MAX_USER_METADATA_BYTES) {
            throw new S3Exception(S3ErrorCode.METADATA_TOO_LARGE)
                    .with("Size", Integer.toString(bytes))
                    .with("MaxSizeAllowed", Integer.toString(MAX_USER_METADATA_BYTES));
        }
        return meta;
    }

    private static StorageClass storageClass(RequestHead head, Dialect dialect) {
        String value = head.header(dialect.header("storage-class"));
        return value == null ? null : dialect.parseStorageClass(value);
    }

    private static AccessControl accessControl(RequestHead head, Dialect dialect) {
        String aclHeader = dialect.header("acl");
        String cannedValue = head.header(aclHeader);
        CannedAcl canned = cannedValue == null ? null : CannedAcl.fromHeader(aclHeader, cannedValue.trim());
        List<Grant> grants = new ArrayList<>(0);
        for (String[] g : GRANT_HEADERS) {
            String name = dialect.header(g[0]);
            String value = head.header(name);
            if (value != null) {
                grants.addAll(GrantHeaderParser.parse(name, value, Grant.Permission.valueOf(g[1])));
            }
        }
        if (canned != null && !grants.isEmpty()) {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST,
                    "Specifying both Canned ACLs and Header Grants is not allowed");
        }
        return canned == null && grants.isEmpty() ? AccessControl.DEFAULT : new AccessControl(canned, grants);
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
        String customerAlgorithm = head.header(prefix + "algorithm");
        String customerKey = head.header(prefix + "key");
        String customerKeyMd5 = head.header(prefix + "key-MD5");
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

    private static ObjectLock objectLock(RequestHead head, Dialect dialect) {
        String modeHeader = dialect.header("object-lock-mode");
        String dateHeader = dialect.header("object-lock-retain-until-date");
        String holdHeader = dialect.header("object-lock-legal-hold");
        String mode = head.header(modeHeader);
        String date = head.header(dateHeader);
        String hold = head.header(holdHeader);
        if (mode != null && !mode.equals("GOVERNANCE") && !mode.equals("COMPLIANCE")) {
            throw S3Exception.invalidArgument("Unknown wormMode directive.", modeHeader, mode);
        }
        if ((mode == null) != (date == null)) {
            throw S3Exception.invalidArgument("x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must"
                    + " both be supplied", mode == null ? modeHeader : dateHeader, null);
        }
        Instant retainUntil = null;
        if (date != null) {
            try {
                retainUntil = OffsetDateTime.parse(date.trim()).toInstant();
            } catch (DateTimeParseException e) {
                throw S3Exception.invalidArgument("The retain until date must be provided in ISO 8601 format",
                        dateHeader, date);
            }
        }
        Boolean legalHold = null;
        if (hold != null) {
            if (!hold.equals("ON") && !hold.equals("OFF")) {
                throw S3Exception.invalidArgument("Legal Hold must be either of 'ON' or 'OFF'", holdHeader, hold);
            }
            legalHold = hold.equals("ON");
        }
        return new ObjectLock(mode, retainUntil, legalHold);
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
