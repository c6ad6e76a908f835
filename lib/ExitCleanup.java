import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temp files and staging folders to remove if the JVM is stopped (SIGINT, SIGTERM) mid-commit, so an
 * interrupted run cleans up like a failed one. (SIGKILL cannot be caught: the next run's leftover sweep
 * covers it.)
 */
final class ExitCleanup {
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> PENDING.forEach(Staging::deleteTree), "prezip-cleanup"));
    }

    private ExitCleanup() {}

    static void register(Path path) {
        PENDING.add(path);
    }

    static void done(Path path) {
        PENDING.remove(path);
    }
}
