package dev.rosetta.server.lifecycle;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.BucketLifecycle;
import dev.rosetta.protocol.model.LifecycleRule;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.MultipartSessionStore;
import dev.rosetta.storage.MultipartUpload;
import dev.rosetta.storage.StorageEngine;
import dev.rosetta.storage.UploadScan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aborts incomplete multipart uploads that are too old, freeing their parts' blobs.
 *
 * <p>An upload is due at {@link AbortDates#abortDate} of its initiation and N days, where N is the
 * {@code DaysAfterInitiation} of its bucket's first Enabled lifecycle rule with an
 * AbortIncompleteMultipartUpload action whose prefix matches the upload's key, else the server-wide
 * setting (0: never). Each due upload is dropped with {@link MultipartSessionStore#abort}: one synced
 * write, then its part blobs are deleted.
 *
 * <p>A pass reads the bucket list, then walks only buckets that have such a rule or, with the
 * server-wide setting, every bucket; without the server-wide setting it walks only the rules'
 * prefixes. It keeps no state of its own: everything it decides from is in RocksDB (bucket records and
 * upload records with their initiation times), so a restart loses nothing and the next pass catches
 * up. Passes never overlap ({@link #runOnce} waits for a running one).
 *
 * <p>{@link #start} runs a pass on one daemon thread shortly after start and then at a fixed interval;
 * {@link #close} stops it, waiting for a pass in progress to stop at its next upload. Close it before
 * the storage engine.
 */
public final class IncompleteUploadReaper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IncompleteUploadReaper.class);
    /** The first pass's delay after {@link #start}, unless the interval is shorter. */
    static final Duration FIRST_PASS_DELAY = Duration.ofSeconds(10);
    private static final long STOP_WAIT_SECONDS = 60;

    private final StorageEngine store;
    private final Clock clock;
    private final int serverWideDays;
    private final UploadScan scan;
    private final ReentrantLock passLock = new ReentrantLock();
    private final List<Runnable> siblings = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean stopping;
    private ScheduledExecutorService scheduler;

    /**
     * What one pass did.
     *
     * @param bucketsWalked buckets whose uploads were read
     * @param uploadsAborted uploads aborted
     * @param bytesFreed bytes their parts held
     * @param failures uploads or buckets that could not be handled (logged; retried next pass)
     */
    public record Pass(int bucketsWalked, int uploadsAborted, long bytesFreed, int failures) {
        static final Pass NOTHING = new Pass(0, 0, 0, 0);
    }

    /**
     * @param serverWideDays abort uploads older than this in every bucket without a matching rule; 0: off
     */
    public IncompleteUploadReaper(StorageEngine store, Clock clock, int serverWideDays) {
        if (serverWideDays < 0) {
            throw new IllegalArgumentException("serverWideDays must not be negative: " + serverWideDays);
        }
        this.store = store;
        this.clock = clock;
        this.serverWideDays = serverWideDays;
        this.scan = new UploadScan(store.uploads());
    }

    /**
     * Runs passes on a daemon thread: the first after {@link #FIRST_PASS_DELAY} (or the interval if
     * shorter), then {@code interval} after each pass ends. A zero interval schedules nothing
     * ({@link #runOnce} still works).
     */
    public synchronized void start(Duration interval) {
        if (scheduler != null || stopping || interval.isZero() || interval.isNegative()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rosetta-lifecycle");
            t.setDaemon(true);
            return t;
        });
        long intervalMillis = interval.toMillis();
        long first = Math.min(FIRST_PASS_DELAY.toMillis(), intervalMillis);
        scheduler.scheduleWithFixedDelay(this::scheduledPass, first, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void scheduledPass() {
        try {
            runOnce();
        } catch (Throwable t) { // never let the schedule die
            if (!stopping) {
                log.warn("lifecycle pass failed: {}", t.toString(), t);
            }
        }
        for (Runnable task : siblings) {
            if (stopping) {
                return;
            }
            try {
                task.run();
            } catch (Throwable t) {
                if (!stopping) {
                    log.warn("lifecycle task failed: {}", t.toString(), t);
                }
            }
        }
    }

    /**
     * Runs {@code task} on the lifecycle thread after each scheduled pass (the object expirer); it must stop
     * promptly once its owner closes it. Add tasks before {@link #start}.
     */
    public void addSiblingTask(Runnable task) {
        siblings.add(java.util.Objects.requireNonNull(task, "task"));
    }

    /**
     * Runs one pass now, at the clock's current time, after any pass in progress; logs at INFO what it
     * aborted. After {@link #close} it does nothing.
     */
    public Pass runOnce() {
        passLock.lock();
        try {
            if (stopping) {
                return Pass.NOTHING;
            }
            long started = System.nanoTime();
            Pass pass = pass(clock.instant());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (pass.uploadsAborted() > 0 || pass.failures() > 0) {
                log.info("lifecycle: aborted {} incomplete multipart uploads ({} bytes) in {} ms{}",
                        pass.uploadsAborted(), pass.bytesFreed(), millis,
                        pass.failures() > 0 ? "; " + pass.failures() + " failed, retried next pass" : "");
            } else {
                log.debug("lifecycle: nothing to abort ({} buckets walked, {} ms)", pass.bucketsWalked(), millis);
            }
            return pass;
        } finally {
            passLock.unlock();
        }
    }

    private Pass pass(Instant now) {
        Counts counts = new Counts();
        for (BucketRecord bucket : store.buckets().list()) {
            if (stopping) {
                break;
            }
            BucketLifecycle lifecycle = bucket.lifecycle();
            boolean rules = lifecycle != null && lifecycle.abortsUploads();
            if (!rules && serverWideDays == 0) {
                continue;
            }
            counts.buckets++;
            try {
                for (String prefix : serverWideDays > 0 ? List.of("") : rulePrefixes(lifecycle)) {
                    if (!scan.forEachPage(bucket.name(), prefix, page -> abortDue(bucket, page, now, counts))
                            && stopping) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                if (stopping) {
                    break;
                }
                counts.failures++;
                log.warn("lifecycle: walking the uploads of bucket {} failed: {}", bucket.name(), e.toString(), e);
            }
        }
        return new Pass(counts.buckets, counts.aborted, counts.bytes, counts.failures);
    }

    /** Aborts the due uploads of one page; false once stopping. */
    private boolean abortDue(BucketRecord bucket, List<MultipartUpload> page, Instant now, Counts counts) {
        for (MultipartUpload u : page) {
            if (stopping) {
                return false;
            }
            int days = daysFor(bucket, u.key());
            if (days == 0 || now.isBefore(AbortDates.abortDate(u.initiated(), days))) {
                continue;
            }
            try {
                long bytes = store.uploads().abort(u.bucket(), u.key(), u.uploadId());
                counts.aborted++;
                counts.bytes += bytes;
                log.debug("lifecycle: aborted upload {} of {}/{} initiated {} ({} bytes)", u.uploadId(),
                        u.bucket(), u.key(), u.initiated(), bytes);
            } catch (S3Exception e) {
                if (e.errorCode() == S3ErrorCode.NO_SUCH_BUCKET) {
                    return false;
                }
                if (e.errorCode() != S3ErrorCode.NO_SUCH_UPLOAD) { // completed or aborted meanwhile: fine
                    counts.failures++;
                    log.warn("lifecycle: aborting upload {} of {}/{} failed: {}", u.uploadId(), u.bucket(),
                            u.key(), e.toString());
                }
            } catch (RuntimeException e) {
                if (stopping) {
                    return false;
                }
                counts.failures++;
                log.warn("lifecycle: aborting upload {} of {}/{} failed: {}", u.uploadId(), u.bucket(), u.key(),
                        e.toString(), e);
            }
        }
        return true;
    }

    /** The days after which an upload of {@code key} in {@code bucket} is aborted; 0 for never. */
    int daysFor(BucketRecord bucket, String key) {
        Optional<LifecycleRule> rule = AbortDates.bucketRuleFor(bucket, key);
        return rule.map(LifecycleRule::abortIncompleteMultipartUploadDays).orElse(serverWideDays);
    }

    /** The prefixes of the abort rules, without those another one already covers. */
    static List<String> rulePrefixes(BucketLifecycle lifecycle) {
        TreeSet<String> all = new TreeSet<>();
        for (LifecycleRule r : lifecycle.rules()) {
            if (r.enabled() && r.abortIncompleteMultipartUploadDays() != null && !r.hasTagFilter()
                    && !r.hasSizeFilter()) {
                all.add(r.keyPrefix());
            }
        }
        List<String> out = new ArrayList<>();
        for (String p : all) { // sorted, so a covering prefix comes before what it covers
            if (out.isEmpty() || !p.startsWith(out.get(out.size() - 1))) {
                out.add(p);
            }
        }
        return out;
    }

    /** Stops the schedule and waits for a pass in progress to stop; later passes do nothing. */
    @Override
    public void close() {
        ScheduledExecutorService s;
        synchronized (this) {
            stopping = true;
            s = scheduler;
        }
        if (s != null) {
            s.shutdown(); // no interrupt: a blob deletion in progress completes
            try {
                if (!s.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    log.warn("lifecycle pass still running after {} s", STOP_WAIT_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        passLock.lock(); // a pass started by runOnce on another thread has seen 'stopping' and ended
        passLock.unlock();
    }

    private static final class Counts {
        int buckets;
        int aborted;
        long bytes;
        int failures;
    }
}
