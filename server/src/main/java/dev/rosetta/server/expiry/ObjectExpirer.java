package dev.rosetta.server.expiry;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.BucketLifecycle;
import dev.rosetta.protocol.model.LifecycleRule;
import dev.rosetta.server.lifecycle.AbortDates;
import dev.rosetta.server.lock.ObjectLockRules;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.ObjectExpiryIndex;
import dev.rosetta.storage.ObjectListRequest;
import dev.rosetta.storage.ObjectListing;
import dev.rosetta.storage.ObjectRecord;
import dev.rosetta.storage.ObjectStore;
import dev.rosetta.storage.StorageEngine;
import dev.rosetta.storage.schema.ExpiryKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes objects whose time has come, in two parts of one pass:
 * <ol>
 *   <li><b>OBS {@code x-obs-expires}</b>: the {@link ObjectExpiryIndex} lists the objects due by now, earliest
 *       first; each is deleted with {@link ObjectStore#expire} (one synced write that also drops its entry),
 *       only if it is still the object that entry was made for. The pass reads nothing else: its cost is
 *       proportional to what expires.</li>
 *   <li><b>Lifecycle {@code Expiration}</b> ({@code Days} or {@code Date}) of Enabled rules, with their prefix,
 *       tag and size filters: a rule's effect changes with the configuration and applies to objects written
 *       before it, so it is found by walking the rule's prefix (page by page) in each bucket that has such a
 *       rule, as the incomplete-upload reaper walks uploads. {@code Days} is counted from the last
 *       modification and rounded up to the next midnight UTC, S3's documented rule.</li>
 * </ol>
 * An object under an unexpired retention or a legal hold is never expired: its index entry moves to the
 * retain-until date (or a day later under a legal hold); a lifecycle rule looks again next pass.
 *
 * <p>The expirer keeps no state of its own, so a restart loses nothing: the next pass catches up. It runs on the
 * lifecycle thread after each reaper pass ({@code IncompleteUploadReaper#addSiblingTask}); passes never overlap
 * ({@link #runOnce} waits for one in progress). Close it before the storage engine.
 */
public final class ObjectExpirer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ObjectExpirer.class);
    private static final int INDEX_PAGE = 256;
    private static final int LIST_PAGE = 1000;

    private final StorageEngine store;
    private final Clock clock;
    private final ReentrantLock passLock = new ReentrantLock();
    private volatile boolean stopping;

    /**
     * What one pass did.
     *
     * @param expired         objects deleted for {@code x-obs-expires}
     * @param postponed       objects due but protected by object lock (their entries moved)
     * @param lifecycleExpired objects deleted by lifecycle Expiration rules
     * @param failures        objects or buckets that could not be handled (logged; retried next pass)
     */
    public record Pass(int expired, int postponed, int lifecycleExpired, int failures) {
        static final Pass NOTHING = new Pass(0, 0, 0, 0);
    }

    public ObjectExpirer(StorageEngine store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Runs one pass now, at the clock's current time, after any pass in progress. Nothing after {@link #close}. */
    public Pass runOnce() {
        passLock.lock();
        try {
            if (stopping) {
                return Pass.NOTHING;
            }
            long started = System.nanoTime();
            Instant now = clock.instant();
            Counts counts = new Counts();
            indexPass(now, counts);
            lifecyclePass(now, counts);
            Pass pass = new Pass(counts.expired, counts.postponed, counts.lifecycleExpired, counts.failures);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (pass.expired() + pass.lifecycleExpired() + pass.failures() > 0) {
                log.info("expiry: deleted {} expired objects and {} by lifecycle rules in {} ms{}", pass.expired(),
                        pass.lifecycleExpired(), millis,
                        pass.failures() > 0 ? "; " + pass.failures() + " failed, retried next pass" : "");
            } else {
                log.debug("expiry: nothing due ({} postponed, {} ms)", pass.postponed(), millis);
            }
            return pass;
        } finally {
            passLock.unlock();
        }
    }

    private void indexPass(Instant now, Counts counts) {
        ObjectStore objects = store.objects();
        ObjectExpiryIndex index = objects.expiryIndex();
        ExpiryKey after = null;
        while (!stopping) {
            List<ExpiryKey> page = index.due(now, after, INDEX_PAGE);
            if (page.isEmpty()) {
                return;
            }
            for (ExpiryKey entry : page) {
                if (stopping) {
                    return;
                }
                try {
                    switch (objects.expire(entry, now, o -> ObjectLockRules.protectedUntil(o, now))) {
                        case EXPIRED -> {
                            counts.expired++;
                            log.debug("expiry: deleted {}/{} (due {})", entry.bucket(), entry.key(), entry.due());
                        }
                        case POSTPONED -> counts.postponed++;
                        case STALE, NOT_DUE -> { }
                    }
                } catch (RuntimeException e) {
                    if (stopping) {
                        return;
                    }
                    counts.failures++;
                    log.warn("expiry: deleting {}/{} failed: {}", entry.bucket(), entry.key(), e.toString(), e);
                }
            }
            after = page.get(page.size() - 1);
        }
    }

    private void lifecyclePass(Instant now, Counts counts) {
        for (BucketRecord bucket : store.buckets().list()) {
            if (stopping) {
                return;
            }
            List<LifecycleRule> rules = expirationRules(bucket.lifecycle());
            for (LifecycleRule rule : rules) {
                try {
                    walk(bucket.name(), rule, now, counts);
                } catch (S3Exception e) {
                    if (e.errorCode() != S3ErrorCode.NO_SUCH_BUCKET) { // deleted meanwhile: nothing left to expire
                        counts.failures++;
                        log.warn("expiry: walking {} for rule {} failed: {}", bucket.name(), rule.id(), e.toString());
                    }
                    break;
                } catch (RuntimeException e) {
                    if (stopping) {
                        return;
                    }
                    counts.failures++;
                    log.warn("expiry: walking {} for rule {} failed: {}", bucket.name(), rule.id(), e.toString(), e);
                }
            }
        }
    }

    /** The Enabled rules of a configuration that expire current objects by Days or Date. */
    static List<LifecycleRule> expirationRules(BucketLifecycle lifecycle) {
        List<LifecycleRule> out = new ArrayList<>();
        if (lifecycle != null) {
            for (LifecycleRule r : lifecycle.rules()) {
                if (r.enabled() && r.expiration() != null
                        && (r.expiration().days() != null || r.expiration().date() != null)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private void walk(String bucket, LifecycleRule rule, Instant now, Counts counts) {
        ObjectStore objects = store.objects();
        String prefix = rule.keyPrefix();
        String startAfter = null;
        while (!stopping) {
            ObjectListing page = objects.list(bucket, new ObjectListRequest(prefix, null, startAfter, LIST_PAGE));
            for (ObjectRecord o : page.objects()) {
                if (stopping) {
                    return;
                }
                if (!LifecycleMatch.selects(rule, o) || !isDue(rule, o, now)
                        || ObjectLockRules.protectedUntil(o, now) != null) {
                    continue;
                }
                try {
                    objects.delete(bucket, o.key(), existing -> {
                        if (existing == null || !existing.etag().equals(o.etag())
                                || !existing.lastModified().equals(o.lastModified())
                                || ObjectLockRules.protectedUntil(existing, now) != null) {
                            throw Skip.INSTANCE; // replaced or locked meanwhile: its own rules decide later
                        }
                    });
                    counts.lifecycleExpired++;
                    log.debug("expiry: rule {} deleted {}/{}", rule.id(), bucket, o.key());
                } catch (Skip skipped) {
                    // nothing to do
                }
            }
            if (!page.truncated() || page.objects().isEmpty()) {
                return;
            }
            startAfter = page.objects().get(page.objects().size() - 1).key();
        }
    }

    /** Whether {@code o} is due under {@code rule} at {@code now}. */
    static boolean isDue(LifecycleRule rule, ObjectRecord o, Instant now) {
        LifecycleRule.Expiration e = rule.expiration();
        if (e.date() != null) {
            return !now.isBefore(e.date());
        }
        return !now.isBefore(AbortDates.abortDate(o.lastModified(), e.days()));
    }

    /** Stops passes: one in progress stops at its next object; later ones do nothing. */
    @Override
    public void close() {
        stopping = true;
        passLock.lock(); // wait for a pass in progress
        passLock.unlock();
    }

    private static final class Skip extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Skip INSTANCE = new Skip();

        private Skip() {
            super("skipped", null, false, false);
        }
    }

    private static final class Counts {
        int expired;
        int postponed;
        int lifecycleExpired;
        int failures;
    }
}
