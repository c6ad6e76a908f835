package commit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import errors.ErrorCode;
import errors.PrezipException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scan.ScannedEntry;
import support.TempTrees;
import zip.StagedFile;

/** The staging folder: copies with their digests, mirrored folders, its removal and that of leftovers. */
class StagingTest {
    @TempDir
    Path tmp;

    ScannedEntry scanned(Path root, String rel) throws Exception {
        Path file = root.resolve(rel);
        return new ScannedEntry(rel, root, ScannedEntry.Kind.REGULAR, Files.size(file),
                Files.getLastModifiedTime(file).toMillis(), null);
    }

    @Test
    void aCopyHasTheSourceBytesAndTheirDigest() throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        TempTrees.file(content, "a/b.txt", "hello staging");
        try (Staging staging = Staging.createBeside(tmp.resolve("out.zip"))) {
            staging.createDirectories(List.of("a"));
            long[] told = {0};
            StagedFile staged = staging.copy(scanned(content, "a/b.txt"), "a/b.txt", null, null, null, n -> told[0] += n);
            byte[] bytes = "hello staging".getBytes(StandardCharsets.UTF_8);
            assertEquals(bytes.length, told[0], "every byte copied is told as it is copied");
            assertEquals("a/b.txt", staged.relativePath());
            assertEquals(bytes.length, staged.size());
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(bytes), staged.sha256());
            assertEquals(TempTrees.sha256(bytes), staged.sha256Hex());
            assertArrayEquals(bytes, Files.readAllBytes(staging.root().resolve("a/b.txt")));
        }
    }

    @Test
    void aDecomposedSourceIsStagedUnderItsComposedName() throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        String decomposed = "cafe\u0301/notes.txt";
        TempTrees.file(content, decomposed, "decomposed on disk");
        try (Staging staging = Staging.createBeside(tmp.resolve("out.zip"))) {
            List<String> folders = Staging.foldersOf(List.of(scanned(content, decomposed)));
            assertEquals(List.of("caf\u00e9"), folders);
            staging.createDirectories(folders);
            StagedFile staged = staging.copy(scanned(content, decomposed), "caf\u00e9/notes.txt", null, null, null, n -> { });
            assertEquals("caf\u00e9/notes.txt", staged.relativePath());
            assertEquals(List.of("caf\u00e9"), TempTrees.list(staging.root()));
            assertEquals("decomposed on disk", Files.readString(staging.root().resolve("caf\u00e9/notes.txt")));
        }
    }

    @Test
    void aSourceThatChangedSinceTheScanStopsTheCopy() throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        TempTrees.file(content, "b.txt", "before");
        ScannedEntry entry = scanned(content, "b.txt");
        Files.setLastModifiedTime(content.resolve("b.txt"), FileTime.fromMillis(entry.modifiedMillis() - 10_000));
        try (Staging staging = Staging.createBeside(tmp.resolve("out.zip"))) {
            PrezipException e = assertThrows(PrezipException.class, () -> staging.copy(entry, entry.relativePath(), null, null, null, n -> { }));
            assertEquals(ErrorCode.PZ_SOURCE_CHANGED, e.code());
        }
    }

    @Test
    void foldersGivenInAnyOrderAreAllMirroredParentsFirst() throws Exception {
        List<String> folders = List.of("x/y/z", "a", "x", "a/b/c/d", "x/y", "a/b", "a/b/c", "m");
        try (Staging staging = Staging.createBeside(tmp.resolve("out.zip"))) {
            staging.createDirectories(folders);
            for (String folder : folders) {
                assertTrue(Files.isDirectory(staging.root().resolve(folder)), folder);
            }
        }
    }

    @Test
    void closingRemovesTheWholeStagingTree() throws Exception {
        Path root;
        try (Staging staging = Staging.createBeside(tmp.resolve("out.zip"))) {
            root = staging.root();
            List<String> folders = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                folders.add("f" + i);
                folders.add("f" + i + "/g" + (i % 4));
            }
            staging.createDirectories(folders);
            for (String folder : folders) {
                TempTrees.file(root, folder + "/file.txt", folder);
            }
            assertTrue(root.getFileName().toString().startsWith(Staging.PREFIX));
        }
        assertFalse(Files.exists(root));
        assertEquals(List.of(), TempTrees.list(tmp));
    }

    @Test
    void leftoversOfThisZipAreRemovedAndAnotherZipsAreNot() throws Exception {
        Path zip = tmp.resolve("p1.zip");
        Path ours = Files.createDirectories(tmp.resolve(Staging.PREFIX + "p1.zip-" + UUID.randomUUID() + "/a"));
        TempTrees.file(ours, "x.txt", "left by a killed run");
        Path oursTemp = TempTrees.file(tmp, ".p1.zip." + UUID.randomUUID() + ".tmp", "half a zip");
        Path another = Files.createDirectories(tmp.resolve(Staging.PREFIX + "p1.zip-b-" + UUID.randomUUID()));

        Staging.removeLeftovers(zip);

        assertFalse(Files.exists(ours.getParent()));
        assertFalse(Files.exists(oursTemp));
        assertTrue(Files.isDirectory(another), "another zip's staging has its own lock");
    }

    @Test
    void stagingMirrorsOnlyTheFoldersOfTheEntriesItIsGiven() {
        List<ScannedEntry> entries = List.of("top.txt", "a/b/c/deep.txt", "a/b/side.txt", "x/y.txt").stream()
                .map(path -> new ScannedEntry(path, tmp, ScannedEntry.Kind.REGULAR, 1, 0, null)).toList();
        assertEquals(new java.util.TreeSet<>(List.of("a", "a/b", "a/b/c", "x")), new java.util.TreeSet<>(Staging.foldersOf(entries)));
        assertEquals(List.of(), Staging.foldersOf(List.of()));
    }
}
