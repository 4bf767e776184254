package dev.rosetta.bench.load;

import dev.rosetta.bench.http.HttpTransport;
import dev.rosetta.bench.http.Response;
import dev.rosetta.bench.sign.Signer;
import dev.rosetta.bench.util.Units;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A whole run: prepare (bucket, objects to read), each concurrency level in turn, clean up (uploads
 * aborted, objects deleted, the bucket removed if the run created it).
 */
public final class BenchmarkRun {
    /** What a run measured, with the context the report prints. */
    public record Outcome(LoadSettings settings, String runId, String bucket, String prefix, String transport,
                          List<LevelResult> levels) {
    }

    private final LoadSettings s;
    private final PrintStream log;
    private final String runId;
    private final String bucket;
    private final String prefix;
    private final UploadTracker uploads = new UploadTracker();
    /** What each level wrote: its key prefix and per-slot sequence counts (keys prefix + slot + "-" + n). */
    private final List<Map.Entry<String, long[]>> written = new ArrayList<>();
    private List<String> prepared = List.of();

    public BenchmarkRun(LoadSettings settings, PrintStream log) {
        this.s = settings;
        this.log = log;
        this.runId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        this.bucket = settings.bucket() != null ? settings.bucket() : "rosetta-bench-" + runId;
        this.prefix = settings.prefix() != null ? settings.prefix() : "rb-" + runId + "/";
    }

    public Outcome run(LoadRunner.Progress progress) throws InterruptedException {
        for (long pid : s.serverPids()) {
            if (!CpuMeter.readable(pid)) {
                throw new IllegalArgumentException("cannot read the CPU time of process " + pid + " (/proc/" + pid + "/stat)");
            }
        }
        try (HttpTransport transport = new HttpTransport(s.target(), s.ioThreads(), s.transport(), s.insecure(),
                s.timeoutMillis())) {
            LoadRunner runner = new LoadRunner(transport, s.timeoutMillis());
            CpuMeter cpu = new CpuMeter(transport.threadIds(), s.serverPids());
            List<LevelResult> levels = new ArrayList<>();
            if (s.staticUrl() != null) {
                URI u = s.staticUrl();
                String target = (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
                        + (u.getRawQuery() != null ? "?" + u.getRawQuery() : "");
                Workload w = Workloads.staticGet(transport.hostHeader(), target);
                for (int c : s.concurrency()) {
                    levels.add(done(runner.timed(w, c, s.warmupNanos(), s.durationNanos(), cpu, progress)));
                }
                return new Outcome(s, runId, null, null, transport.transportName(), levels);
            }
            Signer signer = Signer.of(s.sign(), s.accessKey(), s.secretKey(), s.region());
            String basePath = s.endpoint().getRawPath() == null ? "" : s.endpoint().getRawPath();
            try (Payload payload = new Payload(bodySize())) {
                S3Requests rq = new S3Requests(transport.hostHeader(), basePath, signer, payload, s.signPayload());
                boolean created = createBucket(runner, rq);
                try {
                    Preparation prep = prepare(runner, rq);
                    for (int i = 0; i < s.concurrency().size(); i++) {
                        int c = s.concurrency().get(i);
                        String levelPrefix = prefix + s.op() + "/L" + i + "/";
                        Workload w = workload(rq, prep, levelPrefix);
                        LevelResult level = runner.timed(w, c, s.warmupNanos(), s.durationNanos(), cpu, progress);
                        if (List.of("put", "mixed", "multipart").contains(s.op())) {
                            written.add(Map.entry(levelPrefix, level.slotSequences()));
                        }
                        levels.add(done(level));
                    }
                } finally {
                    if (s.cleanup()) {
                        cleanup(runner, rq, created);
                    } else {
                        log.println("cleanup skipped (--no-cleanup): objects are under s3://" + bucket + "/" + prefix);
                    }
                }
            }
            return new Outcome(s, runId, bucket, prefix, transport.transportName(), levels);
        }
    }

    private LevelResult done(LevelResult l) {
        log.printf(Locale.ROOT, "level c=%d: %d ops in %.1f s, %.1f ops/s, %d errors%n", l.concurrency(), l.stats().ops(),
                l.seconds(), l.opsPerSecond(), l.stats().failedOps());
        return l;
    }

    private long bodySize() {
        return switch (s.op()) {
            case "put", "get", "stat", "mixed", "multipart", "list" -> s.size();
            default -> 0;
        };
    }

    private record Preparation(List<String> keys, KeyPool pool) {
    }

    private Workload workload(S3Requests rq, Preparation prep, String levelPrefix) {
        return switch (s.op()) {
            case "put" -> Workloads.put(rq, bucket, levelPrefix, s.size());
            case "get" -> Workloads.get(rq, bucket, prep.keys, s.size());
            case "stat" -> Workloads.stat(rq, bucket, prep.keys);
            case "initiate" -> Workloads.initiate(rq, bucket, levelPrefix, uploads);
            case "multipart" -> Workloads.multipart(rq, bucket, levelPrefix, s.parts(), s.size(), uploads);
            case "list" -> Workloads.list(rq, bucket, prefix + "list/", s.listPage());
            case "mixed" -> Workloads.mixed(rq, bucket, prep.pool, s.mix(), levelPrefix, s.size());
            default -> throw new IllegalStateException(s.op());
        };
    }

    // ---- prepare

    /** True when this run created the bucket (and so removes it). */
    private boolean createBucket(LoadRunner runner, S3Requests rq) throws InterruptedException {
        Response[] answer = new Response[1];
        runner.drain(Workloads.once(slot -> slot.send(rq.createBucket(bucket), r -> {
            answer[0] = r;
            slot.done();
        })), 1);
        Response r = answer[0];
        if (r != null && r.isSuccess()) {
            log.println("prepare: created bucket " + bucket);
            return true;
        }
        if (r != null && r.status() == 409 && "BucketAlreadyOwnedByYou".equals(r.s3Code())) {
            log.println("prepare: using the existing bucket " + bucket);
            return false;
        }
        throw new IllegalStateException("cannot create bucket " + bucket + ": "
                + (r == null ? "no answer" : r.errorKey() + " " + r.bodyText().strip()));
    }

    private Preparation prepare(LoadRunner runner, S3Requests rq) throws InterruptedException {
        List<String> keys = List.of();
        switch (s.op()) {
            case "get", "stat", "mixed" -> keys = putObjects(runner, rq, prefix + "obj/", s.objectCount());
            case "list" -> putObjects(runner, rq, prefix + "list/", s.listObjects());
            default -> {
            }
        }
        return new Preparation(keys, s.op().equals("mixed") ? new KeyPool(keys, Math.max(1, keys.size() / 2)) : null);
    }

    private List<String> putObjects(LoadRunner runner, S3Requests rq, String keyPrefix, int count)
            throws InterruptedException {
        List<String> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(keyPrefix + String.format(Locale.ROOT, "%07d", i));
        }
        prepared = keys;
        DrainResult r = runner.drain(Workloads.forEach(keys, (slot, key) -> slot.single(rq.putObject(bucket, key, s.size()))),
                s.prepareConcurrency());
        if (r.failed() > 0) {
            throw new IllegalStateException("prepare: " + r.errorSummary());
        }
        log.printf(Locale.ROOT, "prepare: %d objects of %s in %.1f s%n", count, Units.formatSize(s.size()), r.nanos() / 1e9);
        return Collections.unmodifiableList(keys);
    }

    // ---- clean up

    private void cleanup(LoadRunner runner, S3Requests rq, boolean removeBucket) {
        try {
            StringBuilder note = new StringBuilder("cleanup:");
            if (s.op().equals("initiate") || s.op().equals("multipart")) {
                List<String[]> open = uploads.uploads();
                if (uploads.isUncertain()) {
                    // an initiate went unanswered: its upload may exist, so also ask the server
                    java.util.Set<String> known = new java.util.HashSet<>();
                    open.forEach(u -> known.add(u[1]));
                    listUploads(runner, rq).stream().filter(u -> !known.contains(u[1])).forEach(open::add);
                }
                DrainResult aborted = runner.drain(Workloads.forEach(open,
                        (slot, u) -> slot.single(rq.abort(bucket, u[0], u[1]))), s.prepareConcurrency());
                note.append(" aborted ").append(aborted.ok()).append(" uploads;");
                warn(aborted);
            }
            // the keys the run wrote are known (prepared ones, and <level prefix><slot>-<n> for every sequence
            // number a slot used): delete them without listing, then list what is left (normally nothing)
            DrainResult deleted = runner.drain(Workloads.forEach(writtenKeys(), (slot, key) -> deleteQuietly(slot, rq, key)),
                    s.prepareConcurrency());
            warn(deleted);
            List<String> rest = listKeys(runner, rq);
            DrainResult deletedRest = runner.drain(Workloads.forEach(rest, (slot, key) -> deleteQuietly(slot, rq, key)),
                    s.prepareConcurrency());
            warn(deletedRest);
            note.append(" deleted ").append(deleted.ok() + deletedRest.ok()).append(" keys");
            if (removeBucket) {
                DrainResult b = runner.drain(Workloads.once(slot -> slot.single(rq.deleteBucket(bucket))), 1);
                note.append(b.failed() == 0 ? "; removed bucket " + bucket : "; bucket " + bucket + " NOT removed");
                warn(b);
            }
            log.println(note);
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.println("cleanup failed: " + e.getMessage() + " (objects may remain under s3://" + bucket + "/" + prefix + ")");
        }
    }

    /** DeleteObject; a key that is not there (a PUT that failed, a key the mixed op deleted) is fine. */
    private void deleteQuietly(Slot slot, S3Requests rq, String key) {
        slot.send(rq.deleteObject(bucket, key), r -> {
            if (r.isSuccess() || r.status() == 404) {
                slot.done();
            } else {
                slot.fail(r.errorKey());
            }
        });
    }

    /** Every key the run may have written, produced lazily. */
    private java.util.Iterator<String> writtenKeys() {
        return new java.util.Iterator<>() {
            int preparedIndex;
            int level;
            int slot;
            long sequence;

            @Override
            public boolean hasNext() {
                if (preparedIndex < prepared.size()) {
                    return true;
                }
                while (level < written.size()) {
                    long[] counts = written.get(level).getValue();
                    if (slot < counts.length && sequence < counts[slot]) {
                        return true;
                    }
                    if (slot < counts.length) {
                        slot++;
                        sequence = 0;
                    } else {
                        level++;
                        slot = 0;
                        sequence = 0;
                    }
                }
                return false;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                if (preparedIndex < prepared.size()) {
                    return prepared.get(preparedIndex++);
                }
                return written.get(level).getKey() + slot + "-" + sequence++;
            }
        };
    }

    private void warn(DrainResult r) {
        if (r.failed() > 0) {
            log.println("cleanup: " + r.errorSummary());
        }
    }

    /** Every key under the run's prefix (ListObjectsV2, 1000 a page). */
    private List<String> listKeys(LoadRunner runner, S3Requests rq) throws InterruptedException {
        List<String> keys = new ArrayList<>();
        String[] token = new String[1];
        boolean[] more = {true};
        String[] failure = new String[1];
        Workload pages = slot -> !more[0] ? null : sl -> sl.send(rq.listObjectsV2(bucket, prefix, 1000, token[0]), r -> {
            if (!r.isSuccess()) {
                failure[0] = r.errorKey();
                more[0] = false;
                sl.fail(r.errorKey());
                return;
            }
            String body = r.bodyText();
            for (String c : Xml.blocks(body, "Contents")) {
                String key = Xml.first(c, "Key");
                if (key != null) {
                    keys.add(key);
                }
            }
            token[0] = Xml.first(body, "NextContinuationToken");
            more[0] = "true".equals(Xml.first(body, "IsTruncated")) && token[0] != null;
            sl.done();
        });
        runner.drain(pages, 1);
        if (failure[0] != null) {
            throw new IllegalStateException("cannot list s3://" + bucket + "/" + prefix + ": " + failure[0]);
        }
        return keys;
    }

    /** Every (key, upload id) under the run's prefix (ListMultipartUploads). */
    private List<String[]> listUploads(LoadRunner runner, S3Requests rq) throws InterruptedException {
        List<String[]> uploads = new ArrayList<>();
        String[] marker = new String[2];
        boolean[] more = {true};
        String[] failure = new String[1];
        Workload pages = slot -> !more[0] ? null : sl -> sl.send(rq.listUploads(bucket, prefix, marker[0], marker[1]), r -> {
            if (!r.isSuccess()) {
                failure[0] = r.errorKey();
                more[0] = false;
                sl.fail(r.errorKey());
                return;
            }
            String body = r.bodyText();
            for (String u : Xml.blocks(body, "Upload")) {
                String key = Xml.first(u, "Key");
                String id = Xml.first(u, "UploadId");
                if (key != null && id != null) {
                    uploads.add(new String[] {key, id});
                }
            }
            marker[0] = Xml.first(body, "NextKeyMarker");
            marker[1] = Xml.first(body, "NextUploadIdMarker");
            more[0] = "true".equals(Xml.first(body, "IsTruncated")) && marker[0] != null && !marker[0].isEmpty();
            sl.done();
        });
        runner.drain(pages, 1);
        if (failure[0] != null) {
            log.println("cleanup: cannot list multipart uploads: " + failure[0]);
        }
        return uploads;
    }

    public String bucket() {
        return bucket;
    }
}
