package dev.rosetta.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * What the server must verify about the request body after the head has been authenticated
 * (dialects.md §2.5).
 */
public sealed interface PayloadRequirement
        permits PayloadRequirement.None, PayloadRequirement.Unsigned, PayloadRequirement.Sha256,
        PayloadRequirement.Streaming {

    /** The signature covers nothing about the body (V2 family, anonymous). */
    static PayloadRequirement none() {
        return None.INSTANCE;
    }

    /** {@code UNSIGNED-PAYLOAD}: the body is not covered (Content-MD5 and checksum headers still apply). */
    static PayloadRequirement unsigned() {
        return Unsigned.INSTANCE;
    }

    /** The body's SHA-256 must equal this hex value, else {@code 400 XAmzContentSHA256Mismatch}. */
    static PayloadRequirement sha256(String hex) {
        return new Sha256(hex);
    }

    /** An aws-chunked body (§2.6–2.8), with what its decoder needs to verify the chunk signatures. */
    static PayloadRequirement streaming(String mode, String seedSignature, byte[] signingKey, String timestamp,
            String scope) {
        return new Streaming(mode, seedSignature, signingKey, timestamp, scope);
    }

    /** Nothing to check. */
    final class None implements PayloadRequirement {
        static final None INSTANCE = new None();

        private None() {
        }

        @Override
        public String toString() {
            return "PayloadRequirement.none";
        }
    }

    /** {@code UNSIGNED-PAYLOAD}. */
    final class Unsigned implements PayloadRequirement {
        static final Unsigned INSTANCE = new Unsigned();

        private Unsigned() {
        }

        @Override
        public String toString() {
            return "PayloadRequirement.unsigned";
        }
    }

    /** The body's SHA-256, 64 lower-case hex digits. */
    record Sha256(String hex) implements PayloadRequirement {
        public Sha256 {
            Objects.requireNonNull(hex, "hex");
            if (hex.length() != 64) {
                throw new IllegalArgumentException("SHA-256 hex must have 64 digits");
            }
            hex = hex.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * An aws-chunked body.
     *
     * @param mode          the {@code x-amz-content-sha256} marker, one of the {@code STREAMING_*} constants
     * @param seedSignature the Authorization header's signature (lower-case hex), which starts the chunk chain
     * @param signingKey    the V4 signing key of the request's scope (secret material: never log it)
     * @param timestamp     the request time as signed, {@code yyyyMMdd'T'HHmmss'Z'}
     * @param scope         {@code date/region/service/aws4_request}
     */
    record Streaming(String mode, String seedSignature, byte[] signingKey, String timestamp, String scope)
            implements PayloadRequirement {
        public static final String STREAMING_SIGNED = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
        public static final String STREAMING_SIGNED_TRAILER = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
        public static final String STREAMING_UNSIGNED_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

        public Streaming {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(seedSignature, "seedSignature");
            Objects.requireNonNull(signingKey, "signingKey");
            Objects.requireNonNull(timestamp, "timestamp");
            Objects.requireNonNull(scope, "scope");
            if (!mode.equals(STREAMING_SIGNED) && !mode.equals(STREAMING_SIGNED_TRAILER)
                    && !mode.equals(STREAMING_UNSIGNED_TRAILER)) {
                throw new IllegalArgumentException("unknown streaming mode " + mode);
            }
            signingKey = signingKey.clone();
        }

        /** A copy of the signing key. */
        @Override
        public byte[] signingKey() {
            return signingKey.clone();
        }

        /** True when every chunk carries a {@code chunk-signature}. */
        public boolean chunksSigned() {
            return !mode.equals(STREAMING_UNSIGNED_TRAILER);
        }

        /** True when the body ends with trailer headers (named by {@code x-amz-trailer}). */
        public boolean hasTrailer() {
            return !mode.equals(STREAMING_SIGNED);
        }

        /** True when the trailer carries an {@code x-amz-trailer-signature}. */
        public boolean trailerSigned() {
            return mode.equals(STREAMING_SIGNED_TRAILER);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Streaming s && mode.equals(s.mode) && seedSignature.equals(s.seedSignature)
                    && Arrays.equals(signingKey, s.signingKey) && timestamp.equals(s.timestamp)
                    && scope.equals(s.scope);
        }

        @Override
        public int hashCode() {
            return Objects.hash(mode, seedSignature, timestamp, scope);
        }

        @Override
        public String toString() {
            return "Streaming[mode=" + mode + ", seedSignature=" + seedSignature + ", timestamp=" + timestamp
                    + ", scope=" + scope + "]";
        }
    }
}
