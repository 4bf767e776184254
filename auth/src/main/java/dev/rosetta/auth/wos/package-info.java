/**
 * Wangsu WOS signatures (dialects.md §5): {@link dev.rosetta.auth.wos.WosV4Verifier} ({@code WOS-HMAC-SHA256}
 * header) and {@link dev.rosetta.auth.wos.WosV4PresignedVerifier} ({@code X-Wos-*} query), SigV4 with the WOS
 * substitutions of {@link dev.rosetta.auth.wos.WosV4}; {@link dev.rosetta.auth.wos.WosV2Verifier}
 * ({@code WOS AK:sig}, an ASSUMPTION: the OBS algorithm with WOS names).
 */
package dev.rosetta.auth.wos;
