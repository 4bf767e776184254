/**
 * aws-chunked request bodies (dialects.md §2.6–2.8): {@link dev.rosetta.auth.chunked.AwsChunkedHeaders}
 * validates the upload's headers, {@link dev.rosetta.auth.chunked.AwsChunkedDecoder} decodes the body as it
 * arrives and verifies the chunk and trailer signatures, and returns the
 * {@link dev.rosetta.auth.chunked.Trailers} for the server's checksum comparison.
 */
package dev.rosetta.auth.chunked;
