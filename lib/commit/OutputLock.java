package commit;

import errors.ErrorCode;
import errors.IoErrors;
import errors.PrezipException;
import io.ExitCleanup;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * One commit per output zip at a time: an OS file lock on a hidden lock file beside the zip. A second
 * commit refuses at once rather than interleave; the lock dies with its process, so a killed run never
 * leaves it held. It is opened without following links: a link planted at its path is refused, never
 * followed to create its target.
 *
 * <p>The holder deletes the file before it lets go, so nothing stays beside the zip. A run can open the
 * file just before the holder deletes it and then lock the deleted one, so a run holds the lock only if
 * the file now at the path is the one it has open: compared by inode through /proc/self/fd (a stat, no
 * open: closing any other descriptor of the file would drop the process's lock). Where there is no
 * /proc, the file is kept, as two runs could otherwise hold two different files. The comparison looks at
 * every descriptor of this process: one commit per zip per process (a second in the same JVM is
 * refused at the lock as overlapping).
 */
public final class OutputLock implements AutoCloseable {
    /** Tries when the file at the path changed under a run (a holder deleted it as this run opened it). */
    static final int MAX_ATTEMPTS = 20;
    private static final Path OWN_DESCRIPTORS = Path.of("/proc/self/fd");

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    /** Whether the file is known to be the one at the path, and so the holder's to delete. */
    private final boolean deleteOnClose;

    /**
     * The lock files this JVM holds: {@link #requireFree} must not open a channel on one of them, since
     * closing any channel on a file drops every lock this process holds on it.
     */
    private static final java.util.Set<Path> HELD_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private OutputLock(Path file, FileChannel channel, FileLock lock, boolean deleteOnClose) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.deleteOnClose = deleteOnClose;
        HELD_HERE.add(file);
        if (deleteOnClose) {
            // A run stopped by Ctrl-C or SIGTERM deletes it too (it still holds it then): nothing is left beside the zip.
            ExitCleanup.register(file);
        }
    }

    static Path lockFileFor(Path zip) {
        return zip.resolveSibling("." + zip.getFileName() + ".prezip-lock");
    }

    /** Takes the lock of this zip (an absolute path), or refuses with PZ_OUTPUT_LOCKED when a commit holds it. */
    public static OutputLock acquire(Path zip) {
        Path file = lockFileFor(zip);
        requireNoOtherKindOfFile(file);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            FileChannel channel = null;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    channel.close();
                    throw heldByAnother(zip, file);
                }
                Boolean atPath = holdsTheFileAtThePath(file);
                if (atPath == null || atPath) {
                    return new OutputLock(file, channel, lock, atPath != null);
                }
                // We locked a file its holder had just deleted: the one at the path (if any) is another run's.
                channel.close();
            } catch (IOException e) {
                closeQuietly(channel);
                throw failed(e, "taking the output lock", file);
            }
        }
        throw new PrezipException(ErrorCode.PZ_OUTPUT_LOCKED, "the output lock " + file + " kept changing while taken: "
                + ErrorCode.PZ_OUTPUT_LOCKED.advice());
    }

    /**
     * Fails as {@link #acquire} would if another run holds the zip's lock, without taking it or creating
     * anything: a dry-run that says ok means the commit can start. A shared lock is tried on the lock file
     * (if there is one) and let go at once; a run holding it exclusively refuses that.
     */
    public static void requireFree(Path zip) {
        Path file = lockFileFor(zip);
        if (HELD_HERE.contains(file)) {
            throw heldByAnother(zip, file);
        }
        requireNoOtherKindOfFile(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            FileLock probe;
            try {
                probe = channel.tryLock(0, Long.MAX_VALUE, true);
            } catch (OverlappingFileLockException e) {
                probe = null; // taken by this process since the check above
            }
            if (probe == null) {
                throw heldByAnother(zip, file);
            }
            probe.release();
        } catch (NoSuchFileException none) {
            // No lock file: no run holds the lock.
        } catch (IOException e) {
            throw failed(e, "checking the output lock", file);
        }
    }

    /** A link, FIFO or folder at the lock's path is refused by name: opening a FIFO would wait forever. */
    private static void requireNoOtherKindOfFile(Path file) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw Files.isSymbolicLink(file) ? linkRefused(file)
                    : new PrezipException(ErrorCode.PZ_IO, "the output lock " + file + " is not a regular file (a FIFO, "
                    + "device or folder is never opened); remove it and run again");
        }
    }

    private static PrezipException heldByAnother(Path zip, Path file) {
        return new PrezipException(ErrorCode.PZ_OUTPUT_LOCKED, "another commit to " + zip + " is running (lock "
                + file + "): " + ErrorCode.PZ_OUTPUT_LOCKED.advice());
    }

    /** An I/O failure on the lock file; a link there (refused by NOFOLLOW) is named as such. */
    private static PrezipException failed(IOException e, String doing, Path file) {
        return Files.isSymbolicLink(file) ? linkRefused(file) : IoErrors.toPrezip(e, doing, file);
    }

    private static PrezipException linkRefused(Path file) {
        return new PrezipException(ErrorCode.PZ_IO, "the output lock " + file + " is a symbolic link: the toolkit "
                + "never follows one it would write through; remove it and run again");
    }

    /**
     * Whether one of this process's open descriptors is the file now at the path (same device and inode),
     * or null where the OS does not say (no /proc/self/fd, no inode in the file key).
     */
    static Boolean holdsTheFileAtThePath(Path file) throws IOException {
        if (!Files.isDirectory(OWN_DESCRIPTORS)) {
            return null;
        }
        Object atPath;
        try {
            atPath = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (NoSuchFileException e) {
            return false;
        }
        if (atPath == null) {
            return null;
        }
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(OWN_DESCRIPTORS)) {
            for (Path descriptor : descriptors) {
                try {
                    // A stat through the descriptor's link: the open file's identity, even once deleted.
                    if (atPath.equals(Files.readAttributes(descriptor, BasicFileAttributes.class).fileKey())) {
                        return true;
                    }
                } catch (IOException gone) {
                    // A descriptor closed meanwhile (the listing's own, another thread's): not ours.
                }
            }
        }
        return false;
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // Already failing; the OS releases the descriptor with the process.
        }
    }

    /** Deletes the lock file while still holding it (where it is known to be ours), then lets go. */
    @Override
    public void close() {
        HELD_HERE.remove(file);
        if (deleteOnClose) {
            ExitCleanup.done(file);
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // Left behind, it blocks nobody: the next run takes it, checks it and deletes it.
            }
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases it too.
        }
        closeQuietly(channel);
    }
}
