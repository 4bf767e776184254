package dev.rosetta.protocol.dialect;

import java.util.Locale;

/** The style an endpoint (a host suffix) answers AWS-family and anonymous requests in: {@code --dialect SUFFIX=STYLE}. */
public enum EndpointStyle {
    AWS, JD, OBS, COS, WOS, WCS;

    /** Parses a style name, case-insensitively; null for an unknown name. */
    public static EndpointStyle parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
