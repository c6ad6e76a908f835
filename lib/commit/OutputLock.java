package commit;

import cli.ErrorCode;
import cli.IoErrors;
import cli.PrezipException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One commit per output zip at a time: an OS file lock on a hidden lock file beside the zip. A second
 * commit refuses at once rather than interleave; the lock dies with its process, so a killed run never
 * leaves it held. The empty lock file stays: deleting it would let two runs lock two different files
 * (and Java cannot tell which file a locked channel holds, nor read the path's without an open whose
 * close would drop the lock). It is opened without following links: a link planted at its path is
 * refused, never followed to create its target.
 */
final class OutputLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static Path lockFileFor(Path zip) {
        return zip.resolveSibling("." + zip.getFileName() + ".prezip-lock");
    }

    static OutputLock acquire(Path zip) {
        Path file = lockFileFor(zip);
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
                throw new PrezipException(ErrorCode.PZ_OUTPUT_LOCKED, "another commit to " + zip + " is running (lock "
                        + file + "): " + ErrorCode.PZ_OUTPUT_LOCKED.advice());
            }
            return new OutputLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            if (Files.isSymbolicLink(file)) {
                throw new PrezipException(ErrorCode.PZ_IO, "the output lock " + file + " is a symbolic link: the toolkit "
                        + "never follows one it would write through; remove it and run again");
            }
            throw IoErrors.toPrezip(e, "taking the output lock", file);
        }
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

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases it too.
        }
        closeQuietly(channel);
    }
}
