package dev.rosetta.server.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Server-side-encryption settings.
 *
 * @param masterKeyFile            the SSE-S3 master key (32 bytes raw, base64 or hex), or null to generate
 *                                 {@code <data-dir>/sse-master.key} (mode 0600) on the first start
 * @param allowCustomerKeysOverHttp accept SSE-C on plain-HTTP connections from anywhere (test backends);
 *                                 S3 refuses SSE-C without TLS
 * @param trustLoopback            treat loopback connections like TLS ones for SSE-C (the key never leaves
 *                                 the machine); tests turn it off to see the refusal
 * @param kmsAutoCreate            an unknown SSE-KMS key id creates a key in the local key store; when false it
 *                                 is {@code 400 KMS.NotFoundException} unless listed in {@code kmsKeys}
 * @param kmsKeys                  KMS key ids created at start if missing
 */
public record SseConfig(Path masterKeyFile, boolean allowCustomerKeysOverHttp, boolean trustLoopback,
                        boolean kmsAutoCreate, List<String> kmsKeys) {

    public SseConfig {
        kmsKeys = kmsKeys == null ? List.of() : List.copyOf(kmsKeys);
        for (String k : kmsKeys) {
            if (k == null || k.isBlank()) {
                throw new ConfigException("sseKmsKeys must not contain an empty key id");
            }
        }
    }

    /** Generated master key, SSE-C over TLS or loopback only, KMS keys created on first use. */
    public static SseConfig defaults() {
        return new SseConfig(null, false, true, true, List.of());
    }

    public SseConfig withMasterKeyFile(Path v) {
        return new SseConfig(v, allowCustomerKeysOverHttp, trustLoopback, kmsAutoCreate, kmsKeys);
    }

    public SseConfig withAllowCustomerKeysOverHttp(boolean v) {
        return new SseConfig(masterKeyFile, v, trustLoopback, kmsAutoCreate, kmsKeys);
    }

    public SseConfig withTrustLoopback(boolean v) {
        return new SseConfig(masterKeyFile, allowCustomerKeysOverHttp, v, kmsAutoCreate, kmsKeys);
    }

    public SseConfig withKmsAutoCreate(boolean v) {
        return new SseConfig(masterKeyFile, allowCustomerKeysOverHttp, trustLoopback, v, kmsKeys);
    }

    public SseConfig withKmsKeys(List<String> v) {
        return new SseConfig(masterKeyFile, allowCustomerKeysOverHttp, trustLoopback, kmsAutoCreate, v);
    }
}
