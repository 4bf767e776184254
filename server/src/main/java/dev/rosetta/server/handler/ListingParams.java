package dev.rosetta.server.handler;

import dev.rosetta.protocol.error.S3Exception;

/** The checks every listing makes on its query parameters. */
public final class ListingParams {
    private ListingParams() {
    }

    /** True for {@code encoding-type=url}, false when absent; InvalidArgument for anything else. */
    public static boolean encodingTypeIsUrl(String value) {
        if (value == null) {
            return false;
        }
        if (value.equalsIgnoreCase("url")) {
            return true;
        }
        throw S3Exception.invalidArgument("Invalid Encoding Method specified in Request", "encoding-type", value);
    }

    /**
     * A max-keys style parameter: absent is {@code limit}; a non-negative integer is taken and capped at
     * {@code limit}; anything else is InvalidArgument.
     */
    public static int maxItems(String name, String value, int limit) {
        if (value == null) {
            return limit;
        }
        try {
            int v = Integer.parseInt(value.trim());
            if (v >= 0) {
                return Math.min(v, limit);
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw S3Exception.invalidArgument("Provided " + name + " not an integer or within integer range", name, value);
    }

    public static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
