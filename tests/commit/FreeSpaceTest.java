package commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import errors.ErrorCode;
import errors.PrezipException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scan.ScannedEntry;

/** The free space a commit needs at most, and the refusal when the zip's file system has less. */
class FreeSpaceTest {
    @TempDir
    Path tmp;

    ScannedEntry file(String path, long size) {
        return new ScannedEntry(path, tmp, ScannedEntry.Kind.REGULAR, size, 0, null);
    }

    @Test
    void theBoundIsTheStagedCopiesTheZipAndWhatDescribesThem() {
        assertEquals(FreeSpace.FIXED_BYTES, FreeSpace.neededFor(List.of()));
        long mib = 1 << 20;
        long needed = FreeSpace.neededFor(List.of(file("a/b.png", 40 * mib), file("c.txt", 2 * mib)));
        long names = "a/b.png".length() + "c.txt".length();
        assertEquals(2 * 42 * mib + (42 * mib >> FreeSpace.EXPANSION_SHIFT) + 2 * FreeSpace.PER_FILE_BYTES
                + FreeSpace.NAME_COPIES * names + FreeSpace.FIXED_BYTES, needed);
    }

    @Test
    void moreThanTheFileSystemHasIsRefusedWithTheNumbersAndLessPasses() {
        Path zip = tmp.resolve("not/yet/made/out.zip");
        FreeSpace.require(zip, 0);
        PrezipException e = assertThrows(PrezipException.class, () -> FreeSpace.require(zip, Long.MAX_VALUE / 2));
        assertEquals(ErrorCode.PZ_DISK_FULL, e.code());
        assertTrue(e.getMessage().startsWith("needs up to ") && e.getMessage().contains(" on " + tmp + " ")
                && e.getMessage().contains(" free: "), "names the folder it measured, the need and the room: " + e.getMessage());
    }
}
