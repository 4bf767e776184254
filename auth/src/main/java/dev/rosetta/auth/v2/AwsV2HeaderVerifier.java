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
import dev.rosetta.auth.time.HttpDates;
import dev.rosetta.auth.time.RequestTimes;
import dev.rosetta.protocol.http.RequestHead;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** {@code Authorization: AWS AK:signature} (dialects.md §1.1, §1.2). */
public final class AwsV2HeaderVerifier implements RequestVerifier {
    private final CredentialStore store;
    private final Clock clock;

    public AwsV2HeaderVerifier(CredentialStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Authentication verify(RequestHead request, String virtualHostBucket, String expectedRegion) {
        V2Authorization auth = V2Authorization.parse(request.header("Authorization"));
        Credential credential = store.find(auth.accessKey());
        if (credential == null) {
            throw AuthErrors.invalidAccessKeyId(auth.accessKey());
        }

        String amzDate = request.header("x-amz-date");
        String date = request.header("Date");
        String timeValue = amzDate != null ? amzDate : date;
        Instant time = HttpDates.parse(timeValue);
        if (time == null) {
            throw RequestTimes.missingDate();
        }
        RequestTimes.checkSkew(time, timeValue, clock);
        String datePosition = amzDate != null ? "" : date.strip();

        byte[] provided = Base64Codec.decodeOrNull(auth.signature());
        byte[] secret = credential.secretKey().getBytes(StandardCharsets.UTF_8);
        List<V2StringToSign.Variant> variants = V2StringToSign.variants(request, false);
        Set<String> tried = variants.size() > 1 ? new HashSet<>() : null;
        String primary = null;
        for (V2StringToSign.Variant variant : variants) {
            String stringToSign = V2StringToSign.build(request, virtualHostBucket, datePosition, variant);
            if (primary == null) {
                primary = stringToSign;
            }
            if (provided == null || (tried != null && !tried.add(stringToSign))) {
                continue;
            }
            if (Hmacs.constantTimeEquals(Hmacs.hmacSha1(secret, stringToSign), provided)) {
                return new Authentication(AuthScheme.AWS_V2, credential, PayloadRequirement.none());
            }
        }
        throw AuthErrors.signatureDoesNotMatch(auth.accessKey(), primary, auth.signature());
    }
}
