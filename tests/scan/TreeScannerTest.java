package scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import errors.ErrorCode;
import errors.PrezipException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import support.TempTrees;

class TreeScannerTest {
    @TempDir
    Path tmp;

    static Map<String, ScannedEntry.Kind> kinds(TreeScanner.ScanResult scan) {
        Map<String, ScannedEntry.Kind> m = new TreeMap<>();
        scan.entries().forEach(e -> m.put(e.relativePath(), e.kind()));
        return m;
    }

    static List<String> paths(TreeScanner.ScanResult scan) {
        return scan.entries().stream().map(ScannedEntry::relativePath).toList();
    }

    @Test
    void listsEveryFileWithSlashPathsSizesAndFoldersSorted() throws Exception {
        Path c = Files.createDirectories(tmp.resolve("content"));
        TempTrees.file(c, "b.txt", "12345");
        TempTrees.file(c, "a/b/c.png", "x");
        TempTrees.file(c, "a.png", "");
        TempTrees.file(c, "B.png", "yy");
        TempTrees.file(c, ".hidden/x.png", "h");
        Files.createDirectories(c.resolve("empty"));
        TreeScanner.ScanResult scan = TreeScanner.scan(c);
        assertEquals(c.toRealPath(), scan.root());
        // UTF-8 byte order: '.' (0x2E) < '/' (0x2F) < 'B' < 'a' < 'b'
        assertEquals(List.of(".hidden/x.png", "B.png", "a.png", "a/b/c.png", "b.txt"), paths(scan));
        assertEquals(List.of(".hidden", "a", "a/b", "empty"), scan.directories());
        Map<String, Long> sizes = new TreeMap<>();
        scan.entries().forEach(e -> sizes.put(e.relativePath(), e.size()));
        assertEquals(Map.of(".hidden/x.png", 1L, "B.png", 2L, "a.png", 0L, "a/b/c.png", 1L, "b.txt", 5L), sizes);
        scan.entries().forEach(e -> assertEquals(ScannedEntry.Kind.REGULAR, e.kind()));
        ScannedEntry deep = scan.entries().get(3);
        assertEquals("c.png", deep.fileName());
        assertEquals(c.toRealPath().resolve("a/b/c.png"), deep.path());
    }

    @Test
    @EnabledIf("support.TempTrees#utf8FileNames")
    void orderIsByUtf8BytesNotUtf16() throws Exception {
        Path c = Files.createDirectories(tmp.resolve("content"));
        String fullwidthTilde = "\uFF5E.png";      // UTF-8 EF BD 9E; UTF-16 FF5E
        String emoji = "\uD83D\uDE00.png";         // UTF-8 F0 9F 98 80; UTF-16 D83D DE00
        for (String name : List.of(emoji, fullwidthTilde, "z.png", "\u00e9.png", "Z.png")) {
            TempTrees.file(c, name, "x");
        }
        assertEquals(List.of("Z.png", "z.png", "\u00e9.png", fullwidthTilde, emoji), paths(TreeScanner.scan(c)));
        assertTrue(PathOrder.UTF8_BYTES.compare(fullwidthTilde, emoji) < 0);
        assertTrue(fullwidthTilde.compareTo(emoji) > 0, "String.compareTo would order them the other way");
    }

    @Test
    void symlinksAreReportedNotFollowed() throws Exception {
        Path c = Files.createDirectories(tmp.resolve("content"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        TempTrees.file(outside, "secret.png", "secret");
        TempTrees.file(c, "real.png", "real");
        TempTrees.symlink(c.resolve("link.png"), c.resolve("real.png"));
        TempTrees.symlink(c.resolve("dirlink"), outside);
        TempTrees.symlink(c.resolve("broken.png"), tmp.resolve("does-not-exist"));
        TreeScanner.ScanResult scan = TreeScanner.scan(c);
        assertEquals(Map.of(
                "broken.png", ScannedEntry.Kind.SYMLINK,
                "dirlink", ScannedEntry.Kind.SYMLINK,
                "link.png", ScannedEntry.Kind.SYMLINK,
                "real.png", ScannedEntry.Kind.REGULAR), kinds(scan));
        assertEquals(List.of("broken.png", "dirlink", "link.png", "real.png"), paths(scan),
                "nothing behind dirlink is listed");
        assertEquals(List.of(), scan.directories(), "a link to a folder is not a folder of the tree");
        scan.entries().stream().filter(e -> e.kind() == ScannedEntry.Kind.SYMLINK)
                .forEach(e -> assertEquals(0, e.size(), e.relativePath()));
    }

    @Test
    @EnabledIf("support.TempTrees#canMakeFifo")
    void fifoIsSeenAsSpecialWithoutBlocking() throws Exception {
        Path c = Files.createDirectories(tmp.resolve("content"));
        TempTrees.file(c, "a.png", "x");
        TempTrees.fifo(c.resolve("sub/pipe.png"));
        TreeScanner.ScanResult scan = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> TreeScanner.scan(c));
        assertEquals(Map.of("a.png", ScannedEntry.Kind.REGULAR, "sub/pipe.png", ScannedEntry.Kind.SPECIAL), kinds(scan));
        assertEquals(0, scan.entries().get(1).size());
    }

    /** Skipped as root, who can read anything. */
    @Test
    @EnabledIf("support.TempTrees#canBeDeniedRead")
    void unreadableFileIsReportedAsUnreadable() throws Exception {
        Path c = Files.createDirectories(tmp.resolve("content"));
        Path locked = TempTrees.file(c, "locked.png", "x");
        try {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
            TreeScanner.ScanResult scan = TreeScanner.scan(c);
            assertEquals(Map.of("locked.png", ScannedEntry.Kind.UNREADABLE), kinds(scan));
            assertTrue(scan.entries().get(0).problem() != null);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void symlinkedContentDirIsResolvedOnce() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real"));
        TempTrees.file(real, "a.png", "x");
        Path link = TempTrees.symlink(tmp.resolve("content-link"), real);
        TreeScanner.ScanResult scan = TreeScanner.scan(link);
        assertEquals(real.toRealPath(), scan.root());
        assertEquals(List.of("a.png"), paths(scan));
    }

    @Test
    void missingOrNonDirectoryContentIsAUsageError() throws Exception {
        PrezipException missing = assertThrows(PrezipException.class, () -> TreeScanner.scan(tmp.resolve("nope")));
        assertEquals(ErrorCode.PZ_CONTENT_DIR_MISSING, missing.code());
        assertEquals(2, missing.exitCode());
        Path file = TempTrees.file(tmp, "file.txt", "x");
        PrezipException notDir = assertThrows(PrezipException.class, () -> TreeScanner.scan(file));
        assertEquals(ErrorCode.PZ_CONTENT_DIR_MISSING, notDir.code());
    }

    @Test
    void emptyTreeHasNoEntries() throws Exception {
        Path c = Files.createDirectories(tmp.resolve("content/a/b"));
        TreeScanner.ScanResult scan = TreeScanner.scan(tmp.resolve("content"));
        assertEquals(List.of(), scan.entries());
        assertEquals(List.of("a", "a/b"), scan.directories());
        assertTrue(Files.isDirectory(c));
    }

    @Test
    void scanningChangesNothing() throws Exception {
        Path c = Files.createDirectories(tmp.resolve("content"));
        TempTrees.file(c, "a.png", "x");
        TempTrees.file(c, "d/.e", "y");
        Map<String, String> before = TempTrees.snapshot(tmp);
        TreeScanner.scan(c);
        assertEquals(before, TempTrees.snapshot(tmp));
        List<String> all = new ArrayList<>(before.keySet());
        assertTrue(all.contains("content/d/.e"));
    }

    @Test
    void theJdksAttributesGiveWhatThePublicUnixViewGives() throws Exception {
        // lib/cli/Cli.java's --add-opens reaches this JVM as it reaches every command's: the fast reads are in use.
        assertTrue(TreeScanner.Attributes.readsTheJdksAttributesDirectly());
        Path c = Files.createDirectories(tmp.resolve("content"));
        Path file = TempTrees.file(c, "a.png", "twelve bytes");
        Files.createLink(c.resolve("twin.png"), file);
        Path secret = TempTrees.file(c, "secret.png", "x");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r-----"));
        Files.createSymbolicLink(c.resolve("link.png"), file);
        List<Path> all = new ArrayList<>(List.of(file, c.resolve("twin.png"), secret, c.resolve("link.png"), c));
        if (TempTrees.canMakeFifo()) {
            all.add(TempTrees.fifo(c.resolve("pipe.png")));
        }
        for (Path path : all) {
            assertEquals(TreeScanner.Attributes.ofUnixView(path), TreeScanner.Attributes.of(path), path.toString());
        }
        TreeScanner.Attributes twin = TreeScanner.Attributes.of(file);
        assertEquals(new TreeScanner.Attributes(TreeScanner.Attributes.REGULAR, 12, twin.modifiedMillis(), 2, true), twin);
        assertEquals(false, TreeScanner.Attributes.of(secret).othersMayRead());
        assertEquals(TreeScanner.Attributes.SYMLINK, TreeScanner.Attributes.of(c.resolve("link.png")).kind());
        assertEquals(TreeScanner.Attributes.DIRECTORY, TreeScanner.Attributes.of(c).kind());
    }
}
