package zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.HookTrees;
import support.TempTrees;

/** ZIP.contents.sha256: sha256sum's lines for every entry, read back by the real sha256sum -c. */
class ContentsFileTest {
    @TempDir
    Path tmp;

    static String sha(String content) {
        return TempTrees.sha256(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void itSitsBesideTheZipAndHasOneLinePerEntryInManifestOrder() throws Exception {
        assertEquals(Path.of("/out/d.zip.contents.sha256"), ContentsFile.pathFor(Path.of("/out/d.zip")));
        List<ZipEntryV1> entries = List.of(ZipEntryV1.of("a.txt", sha("a"), 1), ZipEntryV1.of("caf\u00e9/b c.txt", sha("b"), 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContentsFile.write(entries, out);
        assertEquals(sha("a") + "  a.txt\n" + sha("b") + "  caf\u00e9/b c.txt\n", out.toString(StandardCharsets.UTF_8));
        assertArrayEquals((sha("a") + "  a.txt\n").getBytes(StandardCharsets.UTF_8), ContentsFile.line(entries.get(0)));
    }

    @Test
    void namesSha256sumWouldMisreadAreEscapedAsCoreutilsDoes() {
        String hex = sha("x");
        assertEquals("\\" + hex + "  a\\\\b.txt\n", new String(ContentsFile.line("a\\b.txt", hex), StandardCharsets.UTF_8));
        assertEquals("\\" + hex + "  n\\nl.txt\n", new String(ContentsFile.line("n\nl.txt", hex), StandardCharsets.UTF_8));
        assertEquals("\\" + hex + "  c\\rr.txt\n", new String(ContentsFile.line("c\rr.txt", hex), StandardCharsets.UTF_8));
        assertEquals(hex + "  plain \u00e9.txt\n", new String(ContentsFile.line("plain \u00e9.txt", hex), StandardCharsets.UTF_8));
    }

    /** The file written for names with a backslash, a newline, a CR, spaces and non-ASCII: sha256sum -c passes, then fails on a change. */
    @Test
    void theRealSha256sumChecksEveryLineIncludingEscapedNames() throws Exception {
        Assumptions.assumeTrue(HookTrees.onPath("sha256sum"), "sha256sum is not on PATH");
        Path folder = Files.createDirectories(tmp.resolve("extracted"));
        List<ZipEntryV1> entries = new ArrayList<>();
        for (String name : List.of("a\\b.txt", "n\nl.txt", "c\rr.txt", "sub/caf\u00e9 two  spaces.txt", "sub/-dash.txt", "empty.txt")) {
            String content = name.equals("empty.txt") ? "" : "content of " + name;
            TempTrees.file(folder, name, content);
            entries.add(ZipEntryV1.of(name, sha(content), content.length()));
        }
        Path sums = tmp.resolve("d.zip.contents.sha256");
        try (var out = Files.newOutputStream(sums)) {
            ContentsFile.write(entries, out);
        }
        HookTrees.Result ok = HookTrees.exec(folder, "sha256sum", "--strict", "-c", sums.toString());
        assertEquals(0, ok.exitCode(), ok.output());
        assertEquals(entries.size(), ok.output().lines().filter(l -> l.endsWith(": OK")).count(), ok.output());

        if (HookTrees.onPath("shasum")) {
            // What a client on macOS runs (Perl's shasum, shipped with the system) reads the escapes of a backslash
            // and a line feed; not coreutils 9's of a carriage return (no name the stager ships has one).
            Path withoutCr = tmp.resolve("without-cr.sha256");
            try (var out = Files.newOutputStream(withoutCr)) {
                ContentsFile.write(entries.stream().filter(e -> e.relativePath().indexOf('\r') < 0).toList(), out);
            }
            HookTrees.Result mac = HookTrees.exec(folder, "shasum", "-a", "256", "-c", withoutCr.toString());
            assertEquals(0, mac.exitCode(), mac.output());
            assertEquals(entries.size() - 1, mac.output().lines().filter(l -> l.endsWith(": OK")).count(), mac.output());
        }

        TempTrees.file(folder, "n\nl.txt", "changed");
        HookTrees.Result bad = HookTrees.exec(folder, "sha256sum", "--strict", "-c", sums.toString());
        assertNotEquals(0, bad.exitCode(), bad.output());
        assertTrue(bad.output().contains("\\n\\nl.txt: FAILED"), bad.output());
    }
}
