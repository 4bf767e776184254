package dev.rosetta.auth.v2;

import dev.rosetta.auth.AuthErrors;
import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.Credential;
import dev.rosetta.auth.CredentialStore;
import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.auth.RequestVerifier;
import dev.rosetta.auth.crypto.Base64Codec;
import dev.rosetta.auth.crypto.Hmacs;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * SigV2 query-string authentication, {@code ?AWSAccessKeyId=&Expires=&Signature=} (dialects.md §1.4): the
 * header form's string to sign with the {@code Expires} value in the Date position and {@code x-amz-*}
 * query parameters taken as amz headers (tried first; then without, as for the header form). {@code Date}
 * and {@code x-amz-date} headers do not set the Date position. No maximum lifetime; no clock-skew check:
 * only {@code Expires} ≥ now.
 */
public final class AwsV2PresignedVerifier implements RequestVerifier {
    private final CredentialStore store;
    private final Clock clock;

    public AwsV2PresignedVerifier(CredentialStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Authentication verify(RequestHead request, String virtualHostBucket, String expectedRegion) {
        V2PresignedQuery q = V2PresignedQuery.parse(request.query());
        Credential credential = store.find(q.accessKey());
        if (credential == null) {
            throw AuthErrors.invalidAccessKeyId(q.accessKey());
        }
        long expires = parseExpires(q.expires());
        Instant now = clock.instant();
        if (expires < now.getEpochSecond()) {
            throw AuthErrors.requestExpired(null, Instant.ofEpochSecond(expires), now);
        }

        byte[] provided = Base64Codec.decodeOrNull(q.signature());
        byte[] secret = credential.secretKey().getBytes(StandardCharsets.UTF_8);
        List<V2StringToSign.Variant> variants = V2StringToSign.variants(request, true);
        Set<String> tried = variants.size() > 1 ? new HashSet<>() : null;
        String primary = null;
        for (V2StringToSign.Variant variant : variants) {
            String stringToSign = V2StringToSign.build(request, virtualHostBucket, q.expires(), variant);
            if (primary == null) {
                primary = stringToSign;
            }
            if (provided == null || (tried != null && !tried.add(stringToSign))) {
                continue;
            }
            if (Hmacs.constantTimeEquals(Hmacs.hmacSha1(secret, stringToSign), provided)) {
                return new Authentication(AuthScheme.AWS_V2_PRESIGNED, credential, PayloadRequirement.none());
            }
        }
        throw AuthErrors.signatureDoesNotMatch(q.accessKey(), primary, q.signature());
    }

    /**
     * Seconds since the epoch, decimal.
     *
     * @throws S3Exception {@code 403 AccessDenied} when not a number, as S3 answers
     */
    static long parseExpires(String value) {
        int n = value.length();
        boolean ok = n > 0 && n <= 18;
        for (int i = 0; ok && i < n; i++) {
            char c = value.charAt(i);
            ok = c >= '0' && c <= '9';
        }
        if (!ok) {
            throw new S3Exception(S3ErrorCode.ACCESS_DENIED,
                    "Invalid date (should be seconds since epoch): " + value);
        }
        return Long.parseLong(value);
    }
}
