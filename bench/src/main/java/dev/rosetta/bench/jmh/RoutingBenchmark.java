package dev.rosetta.bench.jmh;

import dev.rosetta.protocol.Operation;
import dev.rosetta.protocol.http.QueryString;
import dev.rosetta.protocol.routing.RouteInput;
import dev.rosetta.protocol.routing.RoutingTable;
import dev.rosetta.protocol.routing.Target;
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
 * {@link RoutingTable#resolve} for common request shapes; {@code parseAndResolve} includes parsing the raw
 * query, as a server does once per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoutingBenchmark {
    @Param({"getObject", "putObject", "uploadPart", "initiate", "complete", "listObjectsV2", "listUploads", "copyObject"})
    public String shape;

    String method;
    Target target;
    String rawQuery;
    boolean copySource;
    RouteInput input;

    @Setup
    public void setup() {
        switch (shape) {
            case "getObject" -> set("GET", Target.OBJECT, "", false);
            case "putObject" -> set("PUT", Target.OBJECT, "", false);
            case "uploadPart" -> set("PUT", Target.OBJECT, "partNumber=3&uploadId=0190F2A1B2C3D4E5F6A7B8C9D0E1F2A3", false);
            case "initiate" -> set("POST", Target.OBJECT, "uploads", false);
            case "complete" -> set("POST", Target.OBJECT, "uploadId=0190F2A1B2C3D4E5F6A7B8C9D0E1F2A3", false);
            case "listObjectsV2" -> set("GET", Target.BUCKET, "list-type=2&prefix=photos%2F2026%2F&max-keys=100&delimiter=%2F",
                    false);
            case "listUploads" -> set("GET", Target.BUCKET, "uploads&prefix=videos%2F&max-uploads=1000", false);
            case "copyObject" -> set("PUT", Target.OBJECT, "", true);
            default -> throw new IllegalArgumentException(shape);
        }
        input = new RouteInput(method, target, QueryString.parse(rawQuery), copySource);
    }

    private void set(String method, Target target, String rawQuery, boolean copySource) {
        this.method = method;
        this.target = target;
        this.rawQuery = rawQuery;
        this.copySource = copySource;
    }

    @Benchmark
    public Operation resolve() {
        return RoutingTable.s3().resolve(input);
    }

    @Benchmark
    public Operation parseAndResolve() {
        return RoutingTable.s3().resolve(new RouteInput(method, target, QueryString.parse(rawQuery), copySource));
    }
}
