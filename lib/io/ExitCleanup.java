package io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Temp files and staging folders to remove if the JVM is stopped (SIGINT, SIGTERM) mid-commit, so an
 * interrupted run cleans up like a failed one. (SIGKILL cannot be caught: the next run's leftover sweep
 * covers it.)
 *
 * <p>Every step that creates or renames such a path runs {@link #guarded}. The shutdown hook takes the
 * write side of the same lock, so it waits for the step in flight, then deletes; it never releases the
 * lock, so no later step can recreate anything before the JVM halts.
 */
public final class ExitCleanup {
    /** How long the hook waits for the step in flight (one file copy) before deleting anyway. */
    private static final long HOOK_WAIT_SECONDS = 10;
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    private static final ReentrantReadWriteLock STEPS = new ReentrantReadWriteLock();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExitCleanup::onShutdown, "prezip-cleanup"));
    }

    /** One step that writes under a registered path. */
    public interface Step<T> {
        T run() throws IOException;
    }

    private ExitCleanup() {}

    public static void register(Path path) {
        PENDING.add(path);
    }

    public static void done(Path path) {
        PENDING.remove(path);
    }

    public static <T> T guarded(Step<T> step) throws IOException {
        STEPS.readLock().lock();
        try {
            return step.run();
        } finally {
            STEPS.readLock().unlock();
        }
    }

    /**
     * Whether the JVM is shutting down: long work between guarded steps (copying and deflating a large
     * file) checks it per buffer and stops, so the hook never waits on it.
     */
    public static boolean stopping() {
        return stopping;
    }

    private static volatile boolean stopping;

    private static void onShutdown() {
        stopping = true;
        if (PENDING.isEmpty()) {
            return;
        }
        try {
            STEPS.writeLock().tryLock(HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        PENDING.forEach(TreeRemoval::deleteTree);
    }
}
