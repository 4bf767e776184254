package dev.rosetta.bench.jmh;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.dialect.DialectCatalog;
import dev.rosetta.protocol.xml.doc.InitiateMultipartUploadResult;
import dev.rosetta.protocol.xml.doc.ListMultipartUploadsResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * Response XML rendering to bytes by a dialect's wire style: ListMultipartUploadsResult with 1000 uploads
 * (a full page) and InitiateMultipartUploadResult.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class XmlRenderBenchmark {
    @Param({"AWS", "OBS", "COS"})
    public String dialect;

    Dialect wire;
    ListMultipartUploadsResult listing;
    InitiateMultipartUploadResult initiate;

    @Setup
    public void setup() {
        wire = new DialectCatalog(DialectCatalog.Namespaces.defaults(Fixtures.REGION)).byName(dialect);
        if (wire == null) {
            throw new IllegalArgumentException("unknown dialect " + dialect);
        }
        List<ListMultipartUploadsResult.Upload> uploads = new ArrayList<>(1000);
        Instant t = Instant.parse("2026-01-02T03:04:05.678Z");
        for (int i = 0; i < 1000; i++) {
            uploads.add(new ListMultipartUploadsResult.Upload(
                    String.format(Locale.ROOT, "videos/2026/01/camera-%04d/clip & <take> %d.mp4", i % 37, i),
                    String.format(Locale.ROOT, "0190F2A1B2C3%020X", i), Fixtures.OWNER, Fixtures.OWNER, "STANDARD",
                    t.plusMillis(i), null));
        }
        listing = new ListMultipartUploadsResult("bench-bucket", "", "", uploads.get(999).key(),
                uploads.get(999).uploadId(), "videos/", null, 1000, true, false, uploads, List.of());
        initiate = new InitiateMultipartUploadResult("bench-bucket", "videos/2026/01/camera-0001/clip.mp4",
                "0190F2A1B2C3D4E5F6A7B8C9D0E1F2A3");
    }

    @Benchmark
    public byte[] listMultipartUploads1000() {
        return wire.render(listing);
    }

    @Benchmark
    public byte[] initiateMultipartUpload() {
        return wire.render(initiate);
    }
}
