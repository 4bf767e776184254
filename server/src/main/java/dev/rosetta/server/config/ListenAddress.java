package dev.rosetta.server.config;

/** A HOST:PORT to listen on; port 0 picks a free port. */
public record ListenAddress(String host, int port) {

    public static ListenAddress parse(String value) {
        String v = value.trim();
        int colon = v.lastIndexOf(':');
        if (colon < 0) {
            throw new ConfigException("listen address must be HOST:PORT, not '" + value + "'");
        }
        String host = v.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            host = "0.0.0.0";
        }
        int port;
        try {
            port = Integer.parseInt(v.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new ConfigException("listen port must be a number in '" + value + "'");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException("listen port out of range in '" + value + "'");
        }
        return new ListenAddress(host, port);
    }

    public boolean isWildcard() {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("*");
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
