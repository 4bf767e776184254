/**
 * Huawei OBS signatures (dialects.md §3) and the V2-shaped HMAC-SHA1 family built on them.
 *
 * <p>{@link dev.rosetta.auth.obs.ObsHeaderVerifier} ({@code OBS AK:sig}, and with another
 * {@link dev.rosetta.auth.obs.ObsFlavour} the WOS V2-style scheme), {@link dev.rosetta.auth.obs.ObsPresignedVerifier}
 * ({@code ?AccessKeyId=&Expires=&Signature=}), and for {@code AWS} signatures on OBS endpoints
 * {@link dev.rosetta.auth.obs.ObsAwsV2Verifier} / {@link dev.rosetta.auth.obs.ObsAwsV2PresignedVerifier} (the OBS
 * SDK's V2 mode first, then the plain AWS V2 verifiers). {@link dev.rosetta.auth.obs.ObsStringToSign} is the
 * canonicaliser; {@link dev.rosetta.auth.obs.SubResourceRule} and {@link dev.rosetta.auth.obs.ObsSubResources} say
 * which query parameters it signs.
 */
package dev.rosetta.auth.obs;
