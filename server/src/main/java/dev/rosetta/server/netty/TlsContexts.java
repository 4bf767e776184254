package dev.rosetta.server.netty;

import dev.rosetta.server.config.ConfigException;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.nio.file.Path;

/** TLS contexts from PEM files: OpenSSL through netty-tcnative where it loads, the JDK's engine otherwise. */
public final class TlsContexts {
    private TlsContexts() {
    }

    public static SslContext server(Path certChain, Path privateKey) {
        try {
            return SslContextBuilder.forServer(certChain.toFile(), privateKey.toFile())
                    .sslProvider(OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK)
                    .build();
        } catch (Exception e) {
            throw new ConfigException("cannot load the TLS certificate " + certChain + " and key " + privateKey
                    + ": " + e.getMessage(), e);
        }
    }

    /** Which TLS implementation {@link #server} uses on this machine. */
    public static String provider() {
        return OpenSsl.isAvailable() ? "OpenSSL" : "JDK";
    }
}
