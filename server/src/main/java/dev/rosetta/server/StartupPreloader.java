package dev.rosetta.server;

import dev.rosetta.storage.kv.NativeLibrary;
import java.security.SecureRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Start-up work that needs no configuration, done on a second core while the main thread parses the
 * command line: configuring logging (Logback), loading RocksDB's native library and seeding
 * the first {@link SecureRandom}. Together they are about a quarter of the time to the first answered
 * request; picocli's parsing, which they overlap, is another fifth.
 *
 * <p>The main thread {@linkplain #awaitLogging() waits} for logging to be configured before it logs
 * anything: a logger asked for while another thread is still initialising SLF4J would be a substitute that
 * queues its events. It does not wait for the rest: if it needs RocksDB's library before the load is done,
 * {@code RocksDB.loadLibrary} (a synchronized method) makes it wait then.
 *
 * <p>Only self-contained work belongs here. Two threads initialising classes that refer to each other
 * can deadlock, so nothing that shares classes with the main thread's start-up (Netty, Jackson, picocli)
 * is touched. A failure is ignored: the main thread repeats the same step and reports it.
 */
final class StartupPreloader {
    private static final CountDownLatch LOGGING_CONFIGURED = new CountDownLatch(1);
    private static volatile boolean started;

    private StartupPreloader() {
    }

    /** Starts the preloading on a daemon thread and returns at once. */
    static void start() {
        Thread t = new Thread(StartupPreloader::run, "rosetta-preload");
        t.setDaemon(true);
        started = true;
        t.start();
    }

    /** Waits (at most 30 s, then goes on regardless) until logging is configured, if preloading was started. */
    static void awaitLogging() throws InterruptedException {
        if (started) {
            LOGGING_CONFIGURED.await(30, TimeUnit.SECONDS);
        }
    }

    static void run() {
        try {
            LoggerFactory.getILoggerFactory();
        } catch (RuntimeException | LinkageError e) {
            // the main thread's first logger repeats it
        } finally {
            LOGGING_CONFIGURED.countDown();
        }
        try {
            NativeLibrary.load();
        } catch (RuntimeException | LinkageError e) {
            // reported when the store is opened
        }
        try {
            new SecureRandom().nextBytes(new byte[16]);
        } catch (RuntimeException e) {
            // reported where a SecureRandom is first used for real
        }
    }
}
