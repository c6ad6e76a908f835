package errors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Turns an I/O exception into an operator's error that says what ran out or failed, and where. */
public final class IoErrors {
    private IoErrors() {}

    public static PrezipException toPrezip(IOException e, String doing, Path where) {
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (text.contains("no space left") || text.contains("disk quota exceeded")) {
            return new PrezipException(ErrorCode.PZ_DISK_FULL, "disk full while " + doing + ": no space left on the file system of "
                    + where + "; " + ErrorCode.PZ_DISK_FULL.advice(), e);
        }
        return new PrezipException(ErrorCode.PZ_IO, "I/O error while " + doing + " (" + where + "): "
                + describe(e) + "; " + ErrorCode.PZ_IO.advice(), e);
    }

    /** The exception's kind and message, for messages that name what failed. */
    public static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + " " + e.getMessage();
    }
}
