package dev.rosetta.protocol.headers;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.dialect.Service;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * User metadata ({@code <prefix>meta-*} headers): the names, the values and each service's limits.
 *
 * <p><b>Names</b> are stored lower-cased without the prefix. COS allows only letters, digits and {@code -}
 * in the suffix (others are {@code 400 InvalidArgument}); the other services take any header-name token.
 *
 * <p><b>Values</b> are kept as given when they are US-ASCII. Non-ASCII values are handled as S3 does (its
 * user guide: such values "are character decoded as per RFC 2047 before storing and encoded as per RFC 2047
 * to make them mail-safe before returning"): the header bytes (which arrive one char per byte) are read as
 * UTF-8 (ISO-8859-1 if they are not valid UTF-8), an RFC 2047 encoded word ({@code =?UTF-8?B?...?=}) whose
 * text is non-ASCII is decoded, and {@link #responseValue} answers any non-ASCII value as
 * {@code =?UTF-8?B?<base64>?=}, S3's form.
 *
 * <p><b>Limits</b>, counted over the UTF-8 bytes of the stored names and values: AWS, JD and WOS 2 KB in all,
 * OBS 8 KB in all, COS 2 KB per entry and 4 KB in all; more is {@code 400 MetadataTooLarge}.
 */
public final class UserMetadataHeaders {
    /** S3's limit (AWS, JD, WOS): every name and value together. */
    public static final int AWS_TOTAL_BYTES = 2048;
    /** OBS: "the total size of user-defined metadata cannot exceed 8 KB". */
    public static final int OBS_TOTAL_BYTES = 8192;
    /** COS: 2 KB per metadata header. */
    public static final int COS_ENTRY_BYTES = 2048;
    /** COS: 4 KB for all of them. */
    public static final int COS_TOTAL_BYTES = 4096;

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");
    private static final Pattern ENCODED_WORDS = Pattern.compile(
            "\\s*(?:=\\?[^?\\s]+\\?[bBqQ]\\?[^?\\s]*\\?=\\s*)+");

    private UserMetadataHeaders() {
    }

    /**
     * The request's user metadata, checked against its service's rules, in the order sent; a name sent twice
     * has its values joined with {@code ,}. Null when there is none.
     *
     * @throws S3Exception InvalidArgument (COS name), MetadataTooLarge
     */
    public static Map<String, String> read(RequestHead head, Dialect dialect) {
        String prefix = dialect.metadataPrefix();
        Service service = Service.of(dialect);
        Map<String, String> meta = null;
        for (Map.Entry<String, String> e : head.headerEntries()) {
            String name = e.getKey();
            if (name.length() > prefix.length() && name.regionMatches(true, 0, prefix, 0, prefix.length())) {
                if (meta == null) {
                    meta = new LinkedHashMap<>();
                }
                String key = name.substring(prefix.length()).toLowerCase(Locale.ROOT);
                if (service == Service.COS && !isCosName(key)) {
                    throw S3Exception.invalidArgument("User-defined metadata names may contain only letters, digits"
                            + " and hyphens.", name, null);
                }
                meta.merge(key, storedValue(e.getValue().trim()), (a, b) -> a + "," + b);
            }
        }
        if (meta != null) {
            checkSize(meta, service);
        }
        return meta;
    }

    private static boolean isCosName(String suffix) {
        for (int i = 0; i < suffix.length(); i++) {
            char c = suffix.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static void checkSize(Map<String, String> meta, Service service) {
        int total = 0;
        for (Map.Entry<String, String> e : meta.entrySet()) {
            int entry = utf8Length(e.getKey()) + utf8Length(e.getValue());
            if (service == Service.COS && entry > COS_ENTRY_BYTES) {
                throw tooLarge(entry, COS_ENTRY_BYTES);
            }
            total += entry;
        }
        int max = switch (service) {
            case OBS -> OBS_TOTAL_BYTES;
            case COS -> COS_TOTAL_BYTES;
            default -> AWS_TOTAL_BYTES;
        };
        if (total > max) {
            throw tooLarge(total, max);
        }
    }

    private static S3Exception tooLarge(int size, int max) {
        return new S3Exception(S3ErrorCode.METADATA_TOO_LARGE)
                .with("Size", Integer.toString(size))
                .with("MaxSizeAllowed", Integer.toString(max));
    }

    /**
     * The value to store for a header value as received (one char per byte): US-ASCII as it is, other bytes
     * read as UTF-8 (ISO-8859-1 when they are not UTF-8), then RFC 2047 encoded words decoded when that gives
     * non-ASCII text.
     */
    public static String storedValue(String received) {
        String value = received;
        if (!isAscii(value)) {
            byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
            String utf8 = decodeStrict(bytes, StandardCharsets.UTF_8);
            if (utf8 != null) {
                value = utf8;
            }
            return value;
        }
        if (value.contains("=?") && ENCODED_WORDS.matcher(value).matches()) {
            String decoded = decodeWords(value);
            if (decoded != null && !isAscii(decoded)) {
                return decoded;
            }
        }
        return value;
    }

    /** A stored value as a response header: as stored when US-ASCII, else {@code =?UTF-8?B?<base64 of UTF-8>?=}. */
    public static String responseValue(String stored) {
        if (isAscii(stored)) {
            return stored;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(stored.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** The UTF-8 length of a stored name or value. */
    public static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Decodes a run of encoded words (whitespace between words dropped, RFC 2047 §6.2); null if one is invalid. */
    private static String decodeWords(String value) {
        StringBuilder out = new StringBuilder();
        Matcher m = ENCODED_WORD.matcher(value);
        while (m.find()) {
            Charset charset;
            try {
                charset = Charset.forName(m.group(1).split("\\*", 2)[0]); // RFC 2231 language suffix dropped
            } catch (RuntimeException e) {
                return null;
            }
            byte[] bytes;
            if (m.group(2).equalsIgnoreCase("B")) {
                try {
                    bytes = Base64.getDecoder().decode(m.group(3));
                } catch (IllegalArgumentException e) {
                    return null;
                }
            } else {
                bytes = decodeQ(m.group(3));
                if (bytes == null) {
                    return null;
                }
            }
            String text = decodeStrict(bytes, charset);
            if (text == null) {
                return null;
            }
            out.append(text);
        }
        return out.toString();
    }

    private static byte[] decodeQ(String text) {
        ByteBuffer out = ByteBuffer.allocate(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.put((byte) ' ');
            } else if (c == '=') {
                if (i + 2 >= text.length()) {
                    return null;
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.put((byte) ((hi << 4) | lo));
                i += 2;
            } else {
                out.put((byte) c);
            }
        }
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    private static String decodeStrict(byte[] bytes, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
