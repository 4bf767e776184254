package dev.rosetta.storage;

/**
 * One {@code <Part>} of a CompleteMultipartUpload request, as the client sent it.
 *
 * @param etag as sent: quotes allowed, case ignored; null never matches
 */
public record RequestedPart(int partNumber, String etag) {
}
