package dev.rosetta.server.handler.multipart;

import dev.rosetta.protocol.error.S3Exception;

/** The {@code partNumber} of UploadPart and UploadPartCopy: an integer from 1 to 10000. */
final class PartNumbers {
    static final int MAX = 10_000;

    private PartNumbers() {
    }

    /** @throws S3Exception InvalidArgument for anything else */
    static int parse(String value) {
        int n = -1;
        if (value != null) {
            try {
                n = Integer.parseInt(value.strip());
            } catch (NumberFormatException ignored) {
                // answered below
            }
        }
        if (n < 1 || n > MAX) {
            throw S3Exception.invalidArgument("Part number must be an integer between 1 and 10000, inclusive",
                    "partNumber", value);
        }
        return n;
    }
}
