package dev.rosetta.protocol.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headers an object is created with: what PutObject stores with the object and what
 * InitiateMultipartUpload keeps with the upload until Complete turns them into the object's.
 * Every field but {@code contentType}, {@code userMetadata}, {@code acl} and {@code tags} may be null
 * (not sent).
 *
 * @param userMetadata metadata names lower-cased and without the dialect's prefix, values as sent,
 *                     in the order they were sent
 * @param storageClass null when the request named none (the bucket's default then applies)
 * @param expiresDays  OBS {@code x-obs-expires}: the object is deleted this many days after its last
 *                     modification; null for never
 */
public record ObjectHeaders(
        String contentType,
        String cacheControl,
        String contentDisposition,
        String contentEncoding,
        String contentLanguage,
        String expires,
        String websiteRedirectLocation,
        Map<String, String> userMetadata,
        StorageClass storageClass,
        AccessControl acl,
        List<Tag> tags,
        ServerSideEncryption sse,
        ObjectLock objectLock,
        String checksumAlgorithm,
        Integer expiresDays) {

    /** S3's Content-Type when none is given. */
    public static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";

    public ObjectHeaders {
        if (contentType == null) {
            contentType = DEFAULT_CONTENT_TYPE;
        }
        userMetadata = userMetadata == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(userMetadata));
        if (acl == null) {
            acl = AccessControl.DEFAULT;
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (sse != null && sse.isEmpty()) {
            sse = null;
        }
        if (objectLock != null && objectLock.isEmpty()) {
            objectLock = null;
        }
        if (expiresDays != null && expiresDays < 0) {
            throw new IllegalArgumentException("expiresDays must not be negative: " + expiresDays);
        }
    }

    /** Headers without an expiry ({@code expiresDays} null). */
    public ObjectHeaders(String contentType, String cacheControl, String contentDisposition, String contentEncoding,
                         String contentLanguage, String expires, String websiteRedirectLocation,
                         Map<String, String> userMetadata, StorageClass storageClass, AccessControl acl, List<Tag> tags,
                         ServerSideEncryption sse, ObjectLock objectLock, String checksumAlgorithm) {
        this(contentType, cacheControl, contentDisposition, contentEncoding, contentLanguage, expires,
                websiteRedirectLocation, userMetadata, storageClass, acl, tags, sse, objectLock, checksumAlgorithm, null);
    }

    /** These headers with another storage class. */
    public ObjectHeaders withStorageClass(StorageClass newStorageClass) {
        return new ObjectHeaders(contentType, cacheControl, contentDisposition, contentEncoding, contentLanguage,
                expires, websiteRedirectLocation, userMetadata, newStorageClass, acl, tags, sse, objectLock,
                checksumAlgorithm, expiresDays);
    }

    /** These headers with another object lock (retention, legal hold); null for none. */
    public ObjectHeaders withObjectLock(ObjectLock newObjectLock) {
        return new ObjectHeaders(contentType, cacheControl, contentDisposition, contentEncoding, contentLanguage,
                expires, websiteRedirectLocation, userMetadata, storageClass, acl, tags, sse, newObjectLock,
                checksumAlgorithm, expiresDays);
    }

    /** These headers with other tags. */
    public ObjectHeaders withTags(List<Tag> newTags) {
        return new ObjectHeaders(contentType, cacheControl, contentDisposition, contentEncoding, contentLanguage,
                expires, websiteRedirectLocation, userMetadata, storageClass, acl, newTags, sse, objectLock,
                checksumAlgorithm, expiresDays);
    }

    /** These headers with another server-side encryption (e.g. the KMS key actually used filled in). */
    public ObjectHeaders withSse(ServerSideEncryption newSse) {
        return new ObjectHeaders(contentType, cacheControl, contentDisposition, contentEncoding, contentLanguage,
                expires, websiteRedirectLocation, userMetadata, storageClass, acl, tags, newSse, objectLock,
                checksumAlgorithm, expiresDays);
    }

    /** These headers with another ACL (null: the default, private). */
    public ObjectHeaders withAcl(AccessControl newAcl) {
        return new ObjectHeaders(contentType, cacheControl, contentDisposition, contentEncoding, contentLanguage,
                expires, websiteRedirectLocation, userMetadata, storageClass, newAcl, tags, sse, objectLock,
                checksumAlgorithm, expiresDays);
    }

    /** Headers of an object created with nothing but defaults. */
    public static ObjectHeaders defaults() {
        return new ObjectHeaders(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
