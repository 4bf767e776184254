package dev.rosetta.auth.cos;

import dev.rosetta.auth.AuthErrors;
import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.Credential;
import dev.rosetta.auth.CredentialStore;
import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.auth.RequestVerifier;
import dev.rosetta.auth.crypto.Hex;
import dev.rosetta.auth.crypto.Hmacs;
import dev.rosetta.auth.time.RequestTimes;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.PercentCodec;
import dev.rosetta.protocol.http.QueryString;
import dev.rosetta.protocol.http.RequestHead;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Tencent COS "q-sign" authentication (dialects.md §4): the {@code Authorization} header, the seven {@code q-*}
 * query parameters, or the Java SDK's single {@code sign=} parameter (§4.4). One instance serves
 * {@link AuthScheme#COS} and {@link AuthScheme#COS_PRESIGNED}; the result names the form used.
 *
 * <p>Checks, in order: the fields parse and {@code q-sign-algorithm} is {@code sha1} (else 403 AccessDenied);
 * the SecretId is known (403 InvalidAccessKeyId); optionally, {@code host} is in {@code q-header-list} (403
 * AccessDenied); the {@code q-sign-time} and {@code q-key-time} windows contain now (403 AccessDenied "Request
 * has expired" once past the end; 403 RequestTimeTooSkewed when the start is more than 15 minutes ahead of the
 * server clock — a start up to 15 minutes ahead is accepted, because the SDKs stamp the start with the
 * client's own clock, unadjusted, and a client a few seconds fast must not fail); then the signature,
 * compared in constant time.
 *
 * <p>The UriPathname is the decoded request path. COS signatures never contain the bucket name (the Java SDK
 * signs {@code "/" + key} and always addresses the bucket by host), so for a path-style request (no
 * virtual-host bucket) the path is tried as received first (a client that signs what it sends) and then with
 * its first segment, the bucket, removed (a client that signs like the SDK).
 */
public final class CosVerifier implements RequestVerifier {
    private static final long MAX_START_AHEAD_SECONDS = RequestTimes.MAX_SKEW.toSeconds();

    private final CredentialStore store;
    private final Clock clock;
    private final boolean requireSignedHost;

    /** Host need not be signed. */
    public CosVerifier(CredentialStore store, Clock clock) {
        this(store, clock, false);
    }

    /** @param requireSignedHost reject (403 AccessDenied) signatures whose q-header-list lacks {@code host} */
    public CosVerifier(CredentialStore store, Clock clock, boolean requireSignedHost) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.requireSignedHost = requireSignedHost;
    }

    @Override
    public Authentication verify(RequestHead request, String virtualHostBucket, String expectedRegion) {
        CosAuthorization auth = read(request);
        Credential credential = store.find(auth.secretId());
        if (credential == null) {
            throw AuthErrors.invalidAccessKeyId(auth.secretId());
        }
        if (requireSignedHost && !auth.headerList().contains("host")) {
            throw new S3Exception(S3ErrorCode.ACCESS_DENIED, "The host header must be signed (q-header-list).");
        }
        Instant now = clock.instant();
        checkWindow(auth.signTime(), now);
        checkWindow(auth.keyTime(), now);

        List<String[]> headers = CosHttpString.headers(request, auth.headerList());
        if (headers == null) {
            throw notCarried(auth, "q-header-list names a header the request does not carry.");
        }
        Set<String> excluded = auth.source() == CosAuthorization.Source.SIGN_PARAM
                ? Set.of(CosAuthorization.SIGN_PARAM) : CosAuthorization.Q_PARAMS;
        List<String[]> params = CosHttpString.parameters(request, auth.urlParamList(), excluded, false);
        if (params == null) {
            throw notCarried(auth, "q-url-param-list names a parameter the request does not carry.");
        }
        List<List<String[]>> paramVariants = List.of(params);
        if (hasRawPlus(request) && !auth.urlParamList().isEmpty()) {
            List<String[]> plusAsSpace = CosHttpString.parameters(request, auth.urlParamList(), excluded, true);
            if (plusAsSpace != null) {
                paramVariants = List.of(params, plusAsSpace);
            }
        }

        byte[] signKey = Hex.encode(Hmacs.hmacSha1(credential.secretKey().getBytes(StandardCharsets.UTF_8),
                auth.keyTime().text())).getBytes(StandardCharsets.US_ASCII);
        byte[] provided = Hex.decode(auth.signature());
        boolean canMatch = provided != null && provided.length == 20;

        String sortedHeaders = CosHttpString.join(CosHttpString.sorted(headers));
        String listedHeaders = CosHttpString.join(headers);
        String firstHttpString = null;
        String firstStringToSign = null;
        for (String path : paths(request, virtualHostBucket)) {
            for (List<String[]> p : paramVariants) {
                String sortedParams = CosHttpString.join(CosHttpString.sorted(p));
                String listedParams = CosHttpString.join(p);
                // The algorithm sorts; a client that signed in its own listed order is the fallback.
                boolean listedDiffers = !sortedParams.equals(listedParams) || !sortedHeaders.equals(listedHeaders);
                for (int order = 0; order < (listedDiffers ? 2 : 1); order++) {
                    String httpString = CosHttpString.httpString(request.method(), path,
                            order == 0 ? sortedParams : listedParams, order == 0 ? sortedHeaders : listedHeaders);
                    String stringToSign = CosHttpString.stringToSign(auth.signTime().text(), httpString);
                    if (firstHttpString == null) {
                        firstHttpString = httpString;
                        firstStringToSign = stringToSign;
                    }
                    if (canMatch && Hmacs.constantTimeEquals(Hmacs.hmacSha1(signKey, stringToSign), provided)) {
                        AuthScheme scheme = auth.source() == CosAuthorization.Source.HEADER
                                ? AuthScheme.COS : AuthScheme.COS_PRESIGNED;
                        return new Authentication(scheme, credential, PayloadRequirement.none());
                    }
                }
            }
        }
        throw AuthErrors.signatureDoesNotMatch(auth.secretId(), firstStringToSign, auth.signature())
                .with("FormatString", firstHttpString);
    }

    /** The q-* fields, from the Authorization header, else the q-* parameters, else {@code sign=}. */
    static CosAuthorization read(RequestHead request) {
        String header = request.header("Authorization");
        if (header != null && header.strip().startsWith(CosAuthorization.PREFIX)) {
            return CosAuthorization.parse(header, CosAuthorization.Source.HEADER);
        }
        QueryString query = request.query();
        if (query.has("q-sign-algorithm")) {
            return CosAuthorization.fromQuery(query);
        }
        QueryString.Param sign = query.find(CosAuthorization.SIGN_PARAM);
        if (sign != null && sign.hasValue()) {
            String value = decodeSign(sign.rawValue());
            if (value.startsWith(CosAuthorization.PREFIX)) {
                return CosAuthorization.parse(value, CosAuthorization.Source.SIGN_PARAM);
            }
        }
        throw new S3Exception(S3ErrorCode.ACCESS_DENIED, "The request carries no COS signature.");
    }

    /**
     * @throws S3Exception 403 AccessDenied "Request has expired" after the end; 403 RequestTimeTooSkewed when
     *                     the start is more than 15 minutes ahead of now
     */
    private void checkWindow(CosTimeWindow window, Instant now) {
        long nowSeconds = now.getEpochSecond();
        if (window.end() < nowSeconds) {
            throw AuthErrors.requestExpired(null, Instant.ofEpochSecond(window.end()), now);
        }
        if (window.start() > nowSeconds + MAX_START_AHEAD_SECONDS) {
            RequestTimes.checkSkew(Instant.ofEpochSecond(window.start()), window.text(), clock);
        }
    }

    /** The UriPathname candidates: the decoded path; for path-style also without the bucket segment. */
    static List<String> paths(RequestHead request, String virtualHostBucket) {
        String raw = request.rawPath();
        String path;
        if (raw == null || raw.isEmpty()) {
            path = "/";
        } else {
            try {
                path = PercentCodec.decodePath(raw);
            } catch (IllegalArgumentException e) {
                path = raw;
            }
        }
        if (virtualHostBucket != null || path.length() < 2 || path.charAt(0) != '/') {
            return List.of(path);
        }
        int slash = path.indexOf('/', 1);
        String withoutBucket = slash < 0 ? "/" : path.substring(slash);
        return List.of(path, withoutBucket);
    }

    private static boolean hasRawPlus(RequestHead request) {
        String q = request.rawQuery();
        return q != null && q.indexOf('+') >= 0;
    }

    /** The sign= value: once percent-decoded ('+' kept: the SDK encodes spaces as %20). */
    private static String decodeSign(String raw) {
        try {
            return PercentCodec.decodePath(raw);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static S3Exception notCarried(CosAuthorization auth, String message) {
        return new S3Exception(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, message)
                .with("AWSAccessKeyId", auth.secretId())
                .with("SignatureProvided", auth.signature());
    }
}
