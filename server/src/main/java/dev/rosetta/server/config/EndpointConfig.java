package dev.rosetta.server.config;

import dev.rosetta.protocol.dialect.EndpointStyle;
import java.util.Locale;

/**
 * One endpoint: requests whose Host is {@code suffix} or ends in {@code "." + suffix} are answered in
 * {@code style} (for AWS-family and anonymous requests) and their V4-family signatures must name
 * {@code region} (the server's region when null). The suffix is also a virtual-host domain.
 */
public record EndpointConfig(String suffix, EndpointStyle style, String region) {

    public EndpointConfig {
        if (suffix == null || suffix.isBlank()) {
            throw new ConfigException("an endpoint's host suffix must not be empty");
        }
        suffix = suffix.trim().toLowerCase(Locale.ROOT);
        if (suffix.startsWith(".")) {
            suffix = suffix.substring(1);
        }
        if (style == null) {
            throw new ConfigException("the endpoint " + suffix + " needs a style");
        }
    }

    /** Parses {@code HOST_SUFFIX=STYLE} as given to {@code --dialect}. */
    public static EndpointConfig parse(String value) {
        int eq = value.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--dialect takes HOST_SUFFIX=STYLE, not '" + value + "'");
        }
        return of(value.substring(0, eq), value.substring(eq + 1), null);
    }

    /** An endpoint from its parts; the style name is case-insensitive. */
    public static EndpointConfig of(String suffix, String style, String region) {
        EndpointStyle s = style == null ? null : EndpointStyle.parse(style);
        if (s == null) {
            throw new ConfigException("unknown dialect style '" + style + "'; one of AWS, JD, OBS, COS, WOS, WCS");
        }
        return new EndpointConfig(suffix, s, region == null || region.isBlank() ? null : region.trim());
    }
}
