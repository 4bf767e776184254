package dev.rosetta.server.handler.multipart;

import dev.rosetta.protocol.checksum.ChecksumAlgorithm;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;
import dev.rosetta.protocol.xml.doc.CompleteMultipartUploadRequest;
import dev.rosetta.storage.CompletionPolicy;
import dev.rosetta.storage.MultipartUpload;
import dev.rosetta.storage.ObjectChecksums;
import dev.rosetta.storage.PartRecord;
import dev.rosetta.storage.WriteGuard;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What CompleteMultipartUpload decides beyond the part list: the minimum part size, the conditional
 * write guard, and the object's checksum. Runs under the upload's lock, after the store has matched
 * the listed parts to the uploaded ones (so the i-th requested part is the i-th chosen part).
 *
 * <p>Checks, in order: {@code x-amz-mp-object-size} against the parts' total; every {@code Checksum*}
 * a listed part carries against the part's stored checksum (InvalidPart); then, when the upload has a
 * checksum algorithm, the {@code x-amz-checksum-type} of the request against the upload's, every part's
 * checksum present in a COMPOSITE request (InvalidRequest, as S3), and a whole-object
 * {@code x-amz-checksum-<alg>} header against the computed value (BadDigest).
 */
final class CompletionChecksums implements CompletionPolicy {
    private final long minPartSize;
    private final WriteGuard guard;
    private final List<CompleteMultipartUploadRequest.Part> requested;
    private final String typeHeader;
    private final ChecksumAlgorithm headerAlgorithm;
    private final String headerValue;
    private final String objectSizeHeader;

    CompletionChecksums(long minPartSize, WriteGuard guard, List<CompleteMultipartUploadRequest.Part> requested,
                        RequestHead head, String typeHeaderName, String objectSizeHeaderName) {
        this.minPartSize = minPartSize;
        this.guard = guard;
        this.requested = requested;
        String type = head.header(typeHeaderName);
        this.typeHeader = type == null ? null : type.strip().toUpperCase(Locale.ROOT);
        ChecksumAlgorithm algorithm = null;
        String value = null;
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            String v = head.header(a.headerName());
            if (v != null) {
                if (algorithm != null) {
                    throw new S3Exception(S3ErrorCode.INVALID_REQUEST,
                            "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
                }
                algorithm = a;
                value = v.strip();
            }
        }
        this.headerAlgorithm = algorithm;
        this.headerValue = value;
        this.objectSizeHeader = head.header(objectSizeHeaderName);
        if (objectSizeHeader != null) {
            try {
                if (Long.parseLong(objectSizeHeader.strip()) < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw S3Exception.invalidArgument("Invalid value for " + objectSizeHeaderName + " header",
                        objectSizeHeaderName, objectSizeHeader);
            }
        }
    }

    @Override
    public long minPartSize() {
        return minPartSize;
    }

    @Override
    public WriteGuard guard() {
        return guard;
    }

    @Override
    public ObjectChecksums checksums(List<PartRecord> chosen, MultipartUpload upload) {
        if (objectSizeHeader != null) {
            long total = 0;
            for (PartRecord p : chosen) {
                total += p.size();
            }
            if (Long.parseLong(objectSizeHeader.strip()) != total) {
                throw new S3Exception(S3ErrorCode.INVALID_REQUEST, "The provided 'x-amz-mp-object-size' header value "
                        + objectSizeHeader.strip() + " does not match what was computed: " + total);
            }
        }
        for (int i = 0; i < chosen.size(); i++) {
            PartRecord p = chosen.get(i);
            CompleteMultipartUploadRequest.Part r = requested.get(i);
            for (Map.Entry<ChecksumAlgorithm, String> c : r.checksums().entrySet()) {
                if (!c.getValue().equals(p.checksums().get(c.getKey().name()))) {
                    throw new S3Exception(S3ErrorCode.INVALID_PART)
                            .with("PartNumber", Integer.toString(p.partNumber()))
                            .with("ETag", r.etag());
                }
            }
        }
        ChecksumAlgorithm algorithm = ChecksumAlgorithm.fromName(upload.headers().checksumAlgorithm());
        if (algorithm == null) {
            return ObjectChecksums.NONE;
        }
        String type = ChecksumTypes.of(upload);
        if (typeHeader != null && !typeHeader.equals(type)) {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST, "The upload was created using the " + type
                    + " checksum mode. The complete request must use the same checksum mode.");
        }
        if (headerAlgorithm != null && headerAlgorithm != algorithm) {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST, "Checksum Type mismatch occurred, expected checksum"
                    + " Type: " + algorithm.headerSuffix() + ", actual checksum Type: " + headerAlgorithm.headerSuffix());
        }
        boolean composite = type.equals(ChecksumTypes.COMPOSITE);
        List<byte[]> digests = new ArrayList<>(chosen.size());
        for (int i = 0; i < chosen.size(); i++) {
            PartRecord p = chosen.get(i);
            if (composite && !requested.get(i).checksums().containsKey(algorithm)) {
                throw new S3Exception(S3ErrorCode.INVALID_REQUEST, "The upload was created using a "
                        + algorithm.headerSuffix() + " checksum. The complete request must include the checksum for"
                        + " each part. It was missing for part " + p.partNumber() + " in the request.");
            }
            String stored = p.checksums().get(algorithm.name());
            byte[] digest = stored == null ? null : decode(stored);
            if (digest == null || digest.length != algorithm.digestLength()) {
                // a part stored without the upload's checksum (cannot happen for parts this server took)
                throw new S3Exception(S3ErrorCode.INVALID_PART)
                        .with("PartNumber", Integer.toString(p.partNumber()))
                        .with("ETag", requested.get(i).etag());
            }
            digests.add(digest);
        }
        String value;
        if (composite) {
            value = Base64.getEncoder().encodeToString(algorithm.composite(digests)) + "-" + chosen.size();
        } else {
            byte[] crc = digests.get(0);
            for (int i = 1; i < digests.size(); i++) {
                crc = algorithm.combine(crc, digests.get(i), chosen.get(i).size());
            }
            value = Base64.getEncoder().encodeToString(crc);
        }
        if (headerValue != null && !withoutPartCount(headerValue).equals(withoutPartCount(value))) {
            throw new S3Exception(S3ErrorCode.BAD_DIGEST, "The " + algorithm.headerSuffix()
                    + " you specified did not match the calculated checksum.");
        }
        return new ObjectChecksums(Map.of(algorithm.name(), value), type);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A COMPOSITE value without its {@code -N} suffix (base64 has no {@code -}). */
    private static String withoutPartCount(String value) {
        int dash = value.indexOf('-');
        return dash < 0 ? value : value.substring(0, dash);
    }
}
