import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** Writes a file so that readers see either the old content or the whole new one, never a part. */
final class AtomicFiles {
    private AtomicFiles() {}

    static void write(Path target, byte[] content) {
        Path temp = null;
        try {
            temp = tempBeside(target);
            Files.write(temp, content);
            moveIntoPlace(temp, target);
        } catch (IOException e) {
            throw IoErrors.toPrezip(e, "writing " + target.getFileName(), target);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Several files that must appear together (a zip and its sidecars): each is written to a temp file
     * first, so a full disk fails before anything is replaced; then all are renamed, in the order added.
     * Closing removes whatever temp files were not renamed.
     */
    static final class Batch implements AutoCloseable {
        private final java.util.LinkedHashMap<Path, Path> tempByTarget = new java.util.LinkedHashMap<>();

        /** Takes over an already written temp file. */
        void adopt(Path temp, Path target) {
            tempByTarget.put(target, temp);
        }

        void put(Path target, byte[] content) throws IOException {
            Path temp = tempBeside(target);
            tempByTarget.put(target, temp);
            Files.write(temp, content);
        }

        /** Renames every file into place, {@code last} after all others. */
        void commit(Path last) throws IOException {
            for (Path target : tempByTarget.keySet()) {
                // The one rename failure that can be foreseen: checked before anything is replaced.
                if (Files.isDirectory(target)) {
                    throw new IOException(target + " is a folder, not a file");
                }
            }
            ExitCleanup.guarded(() -> {
                for (var e : tempByTarget.entrySet()) {
                    if (!e.getKey().equals(last)) {
                        rename(e.getValue(), e.getKey());
                    }
                }
                rename(tempByTarget.get(last), last);
                return null;
            });
            tempByTarget.clear();
        }

        private static void rename(Path temp, Path target) throws IOException {
            moveIntoPlace(temp, target);
            ExitCleanup.done(temp);
        }

        @Override
        public void close() {
            tempByTarget.values().forEach(AtomicFiles::deleteQuietly);
        }
    }

    /**
     * A new hidden temp file in the target's directory, so the final rename stays on one file system.
     * (Not Files.createTempFile: that forces mode 0600, and a delivery must get the operator's umask.)
     */
    static Path tempBeside(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        ExitCleanup.register(temp);
        return ExitCleanup.guarded(() -> Files.createFile(temp));
    }

    static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes a temp file if it is still there (after a move it is not) and forgets it. */
    static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Best effort: the caller is already reporting the error that matters.
        }
        ExitCleanup.done(path);
    }
}
