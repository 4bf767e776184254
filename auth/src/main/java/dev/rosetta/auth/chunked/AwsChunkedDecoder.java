package dev.rosetta.auth.chunked;

import dev.rosetta.auth.AuthErrors;
import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.auth.crypto.Hex;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Decodes an aws-chunked request body (dialects.md §2.6–2.8) as it arrives: a push decoder fed arbitrary
 * slices of the raw body. Any boundary may fall anywhere — inside a chunk header, a CRLF, a signature, a
 * trailer line. Three modes, from {@link PayloadRequirement.Streaming#mode()}:
 * <ul>
 *   <li>{@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}: every chunk carries a {@code chunk-signature}, chained
 *       from the seed signature; no trailer;</li>
 *   <li>{@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER}: the same, then trailer lines and an
 *       {@code x-amz-trailer-signature} chained on the final chunk's signature;</li>
 *   <li>{@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}: chunks without signatures, then trailer lines; integrity
 *       comes from the checksum trailer, which the server must verify against its own checksum.</li>
 * </ul>
 *
 * <p><b>Emit first, verify at the chunk's end.</b> Decoded data is handed to the consumer as it arrives and
 * hashed on the way; a chunk's signature is checked when its last byte has been seen, and {@link #feed}
 * throws {@code 403 SignatureDoesNotMatch} right there. So the consumer receives bytes of a chunk that may
 * still turn out forged: it must write them somewhere provisional (a temporary file) and make them visible
 * only after {@link #finish()} has returned. Nothing is buffered per chunk, whatever the chunk size.
 *
 * <p><b>Leniency</b> (as AWS and MinIO): bare LF line endings, blanks around tokens, upper-case hex in
 * sizes and signatures, leading zeros, extra {@code ;name=value} chunk extensions, a missing closing empty
 * line at the very end of the body, an {@code x-amz-trailer-signature} in the unsigned mode (ignored).
 * The S3 rule that every chunk but the last be at least 8 KiB is not enforced.
 *
 * <p><b>Errors</b> ({@link S3Exception}; after one, every further call throws it again):
 * {@code 403 SignatureDoesNotMatch} for a bad chunk or trailer signature; {@code 400 IncompleteBody} for
 * broken chunk framing (bad hex size, missing {@code chunk-signature} in a signed mode, anything but CRLF
 * after a chunk's data, a chunk beyond {@code x-amz-decoded-content-length}, bytes after the end, a body
 * that ends before the final chunk, a decoded length other than declared); {@code 400 MalformedTrailerError}
 * for a malformed trailer section (a line without ':', an undeclared, repeated or missing declared trailer,
 * a missing trailer signature in the signed-trailer mode).
 *
 * <p>Not thread-safe: feed one body from one thread at a time (calls may come from different threads if
 * they are ordered, e.g. one Netty channel).
 */
public final class AwsChunkedDecoder {
    /** Longest chunk-header or trailer line accepted (a signed header is about 90 bytes). */
    static final int MAX_LINE = 4096;
    /** Most trailer lines accepted. */
    static final int MAX_TRAILERS = 32;

    private static final String TRAILER_SIGNATURE = "x-amz-trailer-signature";
    private static final byte[] CHUNK_SIGNATURE = "chunk-signature".getBytes(StandardCharsets.US_ASCII);

    private static final int HEADER = 0;
    private static final int DATA = 1;
    private static final int DATA_CR = 2;
    private static final int DATA_LF = 3;
    private static final int TRAILER = 4;
    private static final int DONE = 5;

    private final boolean chunksSigned;
    private final boolean trailerSigned;
    private final List<String> declaredTrailers;
    private final long decodedContentLength;
    private final ChunkSignatureChain chain;
    private final MessageDigest chunkDigest;

    private final byte[] line = new byte[MAX_LINE];
    private int lineLength;
    private final byte[] providedSignature = new byte[32];
    private boolean providedSignatureValid;
    /** The chunk-signature as sent when it was not 64 hex digits (for the error document). */
    private String invalidSignatureText;

    private int state = HEADER;
    private long chunkRemaining;
    private long decoded;
    private long encoded;
    private Map<String, String> trailers;
    private byte[] trailerSignature;
    private String trailerSignatureText;
    private S3Exception failure;
    private boolean finished;

    /**
     * @param req                  the streaming requirement the header verifier returned
     * @param declaredTrailers     the names listed by {@code x-amz-trailer} (any case, may be empty; ignored
     *                             in the mode without trailer)
     * @param decodedContentLength {@code x-amz-decoded-content-length}: the object's length
     */
    public AwsChunkedDecoder(PayloadRequirement.Streaming req, List<String> declaredTrailers, long decodedContentLength) {
        Objects.requireNonNull(req, "req");
        Objects.requireNonNull(declaredTrailers, "declaredTrailers");
        if (decodedContentLength < 0) {
            throw new IllegalArgumentException("negative decoded content length");
        }
        this.chunksSigned = req.chunksSigned();
        this.trailerSigned = req.trailerSigned();
        this.decodedContentLength = decodedContentLength;
        List<String> names = new ArrayList<>(declaredTrailers.size());
        if (req.hasTrailer()) {
            for (String n : declaredTrailers) {
                String name = n.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !names.contains(name)) {
                    names.add(name);
                }
            }
        }
        this.declaredTrailers = List.copyOf(names);
        this.chain = chunksSigned ? new ChunkSignatureChain(req) : null;
        this.chunkDigest = chunksSigned ? newSha256() : null;
    }

    /**
     * A decoder for this request: {@link AwsChunkedHeaders#validate} (which may throw {@code 411
     * MissingContentLength}), then the constructor.
     */
    public static AwsChunkedDecoder forRequest(RequestHead head, PayloadRequirement.Streaming req) {
        AwsChunkedHeaders h = AwsChunkedHeaders.validate(head, req);
        return new AwsChunkedDecoder(req, h.declaredTrailers(), h.decodedContentLength());
    }

    /**
     * Consumes every remaining byte of {@code raw} (its position ends at its limit) and hands the decoded
     * data in it to {@code decodedOut}, in order, as read-only-by-convention views of {@code raw}: valid only
     * during the call, so the consumer must copy or write them before returning. See the class comment for
     * why emitted bytes are provisional until {@link #finish()}.
     *
     * @throws S3Exception as listed in the class comment, as soon as the offending byte is seen
     * @throws IllegalStateException after {@link #finish()}
     */
    public void feed(ByteBuffer raw, Consumer<ByteBuffer> decodedOut) {
        if (failure != null) {
            throw failure;
        }
        if (finished) {
            throw new IllegalStateException("feed after finish");
        }
        try {
            while (raw.hasRemaining()) {
                switch (state) {
                    case DATA -> data(raw, decodedOut);
                    case DATA_CR -> {
                        byte b = raw.get();
                        encoded++;
                        if (b == '\r') {
                            state = DATA_LF;
                        } else if (b == '\n') {
                            state = HEADER;
                        } else {
                            throw framing("The chunk data is not followed by CRLF.");
                        }
                    }
                    case DATA_LF -> {
                        encoded++;
                        if (raw.get() != '\n') {
                            throw framing("The chunk data is not followed by CRLF.");
                        }
                        state = HEADER;
                    }
                    case HEADER -> {
                        if (readLine(raw)) {
                            chunkHeader();
                        }
                    }
                    case TRAILER -> {
                        if (readLine(raw)) {
                            trailerLine();
                        }
                    }
                    default -> throw framing("There is data after the end of the aws-chunked body.");
                }
            }
        } catch (S3Exception e) {
            failure = e;
            throw e;
        }
    }

    /**
     * Ends the body: requires the final 0-size chunk, the trailer section (each declared trailer present,
     * the trailer signature valid in the signed-trailer mode) and a decoded length equal to
     * {@code x-amz-decoded-content-length}.
     *
     * @return the trailers (empty without a trailer section)
     * @throws S3Exception as listed in the class comment
     */
    public Trailers finish() {
        if (failure != null) {
            throw failure;
        }
        if (finished) {
            return trailers == null ? Trailers.NONE : new Trailers(trailers);
        }
        try {
            if (state == TRAILER) {
                // Lenient end: the closing empty line (or the last line's CRLF) is missing.
                if (lineLength > 0) {
                    trimCr();
                    trailerLine();
                }
                if (state != DONE) {
                    endOfTrailers();
                }
            }
            if (state != DONE) {
                throw new S3Exception(S3ErrorCode.INCOMPLETE_BODY,
                        "The aws-chunked body ended before its final 0-length chunk.")
                        .with("NumberBytesExpected", Long.toString(decodedContentLength))
                        .with("NumberBytesProvided", Long.toString(decoded));
            }
        } catch (S3Exception e) {
            failure = e;
            throw e;
        }
        finished = true;
        return trailers == null ? Trailers.NONE : new Trailers(trailers);
    }

    /** Decoded bytes emitted so far. */
    public long decodedBytes() {
        return decoded;
    }

    /** Raw bytes consumed so far. */
    public long encodedBytes() {
        return encoded;
    }

    /** True once the whole body, trailer section included, has been read (finish() may still be needed). */
    public boolean isComplete() {
        return state == DONE;
    }

    // ---- chunk data

    private void data(ByteBuffer raw, Consumer<ByteBuffer> out) {
        int n = (int) Math.min(chunkRemaining, raw.remaining());
        int start = raw.position();
        ByteBuffer part = raw.slice();
        part.limit(n);
        if (chunkDigest != null) {
            chunkDigest.update(part);
            part.rewind();
        }
        raw.position(start + n);
        chunkRemaining -= n;
        decoded += n;
        encoded += n;
        out.accept(part);
        if (chunkRemaining == 0) {
            if (chunksSigned) {
                verifyChunk(chunkDigest.digest());
            }
            state = DATA_CR;
        }
    }

    private void verifyChunk(byte[] dataSha256) {
        if (!chain.verifyChunk(dataSha256, providedSignatureValid ? providedSignature : null)) {
            throw AuthErrors.chunkSignatureDoesNotMatch(chain.lastChunkStringToSign(), providedSignatureText());
        }
    }

    private String providedSignatureText() {
        return providedSignatureValid ? Hex.encode(providedSignature) : invalidSignatureText;
    }

    // ---- lines

    /**
     * Appends bytes up to the next LF to {@link #line}; true when the line is complete (its LF consumed,
     * a trailing CR dropped).
     */
    private boolean readLine(ByteBuffer raw) {
        int pos = raw.position();
        int limit = raw.limit();
        int lf = -1;
        for (int i = pos; i < limit; i++) {
            if (raw.get(i) == '\n') {
                lf = i;
                break;
            }
        }
        int end = lf < 0 ? limit : lf;
        int n = end - pos;
        if (lineLength + n > MAX_LINE) {
            throw state == TRAILER ? malformedTrailer("A trailer line is too long.")
                    : framing("A chunk header is too long.");
        }
        raw.get(pos, line, lineLength, n);
        lineLength += n;
        if (lf < 0) {
            raw.position(limit);
            encoded += n;
            return false;
        }
        raw.position(lf + 1);
        encoded += n + 1;
        trimCr();
        return true;
    }

    private void trimCr() {
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
        }
    }

    /** {@code <hex size>[;name=value]*} */
    private void chunkHeader() {
        int n = lineLength;
        lineLength = 0;
        int i = skipBlanks(0, n);
        long size = 0;
        int digits = 0;
        for (; i < n; i++) {
            int d = hexDigit(line[i]);
            if (d < 0) {
                break;
            }
            if (size > (Long.MAX_VALUE >>> 4)) {
                throw framing("The chunk size is too large.");
            }
            size = (size << 4) | d;
            digits++;
        }
        i = skipBlanks(i, n);
        if (digits == 0 || (i < n && line[i] != ';')) {
            throw framing("The chunk size is not a hexadecimal number.");
        }
        boolean signature = false;
        while (i < n) { // at a ';'
            int nameStart = skipBlanks(i + 1, n);
            int j = nameStart;
            while (j < n && line[j] != '=' && line[j] != ';') {
                j++;
            }
            int nameEnd = trimBlanksBack(nameStart, j);
            int valueStart = j;
            int valueEnd = j;
            if (j < n && line[j] == '=') {
                valueStart = skipBlanks(j + 1, n);
                j = valueStart;
                while (j < n && line[j] != ';') {
                    j++;
                }
                valueEnd = trimBlanksBack(valueStart, j);
            }
            if (isChunkSignature(nameStart, nameEnd)) {
                signature = true;
                providedSignatureValid = decodeSignature(valueStart, valueEnd, providedSignature);
                invalidSignatureText = providedSignatureValid ? null
                        : new String(line, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
            }
            i = j;
        }
        if (chunksSigned && !signature) {
            throw framing("The chunk header has no chunk-signature.");
        }
        if (size > decodedContentLength - decoded) {
            throw framing("The chunks hold more data than x-amz-decoded-content-length declares.")
                    .with("NumberBytesExpected", Long.toString(decodedContentLength));
        }
        if (size == 0) {
            finalChunk();
            return;
        }
        chunkRemaining = size;
        state = DATA;
    }

    private void finalChunk() {
        if (chunksSigned) {
            chunkDigest.reset();
            verifyChunk(chunkDigest.digest());
        }
        if (decoded != decodedContentLength) {
            throw new S3Exception(S3ErrorCode.INCOMPLETE_BODY)
                    .with("NumberBytesExpected", Long.toString(decodedContentLength))
                    .with("NumberBytesProvided", Long.toString(decoded));
        }
        state = TRAILER;
    }

    /** One line of the trailer section; the empty line ends it. */
    private void trailerLine() {
        int n = lineLength;
        lineLength = 0;
        if (n == 0) {
            endOfTrailers();
            return;
        }
        int colon = -1;
        for (int i = 0; i < n; i++) {
            if (line[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon < 0) {
            throw malformedTrailer("A trailer line has no ':'.");
        }
        int nameStart = skipBlanks(0, colon);
        int nameEnd = trimBlanksBack(nameStart, colon);
        if (nameStart == nameEnd) {
            throw malformedTrailer("A trailer line has no name.");
        }
        String name = new String(line, nameStart, nameEnd - nameStart, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        int valueStart = skipBlanks(colon + 1, n);
        int valueEnd = trimBlanksBack(valueStart, n);
        if (name.equals(TRAILER_SIGNATURE)) {
            if (trailerSigned) {
                if (trailerSignatureText != null) {
                    throw malformedTrailer("The trailer signature appears twice.");
                }
                trailerSignatureText = new String(line, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
                byte[] sig = new byte[32];
                trailerSignature = decodeSignature(valueStart, valueEnd, sig) ? sig : null;
            }
            return;
        }
        if (!declaredTrailers.contains(name)) {
            throw malformedTrailer("The trailer " + name + " was not declared in x-amz-trailer.");
        }
        if (trailers == null) {
            trailers = new LinkedHashMap<>(4);
        }
        if (trailers.size() >= MAX_TRAILERS) {
            throw malformedTrailer("Too many trailers.");
        }
        String value = new String(line, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
        if (trailers.putIfAbsent(name, value) != null) {
            throw malformedTrailer("The trailer " + name + " appears twice.");
        }
    }

    private void endOfTrailers() {
        for (String name : declaredTrailers) {
            if (trailers == null || !trailers.containsKey(name)) {
                throw malformedTrailer("The declared trailer " + name + " is missing.");
            }
        }
        if (trailerSigned) {
            if (trailerSignatureText == null) {
                throw malformedTrailer("The trailer has no x-amz-trailer-signature.");
            }
            String stringToSign = chain.trailerStringToSign(canonicalTrailer());
            if (!chain.verifyTrailer(stringToSign, trailerSignature)) {
                throw AuthErrors.chunkSignatureDoesNotMatch(stringToSign, trailerSignatureText);
            }
        }
        state = DONE;
    }

    /** {@code lower(name):value\n} per trailer, sorted by name. */
    private byte[] canonicalTrailer() {
        if (trailers == null) {
            return new byte[0];
        }
        List<String> names = new ArrayList<>(trailers.keySet());
        names.sort(null);
        StringBuilder sb = new StringBuilder(64);
        for (String name : names) {
            sb.append(name).append(':').append(trailers.get(name)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---- byte helpers

    private boolean isChunkSignature(int start, int end) {
        if (end - start != CHUNK_SIGNATURE.length) {
            return false;
        }
        for (int k = 0; k < CHUNK_SIGNATURE.length; k++) {
            int c = line[start + k];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != CHUNK_SIGNATURE[k]) {
                return false;
            }
        }
        return true;
    }

    /** 64 hex digits at line[start, end) into out; false when they are not. */
    private boolean decodeSignature(int start, int end, byte[] out) {
        if (end - start != 64) {
            return false;
        }
        for (int k = 0; k < 32; k++) {
            int hi = hexDigit(line[start + 2 * k]);
            int lo = hexDigit(line[start + 2 * k + 1]);
            if (hi < 0 || lo < 0) {
                return false;
            }
            out[k] = (byte) ((hi << 4) | lo);
        }
        return true;
    }

    private int skipBlanks(int i, int end) {
        while (i < end && (line[i] == ' ' || line[i] == '\t')) {
            i++;
        }
        return i;
    }

    private int trimBlanksBack(int start, int end) {
        while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
            end--;
        }
        return end;
    }

    private static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static S3Exception framing(String message) {
        return new S3Exception(S3ErrorCode.INCOMPLETE_BODY, message);
    }

    private static S3Exception malformedTrailer(String detail) {
        return new S3Exception(S3ErrorCode.MALFORMED_TRAILER_ERROR,
                S3ErrorCode.MALFORMED_TRAILER_ERROR.defaultMessage() + " " + detail);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "AwsChunkedDecoder[state=" + state + ", decoded=" + decoded + "/" + decodedContentLength
                + ", encoded=" + encoded + "]";
    }
}
