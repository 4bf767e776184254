package dev.rosetta.bench.jmh;

import dev.rosetta.protocol.checksum.Checksum;
import dev.rosetta.protocol.checksum.ChecksumAlgorithm;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * One core's digest throughput over 1 MiB: MD5 (ETags), SHA-256 (SigV4 payloads), and the flexible
 * checksums as Rosetta computes them ({@code ChecksumAlgorithm.newChecksum()}: CRC64NVME, CRC32C, CRC32,
 * SHA1). One operation = 1 MiB: MiB/s = ops/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DigestBenchmark {
    static final int SIZE = 1024 * 1024;

    @Param({"MD5", "SHA-256", "CRC64NVME", "CRC32C", "CRC32", "SHA1"})
    public String algorithm;

    byte[] data;
    MessageDigest digest;
    Checksum checksum;

    @Setup
    public void setup() throws NoSuchAlgorithmException {
        data = new byte[SIZE];
        new Random(7).nextBytes(data);
        if (algorithm.equals("MD5") || algorithm.equals("SHA-256")) {
            digest = MessageDigest.getInstance(algorithm);
        } else {
            checksum = ChecksumAlgorithm.valueOf(algorithm).newChecksum();
        }
    }

    @Benchmark
    public byte[] oneMiB() {
        if (digest != null) {
            digest.update(data);
            return digest.digest();
        }
        checksum.reset();
        checksum.update(data, 0, data.length);
        return checksum.digest();
    }
}
