package dev.rosetta.storage.schema;

import dev.rosetta.protocol.model.AccessControl;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.ObjectLock;
import dev.rosetta.protocol.model.ServerSideEncryption;
import dev.rosetta.protocol.model.StorageClass;
import dev.rosetta.protocol.model.Tag;
import dev.rosetta.storage.StorageException;
import dev.rosetta.storage.codec.RecordReader;
import dev.rosetta.storage.codec.RecordWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nested encoding of {@link ObjectHeaders}, shared by upload records and (next) object records.
 * Every field is kept; user metadata and tags keep their order (repeated fields, in order).
 *
 * <pre>
 *  1 contentType  2 cacheControl  3 contentDisposition  4 contentEncoding  5 contentLanguage
 *  6 expires      7 websiteRedirectLocation
 *  8 metadata entry (repeated) { 1 name, 2 value }
 *  9 storageClass (enum name)
 * 10 acl (see {@link AclCodec}) { 1 canned (enum name), 2 grant (repeated) { 1 permission, 2 granteeType,
 *        3 grantee, 4 delivered }, 3 delivered }
 * 11 tag (repeated) { 1 key, 2 value }
 * 12 sse { 1 algorithm, 2 kmsKeyId, 3 kmsContext, 4 bucketKeyEnabled, 5 customerAlgorithm, 6 customerKeyMd5 }
 * 13 objectLock { 1 mode, 2 retainUntil, 3 legalHold }
 * 14 checksumAlgorithm
 * 20 expiresDays (int32; OBS x-obs-expires)
 * </pre>
 * Tags 15-19 are reserved for encryption fields; lock and expiry fields use 20 and above.
 */
public final class ObjectHeadersCodec {
    private ObjectHeadersCodec() {
    }

    private static final int CONTENT_TYPE = 1;
    private static final int CACHE_CONTROL = 2;
    private static final int CONTENT_DISPOSITION = 3;
    private static final int CONTENT_ENCODING = 4;
    private static final int CONTENT_LANGUAGE = 5;
    private static final int EXPIRES = 6;
    private static final int WEBSITE_REDIRECT = 7;
    private static final int METADATA = 8;
    private static final int STORAGE_CLASS = 9;
    private static final int ACL = 10;
    private static final int TAG = 11;
    private static final int SSE = 12;
    private static final int OBJECT_LOCK = 13;
    private static final int CHECKSUM_ALGORITHM = 14;
    private static final int EXPIRES_DAYS = 20;

    private static final int PAIR_NAME = 1;
    private static final int PAIR_VALUE = 2;

    private static final int SSE_ALGORITHM = 1;
    private static final int SSE_KMS_KEY_ID = 2;
    private static final int SSE_KMS_CONTEXT = 3;
    private static final int SSE_BUCKET_KEY = 4;
    private static final int SSE_CUSTOMER_ALGORITHM = 5;
    private static final int SSE_CUSTOMER_KEY_MD5 = 6;

    private static final int LOCK_MODE = 1;
    private static final int LOCK_RETAIN_UNTIL = 2;
    private static final int LOCK_LEGAL_HOLD = 3;

    /** Writes {@code h} as a nested record under {@code tag}. */
    public static void write(RecordWriter w, int tag, ObjectHeaders h) {
        int mark = w.beginNested(tag);
        w.string(CONTENT_TYPE, h.contentType());
        w.string(CACHE_CONTROL, h.cacheControl());
        w.string(CONTENT_DISPOSITION, h.contentDisposition());
        w.string(CONTENT_ENCODING, h.contentEncoding());
        w.string(CONTENT_LANGUAGE, h.contentLanguage());
        w.string(EXPIRES, h.expires());
        w.string(WEBSITE_REDIRECT, h.websiteRedirectLocation());
        for (Map.Entry<String, String> e : h.userMetadata().entrySet()) {
            int m = w.beginNested(METADATA);
            w.string(PAIR_NAME, e.getKey());
            w.string(PAIR_VALUE, e.getValue());
            w.endNested(m);
        }
        w.enumName(STORAGE_CLASS, h.storageClass());
        AclCodec.write(w, ACL, h.acl());
        for (Tag t : h.tags()) {
            int m = w.beginNested(TAG);
            w.string(PAIR_NAME, t.key());
            w.string(PAIR_VALUE, t.value());
            w.endNested(m);
        }
        ServerSideEncryption sse = h.sse();
        if (sse != null) {
            int s = w.beginNested(SSE);
            w.string(SSE_ALGORITHM, sse.algorithm());
            w.string(SSE_KMS_KEY_ID, sse.kmsKeyId());
            w.string(SSE_KMS_CONTEXT, sse.kmsContext());
            w.bool(SSE_BUCKET_KEY, sse.bucketKeyEnabled());
            w.string(SSE_CUSTOMER_ALGORITHM, sse.customerAlgorithm());
            w.string(SSE_CUSTOMER_KEY_MD5, sse.customerKeyMd5());
            w.endNested(s);
        }
        ObjectLock lock = h.objectLock();
        if (lock != null) {
            int l = w.beginNested(OBJECT_LOCK);
            w.string(LOCK_MODE, lock.mode());
            w.instant(LOCK_RETAIN_UNTIL, lock.retainUntil());
            w.bool(LOCK_LEGAL_HOLD, lock.legalHold());
            w.endNested(l);
        }
        w.string(CHECKSUM_ALGORITHM, h.checksumAlgorithm());
        if (h.expiresDays() != null) {
            w.int32(EXPIRES_DAYS, h.expiresDays());
        }
        w.endNested(mark);
    }

    /** Reads a nested record written by {@link #write}. */
    public static ObjectHeaders read(RecordReader r) {
        String contentType = null;
        String cacheControl = null;
        String contentDisposition = null;
        String contentEncoding = null;
        String contentLanguage = null;
        String expires = null;
        String redirect = null;
        Map<String, String> metadata = null;
        StorageClass storageClass = null;
        AccessControl acl = null;
        List<Tag> tags = null;
        ServerSideEncryption sse = null;
        ObjectLock lock = null;
        String checksumAlgorithm = null;
        Integer expiresDays = null;
        while (r.next()) {
            switch (r.tag()) {
                case CONTENT_TYPE -> contentType = r.string();
                case CACHE_CONTROL -> cacheControl = r.string();
                case CONTENT_DISPOSITION -> contentDisposition = r.string();
                case CONTENT_ENCODING -> contentEncoding = r.string();
                case CONTENT_LANGUAGE -> contentLanguage = r.string();
                case EXPIRES -> expires = r.string();
                case WEBSITE_REDIRECT -> redirect = r.string();
                case METADATA -> {
                    if (metadata == null) {
                        metadata = new LinkedHashMap<>();
                    }
                    String[] pair = readPair(r.nested(), "metadata");
                    metadata.put(pair[0], pair[1]);
                }
                case STORAGE_CLASS -> storageClass = r.enumValue(StorageClass.class);
                case ACL -> acl = AclCodec.read(r.nested());
                case TAG -> {
                    if (tags == null) {
                        tags = new ArrayList<>();
                    }
                    String[] pair = readPair(r.nested(), "tag");
                    tags.add(new Tag(pair[0], pair[1]));
                }
                case SSE -> sse = readSse(r.nested());
                case OBJECT_LOCK -> lock = readLock(r.nested());
                case CHECKSUM_ALGORITHM -> checksumAlgorithm = r.string();
                case EXPIRES_DAYS -> expiresDays = r.int32();
                default -> { }
            }
        }
        return new ObjectHeaders(contentType, cacheControl, contentDisposition, contentEncoding, contentLanguage,
                expires, redirect, metadata, storageClass, acl, tags, sse, lock, checksumAlgorithm, expiresDays);
    }

    private static String[] readPair(RecordReader r, String what) {
        String name = null;
        String value = null;
        while (r.next()) {
            switch (r.tag()) {
                case PAIR_NAME -> name = r.string();
                case PAIR_VALUE -> value = r.string();
                default -> { }
            }
        }
        if (name == null || value == null) {
            throw new StorageException("corrupt record: incomplete " + what + " entry");
        }
        return new String[] {name, value};
    }

    private static ServerSideEncryption readSse(RecordReader r) {
        String algorithm = null;
        String kmsKeyId = null;
        String kmsContext = null;
        Boolean bucketKey = null;
        String customerAlgorithm = null;
        String customerKeyMd5 = null;
        while (r.next()) {
            switch (r.tag()) {
                case SSE_ALGORITHM -> algorithm = r.string();
                case SSE_KMS_KEY_ID -> kmsKeyId = r.string();
                case SSE_KMS_CONTEXT -> kmsContext = r.string();
                case SSE_BUCKET_KEY -> bucketKey = r.bool();
                case SSE_CUSTOMER_ALGORITHM -> customerAlgorithm = r.string();
                case SSE_CUSTOMER_KEY_MD5 -> customerKeyMd5 = r.string();
                default -> { }
            }
        }
        return new ServerSideEncryption(algorithm, kmsKeyId, kmsContext, bucketKey, customerAlgorithm, customerKeyMd5);
    }

    private static ObjectLock readLock(RecordReader r) {
        String mode = null;
        Instant retainUntil = null;
        Boolean legalHold = null;
        while (r.next()) {
            switch (r.tag()) {
                case LOCK_MODE -> mode = r.string();
                case LOCK_RETAIN_UNTIL -> retainUntil = r.instant();
                case LOCK_LEGAL_HOLD -> legalHold = r.bool();
                default -> { }
            }
        }
        return new ObjectLock(mode, retainUntil, legalHold);
    }
}
