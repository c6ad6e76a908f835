package errors;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import text.Printable;

/** Turns an I/O exception into an operator's error that says what ran out or failed, and where. */
public final class IoErrors {
    /** The most of an exception's own message a message quotes. */
    static final int MESSAGE_CHARS = 400;

    private IoErrors() {}

    public static PrezipException toPrezip(IOException e, String doing, Path where) {
        String place = where == null ? "" : " (" + Printable.path(where.toString()) + ")";
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (text.contains("no space left") || text.contains("disk quota exceeded")) {
            return new PrezipException(ErrorCode.PZ_DISK_FULL, "disk full while " + doing + ": no space left on the file system of "
                    + (where == null ? "the output" : Printable.path(where.toString())) + "; " + ErrorCode.PZ_DISK_FULL.advice(), e);
        }
        return new PrezipException(ErrorCode.PZ_IO, "I/O error while " + doing + place + ": "
                + describe(e) + "; " + ErrorCode.PZ_IO.advice(), e);
    }

    /**
     * What failed, for people: the file (cut as {@link Printable#path} cuts a path) and the system's reason,
     * never a Java class name.
     */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException failed) {
            String reason = failed.getReason() != null ? failed.getReason() : reasonOf(failed);
            return (failed.getFile() == null ? "" : Printable.path(failed.getFile()) + ": ") + reason
                    + (failed.getOtherFile() == null ? "" : " (with " + Printable.path(failed.getOtherFile()) + ")");
        }
        return e.getMessage() == null ? "an input/output error" : Printable.of(e.getMessage(), MESSAGE_CHARS);
    }

    /** The reason the JDK's file exceptions carry in their kind alone. */
    private static String reasonOf(FileSystemException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        } else if (e instanceof AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        } else if (e instanceof DirectoryNotEmptyException) {
            return "folder not empty";
        } else if (e instanceof NotDirectoryException) {
            return "not a folder";
        } else if (e instanceof FileSystemLoopException) {
            return "a loop of links";
        }
        return "failed";
    }
}
