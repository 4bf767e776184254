package dev.rosetta.server.crypto;

import dev.rosetta.auth.AuthScheme;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.headers.CustomerKeyHeaders;
import dev.rosetta.protocol.headers.ObjectHeadersReader;
import dev.rosetta.protocol.model.CustomerKey;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.ServerSideEncryption;
import dev.rosetta.server.config.ConfigException;
import dev.rosetta.server.config.SseConfig;
import dev.rosetta.server.handler.ClientConnection;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.MultipartUpload;
import dev.rosetta.storage.ObjectBody;
import dev.rosetta.storage.ObjectRecord;
import dev.rosetta.storage.StorageException;
import dev.rosetta.storage.blob.BlobRef;
import dev.rosetta.storage.crypto.DataKey;
import dev.rosetta.storage.crypto.Envelope;
import dev.rosetta.storage.crypto.EnvelopeOpener;
import dev.rosetta.storage.crypto.KeyEncryptionKey;
import dev.rosetta.storage.crypto.KeyRing;
import dev.rosetta.storage.crypto.WrongKeyException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-side encryption as the handlers see it: which key-encryption key a write uses (SSE-C key of the
 * request, the master key, a KMS key), which keys a read may use, and S3's rules about them:
 * <ul>
 *   <li>SSE-C keys only over TLS, from loopback, or where {@code allowSseCOverHttp} is set: else
 *       {@code 400 InvalidRequest};</li>
 *   <li>reading an SSE-C object (GET, HEAD, copy source) needs its key: none is {@code 400 InvalidRequest},
 *       another is {@code 403 AccessDenied}; a key sent for an object that has none is
 *       {@code 400 InvalidRequest};</li>
 *   <li>every part of an SSE-C upload presents the upload's key ({@code 400 InvalidRequest} otherwise);</li>
 *   <li>SSE-KMS names a key of the local key store (the default {@value KeyRing#DEFAULT_KMS_KEY_ID} when it
 *       names none); an unknown one is created, or {@code 400 KMS.NotFoundException} when creation is off.</li>
 * </ul>
 * Thread-safe.
 */
public final class SseService {
    private static final Logger log = LoggerFactory.getLogger(SseService.class);
    static final String INSECURE_TRANSPORT = "Requests specifying Server Side Encryption with Customer provided keys"
            + " must be made over a secure connection.";
    static final String KEY_REQUIRED = "The object was stored using a form of Server Side Encryption. The correct"
            + " parameters must be provided to retrieve the object.";
    static final String NOT_APPLICABLE = "The encryption parameters are not applicable to this object.";
    static final String KMS_NEEDS_V4 = "Requests specifying Server Side Encryption with AWS KMS managed keys require"
            + " AWS Signature Version 4.";
    static final String PART_KEY_REQUIRED = "The multipart upload initiate requested encryption. Subsequent part"
            + " requests must include the appropriate encryption parameters.";
    static final String PART_KEY_MISMATCH = "The provided encryption parameters did not match the ones used"
            + " originally.";

    private final KeyRing keys;
    private final SseConfig config;

    public SseService(KeyRing keys, SseConfig config) {
        this.keys = keys;
        this.config = config;
    }

    /**
     * Opens (creating what is missing) the master key and KMS key store of a data directory.
     *
     * @throws ConfigException when the key material cannot be read, written or opened (a wrong master key)
     */
    public static SseService open(Path dataDir, SseConfig config) {
        try {
            return new SseService(KeyRing.open(dataDir, config.masterKeyFile(), config.kmsAutoCreate(),
                    config.kmsKeys()), config);
        } catch (StorageException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    public KeyRing keyRing() {
        return keys;
    }

    /**
     * The headers a new object or upload is created with and the key its bytes are encrypted under.
     *
     * @param headers the request's headers, encryption resolved: an SSE-KMS request without a key id names
     *                the key actually used, so that it is stored and echoed
     * @param key     the key-encryption key, or null for an unencrypted object
     */
    public record WriteEncryption(ObjectHeaders headers, KeyEncryptionKey key) {
        /** A fresh data key for one blob or inline body, or null when nothing is encrypted. */
        public DataKey newDataKey() {
            return key == null ? null : key.newDataKey();
        }
    }

    /**
     * Reads a creating request's headers ({@link ObjectHeadersReader}) after the SSE-C transport check, and
     * resolves their encryption: PutObject, CopyObject's destination, InitiateMultipartUpload. A request that
     * names no algorithm (and no customer key) gets the bucket's default encryption, when it has one.
     */
    public WriteEncryption forWrite(RequestContext ctx, BucketRecord bucket) {
        checkTransport(ctx);
        ObjectHeaders headers = ObjectHeadersReader.read(ctx.head(), ctx.dialect());
        ServerSideEncryption sse = headers.sse();
        boolean byDefault = false;
        if (bucket.encryption() != null && (sse == null || (sse.algorithm() == null && !sse.isCustomerKey()))) {
            sse = bucket.encryption().asRequested(); // the request names no encryption: the bucket's default
            headers = headers.withSse(sse);
            byDefault = true;
        }
        if (sse == null) {
            return new WriteEncryption(headers, null);
        }
        if (sse.isCustomerKey()) {
            CustomerKey key = CustomerKeyHeaders.read(ctx.head(), ctx.dialect(), false);
            try {
                return new WriteEncryption(headers, KeyEncryptionKey.customer(key.key(), key.keyMd5()));
            } finally {
                key.destroy();
            }
        }
        if (sse.isS3Managed()) {
            return new WriteEncryption(headers, keys.master());
        }
        if (sse.isKms()) {
            if (!byDefault) {
                requireSignatureV4(ctx); // S3's rule for requests that ask for KMS, not for a bucket's default
            }
            KeyEncryptionKey kms = keys.kmsForWrite(sse.kmsKeyId(), sse.kmsContext());
            if (sse.kmsKeyId() == null) {
                headers = headers.withSse(sse.withKmsKeyId(kms.keyId()));
            }
            return new WriteEncryption(headers, kms);
        }
        return new WriteEncryption(headers, null); // only the bucket-key flag: nothing to encrypt with
    }

    /**
     * The key UploadPart and UploadPartCopy encrypt a part with: the upload's. For an SSE-C upload the request
     * must present the same customer key.
     *
     * @return null for an upload without encryption
     */
    public KeyEncryptionKey forPart(RequestContext ctx, MultipartUpload upload) {
        CustomerKey given = customerKey(ctx, false);
        ServerSideEncryption sse = upload.headers().sse();
        try {
            if (sse != null && sse.isCustomerKey()) {
                if (given == null) {
                    throw new S3Exception(S3ErrorCode.INVALID_REQUEST, PART_KEY_REQUIRED);
                }
                if (!given.matches(sse.customerKeyMd5())) {
                    throw new S3Exception(S3ErrorCode.INVALID_REQUEST, PART_KEY_MISMATCH);
                }
                return KeyEncryptionKey.customer(given.key(), sse.customerKeyMd5());
            }
            if (given != null) {
                throw new S3Exception(S3ErrorCode.INVALID_REQUEST, NOT_APPLICABLE);
            }
            if (sse == null) {
                return null;
            }
            if (sse.isS3Managed()) {
                return keys.master();
            }
            if (sse.isKms()) {
                return keys.kmsForWrite(sse.kmsKeyId(), sse.kmsContext());
            }
            return null;
        } finally {
            if (given != null) {
                given.destroy();
            }
        }
    }

    /**
     * The keys that read {@code o}'s body, after S3's SSE-C checks: GET and HEAD ({@code copySource} false),
     * CopyObject and UploadPartCopy sources ({@code copySource} true: the
     * {@code copy-source-server-side-encryption-customer-*} headers).
     */
    public EnvelopeOpener forRead(RequestContext ctx, ObjectRecord o, boolean copySource) {
        ServerSideEncryption stored = o.headers().sse();
        if (stored != null && stored.isKms()) {
            requireSignatureV4(ctx);
        }
        CustomerKey given = customerKey(ctx, copySource);
        String storedMd5 = customerKeyMd5(o);
        if (storedMd5 != null) {
            if (given == null) {
                throw new S3Exception(S3ErrorCode.INVALID_REQUEST, KEY_REQUIRED);
            }
            if (!given.matches(storedMd5)) {
                throw new S3Exception(S3ErrorCode.ACCESS_DENIED);
            }
        } else if (given != null) {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST, NOT_APPLICABLE);
        }
        return opener(given);
    }

    /** The SSE-C key MD5 an object was stored with (its headers, else its first customer envelope), or null. */
    private static String customerKeyMd5(ObjectRecord o) {
        ServerSideEncryption sse = o.headers().sse();
        if (sse != null && sse.isCustomerKey()) {
            return sse.customerKeyMd5();
        }
        ObjectBody body = o.body();
        if (body instanceof ObjectBody.Inline i) {
            return i.envelope() != null && i.envelope().scheme() == Envelope.Scheme.CUSTOMER ? i.envelope().keyId()
                    : null;
        }
        for (BlobRef b : body.blobs()) {
            if (b.envelope() != null && b.envelope().scheme() == Envelope.Scheme.CUSTOMER) {
                return b.envelope().keyId();
            }
        }
        return null;
    }

    private EnvelopeOpener opener(CustomerKey given) {
        return envelope -> {
            KeyEncryptionKey kek;
            if (envelope.scheme() == Envelope.Scheme.CUSTOMER) {
                if (given == null) {
                    throw new S3Exception(S3ErrorCode.INVALID_REQUEST, KEY_REQUIRED);
                }
                if (!given.matches(envelope.keyId())) {
                    throw new S3Exception(S3ErrorCode.ACCESS_DENIED);
                }
                kek = KeyEncryptionKey.customer(given.key(), envelope.keyId());
            } else {
                try {
                    kek = keys.forEnvelope(envelope);
                } catch (WrongKeyException e) {
                    log.error("Cannot decrypt stored data: {}", e.getMessage());
                    throw new S3Exception(S3ErrorCode.INTERNAL_ERROR);
                }
            }
            try {
                return kek.open(envelope);
            } catch (WrongKeyException e) {
                if (envelope.scheme() == Envelope.Scheme.CUSTOMER) {
                    throw new S3Exception(S3ErrorCode.ACCESS_DENIED);
                }
                log.error("Cannot decrypt stored data: {}", e.getMessage());
                throw new S3Exception(S3ErrorCode.INTERNAL_ERROR);
            }
        };
    }

    /**
     * S3 serves and accepts SSE-KMS objects only over Signature V4: a request signed with AWS Signature V2
     * (header or presigned URL) is {@code 400 InvalidArgument}, as S3 answers it. Other vendors' schemes (OBS,
     * COS, WOS) are their services' own and are not refused.
     */
    private static void requireSignatureV4(RequestContext ctx) {
        AuthScheme scheme = ctx.authentication().scheme();
        if (scheme == AuthScheme.AWS_V2 || scheme == AuthScheme.AWS_V2_PRESIGNED) {
            throw S3Exception.invalidArgument(KMS_NEEDS_V4, "Authorization", "null");
        }
    }

    /**
     * Refuses SSE-C headers (for the request's object or its copy source) on a connection that is neither TLS
     * nor trusted: {@code 400 InvalidRequest}, as S3 refuses them over plain HTTP.
     */
    public void checkTransport(RequestContext ctx) {
        if (!customerKeysAllowed(ctx.connection()) && (CustomerKeyHeaders.present(ctx.head(), ctx.dialect(), false)
                || CustomerKeyHeaders.present(ctx.head(), ctx.dialect(), true))) {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST, INSECURE_TRANSPORT);
        }
    }

    private boolean customerKeysAllowed(ClientConnection c) {
        return c.tls() || config.allowCustomerKeysOverHttp() || (config.trustLoopback() && c.loopback());
    }

    /** The SSE-C key the request presents for its object or its copy source, or null; transport checked. */
    private CustomerKey customerKey(RequestContext ctx, boolean copySource) {
        checkTransport(ctx);
        return CustomerKeyHeaders.read(ctx.head(), ctx.dialect(), copySource);
    }
}
