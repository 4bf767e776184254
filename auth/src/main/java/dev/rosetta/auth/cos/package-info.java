/**
 * Tencent COS "q-sign" signatures (dialects.md §4): {@link dev.rosetta.auth.cos.CosVerifier} for the
 * Authorization header, the {@code q-*} query parameters and the {@code sign=} parameter;
 * {@link dev.rosetta.auth.cos.CosAuthorization} parses the fields, {@link dev.rosetta.auth.cos.CosHttpString}
 * builds HttpString and StringToSign.
 */
package dev.rosetta.auth.cos;
