package verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scan.ScannedEntry;
import support.TempTrees;
import zip.DeterministicZipWriter;
import zip.ZipPolicyV1;

/** RepackedEntry: one entry packed again from its source, in memory, through a temp file, or from the source itself. */
class RepackedEntryTest {
    @TempDir
    Path tmp;

    static final int LARGE = (int) RepackedEntry.IN_MEMORY_MAX_BYTES + ZipPolicyV1.DEFLATE_BLOCK_BYTES + 7;

    ScannedEntry source(String name, byte[] bytes) {
        TempTrees.write(tmp.resolve("content").resolve(name), bytes);
        return new ScannedEntry(name, tmp.resolve("content"), ScannedEntry.Kind.REGULAR, bytes.length, 0, null);
    }

    /** The zip of these entries as the serial reference writer makes it. */
    static byte[] reference(List<ScannedEntry> sources) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DeterministicZipWriter.write(sources.stream().map(s -> new DeterministicZipWriter.Source(s.relativePath(), s.path(), s.size()))
                .toList(), out, ZipPolicyV1.DEFAULT_EPOCH_MS);
        return out.toByteArray();
    }

    @Test
    void everyKindOfEntryAppendsTheBytesOfTheReferenceWriterAndLeavesNoTempFile() throws IOException {
        List<ScannedEntry> sources = List.of(
                source("a/large.png", TempTrees.compressibleText(LARGE + 1)),
                source("a/large.txt", TempTrees.compressibleText(LARGE)),
                source("b/empty.txt", new byte[0]),
                source("b/small.png", TempTrees.compressibleText(1_000)),
                source("b/small.txt", TempTrees.compressibleText(70_000)));
        Set<Path> before = RebuildCheckTest.rebuildTempFiles();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DeterministicZipWriter writer = new DeterministicZipWriter(out, ZipPolicyV1.DEFAULT_EPOCH_MS);
        for (ScannedEntry source : sources) {
            RepackedEntry.pack(source.relativePath(), source, DeterministicZipWriter.BlockPool.CALLER).appendTo(writer);
        }
        writer.finish();
        assertArrayEquals(reference(sources), out.toByteArray());
        assertEquals(before, RebuildCheckTest.rebuildTempFiles());
    }

    @Test
    void aLargeDeflatedEntrysTempFileIsInTheTempFolderUntilAppendedOrDiscarded() throws IOException {
        ScannedEntry source = source("large.txt", TempTrees.compressibleText(LARGE));
        Set<Path> before = RebuildCheckTest.rebuildTempFiles();
        RepackedEntry packed = RepackedEntry.pack("large.txt", source, DeterministicZipWriter.BlockPool.CALLER);
        Set<Path> made = new HashSet<>(RebuildCheckTest.rebuildTempFiles());
        made.removeAll(before);
        assertEquals(1, made.size(), made.toString());
        assertTrue(Files.size(made.iterator().next()) > 0 && Files.size(made.iterator().next()) < LARGE / 2);
        packed.discard();
        assertEquals(before, RebuildCheckTest.rebuildTempFiles());
    }

    @Test
    void aSourceOfAnotherSizeThanTheScannedIsNamedAndLeavesNothing() throws IOException {
        Set<Path> before = RebuildCheckTest.rebuildTempFiles();
        for (String name : List.of("small.txt", "large.txt", "large.png")) {
            int size = name.startsWith("small") ? 1_000 : LARGE;
            ScannedEntry scanned = source(name, TempTrees.compressibleText(size));
            Files.write(scanned.path(), TempTrees.compressibleText(size + 5));
            RepackedEntry.SourceChanged grown = assertThrows(RepackedEntry.SourceChanged.class,
                    () -> RepackedEntry.pack(name, scanned, DeterministicZipWriter.BlockPool.CALLER));
            assertEquals("its size changed from " + size + " bytes at the scan to more while it was read", grown.getMessage());
            Files.write(scanned.path(), new byte[3]);
            assertEquals("its size changed from " + size + " bytes at the scan to 3 while it was read", assertThrows(
                    RepackedEntry.SourceChanged.class, () -> RepackedEntry.pack(name, scanned, DeterministicZipWriter.BlockPool.CALLER))
                    .getMessage());
        }
        assertEquals(before, RebuildCheckTest.rebuildTempFiles());
    }
}
