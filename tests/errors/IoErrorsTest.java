package errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** I/O failures as an operator reads them: what, where (bounded), the system's reason; no Java class names. */
class IoErrorsTest {
    static final String DEEP = "/out/.prezip-staging-1/docs/" + "d/".repeat(3_000) + "deep.txt";

    @Test
    void aFailureOnADeepPathIsOneBoundedLineWithTheReasonAndNoClassName() {
        PrezipException e = IoErrors.toPrezip(new FileSystemException(DEEP, null, "File name too long"), "staging and zipping",
                Path.of("/out"));
        assertEquals(ErrorCode.PZ_IO, e.code());
        assertTrue(e.getMessage().startsWith("I/O error while staging and zipping (/out): /out/.prezip-staging-1/docs/d/"), e.getMessage());
        assertTrue(e.getMessage().contains("/d/\u2026/deep.txt (6,036 characters): File name too long; ") || e.getMessage().contains("/d\u2026/deep.txt (6,036 characters): File name too long; "), e.getMessage());
        assertTrue(e.getMessage().length() < 500, e.getMessage().length() + " characters");
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void aFileExceptionWithoutAReasonIsNamedByItsKindInWords() {
        assertEquals("/a/b.txt: no such file or folder", IoErrors.describe(new NoSuchFileException("/a/b.txt")));
        assertEquals("an input/output error", IoErrors.describe(new IOException()));
    }

    @Test
    void noSpaceLeftIsDiskFull() {
        PrezipException e = IoErrors.toPrezip(new IOException("No space left on device"), "writing the zip", Path.of("/out"));
        assertEquals(ErrorCode.PZ_DISK_FULL, e.code());
        assertTrue(e.getMessage().contains("no space left on the file system of /out"), e.getMessage());
    }
}
