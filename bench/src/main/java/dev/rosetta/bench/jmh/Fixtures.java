package dev.rosetta.bench.jmh;

import dev.rosetta.auth.Credential;
import dev.rosetta.auth.RequestAuthenticator;
import dev.rosetta.auth.StaticCredentialStore;
import dev.rosetta.protocol.model.Owner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Shared inputs: one key pair, a fixed clock, the region. */
final class Fixtures {
    static final String AK = "BENCHACCESSKEY000001";
    static final String SK = "bench/secret/key/0123456789abcdefghijKLMN";
    static final String REGION = "us-east-1";
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    static final Owner OWNER = new Owner("bench-owner-id", "bench");

    private Fixtures() {
    }

    static RequestAuthenticator authenticator() {
        return new RequestAuthenticator(new StaticCredentialStore(List.of(new Credential(AK, SK, OWNER))), REGION,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
