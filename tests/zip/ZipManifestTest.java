package zip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import errors.ErrorCode;
import errors.PrezipException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.TempTrees;

/** A manifest's entries pulled one at a time, wherever the entries array is among its fields. */
class ZipManifestTest {
    @TempDir
    Path tmp;

    @Test
    void entriesArePulledInFileOrderWhereverTheArrayIs() {
        Path file = TempTrees.file(tmp, "m.json", "{\"zip_sha256\": \"x\", \"run\": {\"entries\": [1]},"
                + " \"entries\": [{\"relative_path\": \"a\", \"sha256_or_blake3\": \"sha256:00\", \"uncompressed_bytes\": 3,"
                + " \"normalized_mode\": \"0644\", \"extra\": [1, {\"b\": 2}]}, {\"relative_path\": \"b\"}], \"metadata\": {}}");
        List<ZipEntryV1> read = new ArrayList<>();
        try (ZipManifest.EntryReader reader = new ZipManifest.EntryReader(file, 1 << 20)) {
            for (ZipEntryV1 e; (e = reader.next()) != null; ) {
                read.add(e);
            }
            assertNull(reader.next());
        }
        assertEquals(List.of(new ZipEntryV1("a", "sha256:00", 3, "0644"), new ZipEntryV1("b", null, 0, null)), read);
    }

    @Test
    void noEntriesArrayIsNoEntriesAndAWrongKindStopsTheRead() {
        try (ZipManifest.EntryReader reader = new ZipManifest.EntryReader(TempTrees.file(tmp, "none.json", "{\"metadata\": {}}"), 100)) {
            assertNull(reader.next());
        }
        Path wrong = TempTrees.file(tmp, "wrong.json", "{\"entries\": [{\"relative_path\": 7}]}");
        try (ZipManifest.EntryReader reader = new ZipManifest.EntryReader(wrong, 100)) {
            assertEquals(ErrorCode.PZ_MANIFEST_INVALID, assertThrows(PrezipException.class, reader::next).code());
        }
        Path notObject = TempTrees.file(tmp, "array.json", "{\"entries\": [3]}");
        try (ZipManifest.EntryReader reader = new ZipManifest.EntryReader(notObject, 100)) {
            assertThrows(PrezipException.class, reader::next);
        }
        assertThrows(PrezipException.class, () -> new ZipManifest.EntryReader(wrong, 5), "past its bound");
    }
}
