package dev.rosetta.auth.obs;

import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.CredentialStore;
import dev.rosetta.auth.RequestVerifier;
import dev.rosetta.protocol.http.RequestHead;
import java.time.Clock;

/**
 * {@code ?AWSAccessKeyId=&Expires=&Signature=} on an OBS endpoint (dialects.md §3.3, §3.4): the OBS SDK in V2
 * mode signs with x-amz-* headers, the OBS sub-resource list and x-amz-* query parameters (notably
 * {@code x-amz-security-token}) as sub-resources. Tries those rules first, then the given plain AWS V2
 * presigned verifier (§1.4), which puts x-amz-* query parameters among the amz headers instead. Reports
 * {@link AuthScheme#AWS_V2_PRESIGNED}.
 */
public final class ObsAwsV2PresignedVerifier implements RequestVerifier {
    private final ObsPresignedVerifier obsRules;

    /**
     * @param awsV2Presigned the plain AWS V2 presigned verifier, asked when the OBS rules do not match; null for
     *                       none (then the OBS rules' SignatureDoesNotMatch is final)
     */
    public ObsAwsV2PresignedVerifier(CredentialStore store, Clock clock, RequestVerifier awsV2Presigned) {
        this.obsRules = new ObsPresignedVerifier(store, clock, ObsFlavour.OBS_AWS_V2, AuthScheme.AWS_V2_PRESIGNED,
                "AWSAccessKeyId", awsV2Presigned);
    }

    @Override
    public Authentication verify(RequestHead request, String virtualHostBucket, String expectedRegion) {
        return obsRules.verify(request, virtualHostBucket, expectedRegion);
    }
}
