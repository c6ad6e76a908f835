package io;

import errors.ErrorCode;
import errors.PrezipException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Files from outside read whole or as a stream, but only regular files and only up to a bound. */
public final class BoundedFiles {
    private BoundedFiles() {}

    /**
     * A file's bytes, at most {@code maxBytes} of them: anything that is no regular file (a FIFO would
     * block the read forever, a device never end) or is larger is refused by name before it is read,
     * and a file growing while it is read is refused at the bound.
     */
    public static byte[] readBytes(Path file, ErrorCode invalid, long maxBytes) {
        try (InputStream in = open(file, invalid, maxBytes)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new PrezipException(ErrorCode.PZ_IO, file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The same bound as a stream, for a file parsed as it is read: refused by name before it is opened,
     * and the read that goes past {@code maxBytes} throws instead of returning.
     */
    public static InputStream open(Path file, ErrorCode invalid, long maxBytes) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new PrezipException(invalid, file + ": not a regular file (a folder, FIFO or device is never read)");
            }
            if (attributes.size() > maxBytes) {
                throw new PrezipException(invalid, file + ": " + attributes.size() + " bytes, more than the " + maxBytes
                        + " such a file may hold");
            }
            return new BoundedInputStream(Files.newInputStream(file), maxBytes,
                    () -> new PrezipException(invalid, file + ": grew past the " + maxBytes + " bytes such a file may hold"));
        } catch (NoSuchFileException e) {
            throw new PrezipException(invalid, file + ": file not found");
        } catch (IOException e) {
            throw new PrezipException(ErrorCode.PZ_IO, file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
