package dev.rosetta.bench.jmh;

import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.auth.chunked.AwsChunkedDecoder;
import dev.rosetta.auth.chunked.Trailers;
import dev.rosetta.bench.sign.Crypto;
import dev.rosetta.bench.sign.HttpTimes;
import dev.rosetta.bench.sign.SignableRequest;
import dev.rosetta.bench.sign.V4Signer;
import dev.rosetta.protocol.checksum.ChecksumAlgorithm;
import dev.rosetta.protocol.http.RequestHead;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * aws-chunked decoding of a 1 MiB object ({@link AwsChunkedDecoder}) fed in network-read-sized slices:
 * {@code signed} (STREAMING-AWS4-HMAC-SHA256-PAYLOAD: every chunk's SHA-256 and chained signature checked)
 * or {@code unsigned-trailer} (STREAMING-UNSIGNED-PAYLOAD-TRAILER with a CRC32C trailer, as AWS SDK v2 sends
 * over HTTPS). One operation = one 1 MiB body: MiB/s = ops/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AwsChunkedBenchmark {
    static final int OBJECT_SIZE = 1024 * 1024;
    static final String SIGNED = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    static final String UNSIGNED_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";
    static final String TRAILER = "x-amz-checksum-crc32c";

    @Param({"signed", "unsigned-trailer"})
    public String mode;

    @Param({"65536"})
    public int chunkSize;

    /** Bytes handed to the decoder per call, like one socket read. */
    @Param({"16384"})
    public int feedSize;

    RequestHead head;
    PayloadRequirement.Streaming requirement;
    ByteBuffer body;
    long sink;

    @Setup
    public void setup() {
        byte[] object = new byte[OBJECT_SIZE];
        new Random(42).nextBytes(object);
        boolean signed = mode.equals("signed");
        V4Signer signer = new V4Signer(V4Signer.Flavour.AWS, Fixtures.AK, Fixtures.SK, Fixtures.REGION);
        String timestamp = HttpTimes.isoBasic(Fixtures.NOW.toEpochMilli());
        String date = timestamp.substring(0, 8);
        String crc = ChecksumAlgorithm.CRC32C.base64(object);
        // the encoded length does not depend on the signatures' values: measure it with placeholders
        int encodedLength = encode(object, signed, crc, null, signer, date, timestamp).length;
        SignableRequest r = new SignableRequest("PUT", "/bench-bucket/chunked-object.bin")
                .header("Host", "127.0.0.1:9000")
                .header("Content-Encoding", "aws-chunked")
                .header("Content-Length", Integer.toString(encodedLength))
                .header("x-amz-content-sha256", signed ? SIGNED : UNSIGNED_TRAILER)
                .header("x-amz-date", timestamp)
                .header("x-amz-decoded-content-length", Integer.toString(OBJECT_SIZE));
        if (!signed) {
            r.header("x-amz-trailer", TRAILER);
        }
        signer.sign(r, Fixtures.NOW.toEpochMilli());
        String auth = r.header("Authorization");
        String seed = auth.substring(auth.indexOf("Signature=") + "Signature=".length());
        head = new BenchRequestHead(r);
        Authentication a = Fixtures.authenticator().authenticate(head, null);
        requirement = (PayloadRequirement.Streaming) a.payload();
        byte[] encoded = encode(object, signed, crc, seed, signer, date, timestamp);
        body = ByteBuffer.allocateDirect(encoded.length).put(encoded).flip();
    }

    /** The aws-chunked body; {@code seed} null writes placeholder signatures (same length). */
    byte[] encode(byte[] object, boolean signed, String crc, String seed, V4Signer signer, String date, String timestamp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(object.length + 4096);
        String previous = seed;
        for (int offset = 0; ; offset += chunkSize) {
            int n = Math.max(0, Math.min(chunkSize, object.length - offset));
            String header = Integer.toHexString(n);
            if (signed) {
                String signature = "0".repeat(64);
                if (seed != null) {
                    String stringToSign = "AWS4-HMAC-SHA256-PAYLOAD\n" + timestamp + "\n" + signer.scope(date) + "\n"
                            + previous + "\n" + Crypto.EMPTY_SHA256 + "\n" + Crypto.hex(Crypto.sha256(object, offset, n));
                    signature = signer.signature(date, stringToSign);
                    previous = signature;
                }
                header += ";chunk-signature=" + signature;
            }
            write(out, header + "\r\n");
            out.write(object, Math.min(offset, object.length), n);
            if (n == 0) {
                break;
            }
            write(out, "\r\n");
        }
        if (!signed) {
            write(out, TRAILER + ":" + crc + "\r\n");
        }
        write(out, "\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Benchmark
    public long decode() {
        AwsChunkedDecoder decoder = AwsChunkedDecoder.forRequest(head, requirement);
        ByteBuffer all = body.duplicate();
        Consumer<ByteBuffer> out = b -> sink += b.remaining();
        while (all.hasRemaining()) {
            ByteBuffer slice = all.slice();
            slice.limit(Math.min(feedSize, all.remaining()));
            all.position(all.position() + slice.limit());
            decoder.feed(slice, out);
        }
        Trailers t = decoder.finish();
        return decoder.decodedBytes() + (t == null ? 0 : 1);
    }
}
