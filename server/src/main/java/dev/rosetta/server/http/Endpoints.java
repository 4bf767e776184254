package dev.rosetta.server.http;

import dev.rosetta.protocol.dialect.EndpointStyle;
import dev.rosetta.server.config.EndpointConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which configured endpoint a Host header reached: the longest host suffix that matches (the host
 * itself or a sub-domain of it). Hosts that match none are the default endpoint: AWS style, the
 * server's region.
 */
public final class Endpoints {

    /** What an endpoint decides for a request: its answer style and the region signatures must name. */
    public record Endpoint(EndpointStyle style, String region) {
    }

    private final List<EndpointConfig> bySuffixLength;
    private final Endpoint fallback;

    public Endpoints(List<EndpointConfig> endpoints, String defaultRegion) {
        this.bySuffixLength = new ArrayList<>(endpoints);
        this.bySuffixLength.sort(Comparator.comparingInt((EndpointConfig e) -> e.suffix().length()).reversed());
        this.fallback = new Endpoint(EndpointStyle.AWS, defaultRegion);
    }

    public Endpoint of(String hostHeader) {
        if (hostHeader == null || bySuffixLength.isEmpty()) {
            return fallback;
        }
        String host = HostStyleResolver.stripPort(hostHeader.trim()).toLowerCase(Locale.ROOT);
        for (EndpointConfig e : bySuffixLength) {
            String s = e.suffix();
            if (host.equals(s) || (host.endsWith(s) && host.length() > s.length()
                    && host.charAt(host.length() - s.length() - 1) == '.')) {
                return new Endpoint(e.style(), e.region() != null ? e.region() : fallback.region());
            }
        }
        return fallback;
    }
}
