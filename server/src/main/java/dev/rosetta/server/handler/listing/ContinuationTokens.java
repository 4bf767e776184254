package dev.rosetta.server.handler.listing;

import dev.rosetta.protocol.error.S3Exception;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * ListObjectsV2's continuation tokens: the base64url (no padding) of the UTF-8 key or common prefix
 * the page ended on. Opaque to clients; a token that does not decode to UTF-8 is InvalidArgument.
 */
final class ContinuationTokens {
    private ContinuationTokens() {
    }

    static String encode(String marker) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(marker.getBytes(StandardCharsets.UTF_8));
    }

    /** The marker a token stands for. @throws S3Exception InvalidArgument for a token Rosetta did not make */
    static String decode(String token) {
        try {
            if (token.isEmpty()) {
                throw new IllegalArgumentException("empty token");
            }
            byte[] bytes = Base64.getUrlDecoder().decode(token);
            if (bytes.length == 0) {
                throw new IllegalArgumentException("empty token");
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw S3Exception.invalidArgument("The continuation token provided is incorrect",
                    "continuation-token", token);
        }
    }
}
