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
     * A new hidden temp file in the target's directory, so the final rename stays on one file system.
     * (Not Files.createTempFile: that forces mode 0600, and a delivery must get the operator's umask.)
     */
    static Path tempBeside(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        ExitCleanup.register(temp);
        return Files.createFile(temp);
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
