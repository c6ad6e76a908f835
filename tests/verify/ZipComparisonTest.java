package verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.TempTrees;

/** ZipComparison: bytes written held against a file's at the same offset, hashed, the first difference kept with its part. */
class ZipComparisonTest {
    @TempDir
    Path tmp;

    /** Bytes that span several read-ahead windows, and do not repeat. */
    static final byte[] FILE = TempTrees.compressibleText(2 * ZipComparison.READ_AHEAD_BYTES + 12_345);

    /** Writes {@code written} into a comparison with FILE: entry "a" from 0, entry "b" from 1,000, the directory from {@code directoryAt}. */
    ZipComparison compare(byte[] written, int directoryAt) throws IOException {
        Path file = TempTrees.write(tmp.resolve("file.zip"), FILE);
        try (FileChannel channel = FileChannel.open(file)) {
            ZipComparison comparison = new ZipComparison(channel);
            comparison.startEntry("a");
            // Writes of every size, as the writer's headers, buffers and in-memory entries come.
            int[] cuts = {0, 1, 30, 1_000, 1_001, 70_000, ZipComparison.READ_AHEAD_BYTES + 5, directoryAt, written.length};
            for (int i = 1; i < cuts.length; i++) {
                int from = Math.min(cuts[i - 1], written.length);
                int to = Math.min(Math.max(cuts[i], from), written.length);
                if (from == 1_000) {
                    comparison.startEntry("b");
                }
                if (from == directoryAt) {
                    comparison.startDirectory();
                }
                comparison.write(written, from, to - from);
            }
            return comparison;
        }
    }

    @Test
    void theSameBytesWrittenInAnyPiecesAreNoDifferenceAndHashAsTheFile() throws IOException {
        ZipComparison comparison = compare(FILE.clone(), FILE.length - 100);
        assertNull(comparison.difference());
        assertFalse(comparison.differs());
        assertEquals(FILE.length, comparison.size());
        assertEquals(TempTrees.sha256(FILE), comparison.sha256Hex());
    }

    @Test
    void theFirstDifferentByteIsKeptWithTheEntryBeingWrittenAndWhereItsRecordStarts() throws IOException {
        int at = ZipComparison.READ_AHEAD_BYTES + 77;
        byte[] written = FILE.clone();
        written[at] ^= 1;
        written[at + 50_000] ^= 1;
        ZipComparison comparison = compare(written, FILE.length - 100);
        assertTrue(comparison.differs());
        assertEquals(new ZipComparison.Difference(at, "b", 1_000), comparison.difference());
        assertEquals(FILE.length, comparison.size(), "bytes past the difference are still counted");
    }

    @Test
    void aDifferenceInTheDirectoryHasNoEntry() throws IOException {
        byte[] written = FILE.clone();
        written[FILE.length - 1] ^= 1;
        assertEquals(new ZipComparison.Difference(FILE.length - 1, null, FILE.length - 100),
                compare(written, FILE.length - 100).difference());
    }

    @Test
    void aShorterOrLongerRebuildDiffersWhereTheShorterEnds() throws IOException {
        assertEquals(new ZipComparison.Difference(FILE.length - 10, null, FILE.length - 10),
                compare(Arrays.copyOf(FILE, FILE.length - 10), FILE.length - 100).difference());
        ZipComparison longer = compare(Arrays.copyOf(FILE, FILE.length + 10), FILE.length - 100);
        assertEquals(new ZipComparison.Difference(FILE.length, null, FILE.length - 100), longer.difference());
        assertEquals(FILE.length + 10, longer.size());
    }
}
