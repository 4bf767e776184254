package dev.rosetta.auth.obs;

import dev.rosetta.auth.AuthErrors;
import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.Credential;
import dev.rosetta.auth.CredentialStore;
import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.auth.RequestVerifier;
import dev.rosetta.auth.crypto.Base64Codec;
import dev.rosetta.auth.time.HttpDates;
import dev.rosetta.auth.time.RequestTimes;
import dev.rosetta.auth.v2.V2StringToSign;
import dev.rosetta.protocol.http.RequestHead;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * {@code Authorization: OBS AK:signature} (dialects.md §3.2), and with another {@link ObsFlavour} the other
 * V2-shaped HMAC-SHA1 schemes of the family ({@code WOS AK:signature}, §5.3; the OBS SDK's AWS V2 mode, §3.3).
 *
 * <p>Request time: the flavour's date header (e.g. {@code x-obs-date}), else {@code x-amz-date} when the AWS
 * fallback is on, else {@code Date}; within 15 minutes of the server clock. The flavour's date header empties
 * the Date position.
 */
public final class ObsHeaderVerifier implements RequestVerifier {
    private final CredentialStore store;
    private final Clock clock;
    private final ObsFlavour flavour;
    private final AuthScheme scheme;
    private final boolean awsStringFallback;

    /** OBS native: {@link ObsFlavour#OBS}, answering {@link AuthScheme#OBS}. */
    public ObsHeaderVerifier(CredentialStore store, Clock clock) {
        this(store, clock, ObsFlavour.OBS, AuthScheme.OBS, false);
    }

    /**
     * @param flavour           the scheme word, header prefix, date header and sub-resource rule
     * @param scheme            what a successful verification reports
     * @param awsStringFallback after the flavour's strings, also try the plain AWS V2 strings (§1.1: x-amz-*
     *                          headers, AWS sub-resource list) under the flavour's scheme word — unless the
     *                          request has a parameter only the flavour signs
     *                          ({@link ObsStringToSign#signsBeyondAws})
     */
    public ObsHeaderVerifier(CredentialStore store, Clock clock, ObsFlavour flavour, AuthScheme scheme,
            boolean awsStringFallback) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.flavour = Objects.requireNonNull(flavour, "flavour");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.awsStringFallback = awsStringFallback;
    }

    @Override
    public Authentication verify(RequestHead request, String virtualHostBucket, String expectedRegion) {
        ObsAuthorization auth = ObsAuthorization.parse(request.header("Authorization"), flavour);
        Credential credential = store.find(auth.accessKey());
        if (credential == null) {
            throw AuthErrors.invalidAccessKeyId(auth.accessKey());
        }

        String flavourDate = request.header(flavour.dateHeader());
        String amzDate = awsStringFallback ? request.header("x-amz-date") : null;
        String date = request.header("Date");
        String timeValue = flavourDate != null ? flavourDate : amzDate != null ? amzDate : date;
        Instant time = HttpDates.parse(timeValue);
        if (time == null) {
            throw ObsSignatures.missingDate(flavour);
        }
        RequestTimes.checkSkew(time, timeValue, clock);

        ObsSignatures signatures = new ObsSignatures(credential.secretKey().getBytes(StandardCharsets.UTF_8),
                Base64Codec.decodeOrNull(auth.signature()));
        String datePosition = flavourDate != null || date == null ? "" : date.strip();
        for (ObsStringToSign.Variant variant : ObsStringToSign.variants(request, flavour, Set.of())) {
            if (signatures.matches(ObsStringToSign.build(request, virtualHostBucket, datePosition, flavour, variant,
                    Set.of()))) {
                return new Authentication(scheme, credential, PayloadRequirement.none());
            }
        }
        if (awsStringFallback && !ObsStringToSign.signsBeyondAws(request, flavour, Set.of())) {
            String awsDatePosition = request.header("x-amz-date") != null || date == null ? "" : date.strip();
            for (V2StringToSign.Variant variant : V2StringToSign.variants(request, false)) {
                if (signatures.matches(V2StringToSign.build(request, virtualHostBucket, awsDatePosition, variant))) {
                    return new Authentication(scheme, credential, PayloadRequirement.none());
                }
            }
        }
        throw AuthErrors.signatureDoesNotMatch(auth.accessKey(), signatures.first(), auth.signature());
    }
}
