package dev.rosetta.auth.obs;

import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.CredentialStore;
import dev.rosetta.auth.RequestVerifier;
import dev.rosetta.auth.v2.AwsV2HeaderVerifier;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * {@code Authorization: AWS AK:signature} on an OBS endpoint (dialects.md §3.3): first the OBS SDK's V2 mode
 * ({@link ObsFlavour#OBS_AWS_V2}: x-amz-* headers, OBS sub-resource list, x-amz-* query parameters as
 * sub-resources), then, only when that signature does not match and the request has no parameter that only
 * the OBS rules sign ({@link ObsStringToSign#signsBeyondAws}), the plain AWS V2 verifier. Reports
 * {@link AuthScheme#AWS_V2} either way (the response flavour is x-amz-).
 */
public final class ObsAwsV2Verifier implements RequestVerifier {
    private final RequestVerifier obsRules;
    private final RequestVerifier awsV2;

    /** With a new {@link AwsV2HeaderVerifier} as the AWS-rules fallback. */
    public ObsAwsV2Verifier(CredentialStore store, Clock clock) {
        this(store, clock, new AwsV2HeaderVerifier(store, clock));
    }

    /** @param awsV2 the plain AWS V2 header verifier, asked when the OBS rules give SignatureDoesNotMatch */
    public ObsAwsV2Verifier(CredentialStore store, Clock clock, RequestVerifier awsV2) {
        this.obsRules = new ObsHeaderVerifier(store, clock, ObsFlavour.OBS_AWS_V2, AuthScheme.AWS_V2, false);
        this.awsV2 = Objects.requireNonNull(awsV2, "awsV2");
    }

    @Override
    public Authentication verify(RequestHead request, String virtualHostBucket, String expectedRegion) {
        try {
            return obsRules.verify(request, virtualHostBucket, expectedRegion);
        } catch (S3Exception e) {
            if (e.errorCode() != S3ErrorCode.SIGNATURE_DOES_NOT_MATCH
                    || ObsStringToSign.signsBeyondAws(request, ObsFlavour.OBS_AWS_V2, Set.of())) {
                throw e;
            }
        }
        return awsV2.verify(request, virtualHostBucket, expectedRegion);
    }
}
