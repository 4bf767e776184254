package dev.rosetta.protocol.dialect;

import java.util.Locale;

/**
 * The server-side-encryption headers of each header family, and the family's words for the algorithms.
 * Internally an algorithm is always S3's: {@code AES256}, {@code aws:kms} or {@code aws:kms:dsse}; OBS's
 * {@code kms} and COS's {@code cos/kms} are read onto {@code aws:kms} and written back in the family's own
 * word, so an object keeps answering in the dialect of whoever reads it.
 *
 * <table>
 *   <caption>Names per family</caption>
 *   <tr><th></th><th>AMZ (and WOS)</th><th>OBS</th><th>COS</th></tr>
 *   <tr><td>algorithm</td><td>{@code x-amz-server-side-encryption}: AES256, aws:kms, aws:kms:dsse</td>
 *       <td>{@code x-obs-server-side-encryption}: AES256, kms</td>
 *       <td>{@code x-cos-server-side-encryption}: AES256, cos/kms</td></tr>
 *   <tr><td>KMS key id</td><td>{@code -aws-kms-key-id}</td><td>{@code -kms-key-id}</td>
 *       <td>{@code -cos-kms-key-id}</td></tr>
 *   <tr><td>KMS context</td><td>{@code -context}</td><td>none</td><td>{@code -context}</td></tr>
 *   <tr><td>bucket key</td><td>{@code -bucket-key-enabled}</td><td>none</td><td>none</td></tr>
 *   <tr><td>SSE-C</td><td colspan="3">{@code <prefix>server-side-encryption-customer-{algorithm,key,key-MD5}},
 *       copy source {@code <prefix>copy-source-server-side-encryption-customer-*}</td></tr>
 * </table>
 * WOS documents no SSE headers; its family uses the AMZ suffixes with its own prefix.
 */
public final class SseHeaderNames {
    /** SSE-S3: server-managed keys. */
    public static final String AES256 = "AES256";
    /** SSE-KMS (internal name in every family). */
    public static final String AWS_KMS = "aws:kms";
    /** S3's dual-layer SSE-KMS; stored and served like {@link #AWS_KMS}. */
    public static final String AWS_KMS_DSSE = "aws:kms:dsse";

    private SseHeaderNames() {
    }

    /** {@code <prefix>server-side-encryption}. */
    public static String algorithm(HeaderFamily f) {
        return f.header("server-side-encryption");
    }

    /** The KMS key id header of the family. */
    public static String kmsKeyId(HeaderFamily f) {
        return switch (f) {
            case OBS -> f.header("server-side-encryption-kms-key-id");
            case COS -> f.header("server-side-encryption-cos-kms-key-id");
            default -> f.header("server-side-encryption-aws-kms-key-id");
        };
    }

    /**
     * A second response header naming the KMS key, or null: the COS SDK reads the key id of an answer from
     * {@code x-cos-server-side-encryption-qcloud-kms-key-id} (its {@code ObjectMetadata.getSSECOSKmsKeyId}),
     * while COS's request name is {@code -cos-kms-key-id}; COS answers carry both (ASSUMPTION).
     */
    public static String kmsKeyIdResponseAlias(HeaderFamily f) {
        return f == HeaderFamily.COS ? f.header("server-side-encryption-qcloud-kms-key-id") : null;
    }

    /** The KMS encryption-context header, or null where the family has none (OBS). */
    public static String context(HeaderFamily f) {
        return f == HeaderFamily.OBS ? null : f.header("server-side-encryption-context");
    }

    /** The bucket-key header, or null where the family has none (OBS, COS). */
    public static String bucketKeyEnabled(HeaderFamily f) {
        return f == HeaderFamily.OBS || f == HeaderFamily.COS ? null
                : f.header("server-side-encryption-bucket-key-enabled");
    }

    /**
     * An SSE-C header: {@code suffix} is {@code algorithm}, {@code key} or {@code key-MD5}; the copy-source
     * variant names the key of the object a copy reads.
     */
    public static String customer(HeaderFamily f, boolean copySource, String suffix) {
        // constant suffixes, so that the family's name cache is hit instead of a new string built per call
        String full = switch (suffix) {
            case "algorithm" -> copySource ? "copy-source-server-side-encryption-customer-algorithm"
                    : "server-side-encryption-customer-algorithm";
            case "key" -> copySource ? "copy-source-server-side-encryption-customer-key"
                    : "server-side-encryption-customer-key";
            case "key-MD5" -> copySource ? "copy-source-server-side-encryption-customer-key-MD5"
                    : "server-side-encryption-customer-key-MD5";
            case "" -> copySource ? "copy-source-server-side-encryption-customer-"
                    : "server-side-encryption-customer-";
            default -> (copySource ? "copy-source-" : "") + "server-side-encryption-customer-" + suffix;
        };
        return f.header(full);
    }

    /**
     * The internal algorithm of a family's wire value (exact, case-sensitive, as S3 compares it), or null
     * when the family has no such value.
     */
    public static String parseAlgorithm(HeaderFamily f, String value) {
        if (value == null) {
            return null;
        }
        if (value.equals(AES256)) {
            return AES256;
        }
        return switch (f) {
            case OBS -> value.equals("kms") ? AWS_KMS : null;
            case COS -> value.equals("cos/kms") ? AWS_KMS : null;
            default -> value.equals(AWS_KMS) || value.equals(AWS_KMS_DSSE) ? value : null;
        };
    }

    /** The family's word for an internal algorithm ({@code aws:kms} is {@code kms} for OBS, {@code cos/kms} for COS). */
    public static String algorithmName(HeaderFamily f, String algorithm) {
        if (algorithm == null || !algorithm.toLowerCase(Locale.ROOT).startsWith("aws:kms")) {
            return algorithm;
        }
        return switch (f) {
            case OBS -> "kms";
            case COS -> "cos/kms";
            default -> algorithm;
        };
    }

    /** Whether an internal algorithm is one of the KMS ones. */
    public static boolean isKms(String algorithm) {
        return AWS_KMS.equals(algorithm) || AWS_KMS_DSSE.equals(algorithm);
    }
}
