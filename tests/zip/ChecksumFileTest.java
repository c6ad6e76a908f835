package zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import support.CliRun;
import support.HookTrees;
import support.TempTrees;

/** ZIP.sha256 in sha256sum's format, written by every commit, so a client can run sha256sum -c. */
class ChecksumFileTest {
    static final String ID = "sums";

    @TempDir
    Path tmp;
    Path content;
    Path data;
    Path out;

    @BeforeEach
    void setUp() throws Exception {
        content = Files.createDirectories(tmp.resolve("content"));
        data = HookTrees.dataDir(tmp, ID, List.of("png", "txt"));
        out = Files.createDirectories(tmp.resolve("out"));
        TempTrees.file(content, "a.txt", "alpha");
        TempTrees.file(content, "img/b.png", "bee");
    }

    CliRun stager(Path zip, String... extra) {
        return CliRun.stager(TempTrees.args(ID, content, data, zip, extra));
    }

    static String expectedLine(Path zip) {
        return TempTrees.sha256(TempTrees.readBytes(zip)) + "  " + zip.getFileName() + "\n";
    }

    @Test
    void theChecksumFileIsExactlyHexTwoSpacesNameNewline() throws Exception {
        Path zip = out.resolve("mojo1_final.zip");
        CliRun run = stager(zip, "--commit");
        assertEquals(0, run.exitCode(), run.describe());
        Path sums = out.resolve("mojo1_final.zip.sha256");
        assertEquals(ChecksumFile.pathFor(zip), sums);
        byte[] bytes = Files.readAllBytes(sums);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.matches("[0-9a-f]{64}  mojo1_final\\.zip\n"), "sha256sum format: " + text);
        assertArrayEquals(expectedLine(zip).getBytes(StandardCharsets.UTF_8), bytes);
        assertEquals(TempTrees.readJson(ZipManifest.pathFor(zip)).get("zip_sha256").asText(), text.substring(0, 64));
    }

    @Test
    void sha256sumAcceptsItAndRejectsAChangedZip() throws Exception {
        Assumptions.assumeTrue(HookTrees.onPath("sha256sum"), "sha256sum is not on PATH");
        Path zip = out.resolve("mojo1_final.zip");
        assertEquals(0, stager(zip, "--commit").exitCode());

        HookTrees.Result ok = HookTrees.exec(out, "sha256sum", "-c", "mojo1_final.zip.sha256");
        assertEquals(0, ok.exitCode(), ok.output());
        assertTrue(ok.output().contains("mojo1_final.zip: OK"), ok.output());

        HookTrees.flipByte(zip, (int) (Files.size(zip) / 2));
        HookTrees.Result bad = HookTrees.exec(out, "sha256sum", "-c", "mojo1_final.zip.sha256");
        assertNotEquals(0, bad.exitCode(), "one flipped byte must fail the check: " + bad.output());
        assertTrue(bad.output().contains("FAILED"), bad.output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"final delivery v2.zip", "zoë-日本.zip", "-dash.zip"})
    void sha256sumAcceptsItWhateverTheZipIsCalled(String name) throws Exception {
        Assumptions.assumeTrue(HookTrees.onPath("sha256sum"), "sha256sum is not on PATH");
        Assumptions.assumeTrue(TempTrees.utf8FileNames(), "non-ASCII names need a UTF-8 locale");
        Path zip = out.resolve(name);
        CliRun run = stager(zip, "--commit");
        assertEquals(0, run.exitCode(), run.describe());
        Path sums = ChecksumFile.pathFor(zip);
        assertArrayEquals(expectedLine(zip).getBytes(StandardCharsets.UTF_8), Files.readAllBytes(sums));
        HookTrees.Result check = HookTrees.exec(out, "sha256sum", "-c", "--", sums.getFileName().toString());
        assertEquals(0, check.exitCode(), check.output());
    }

    @Test
    void zipNamesThatBreakOnTheClientAreRefused() throws Exception {
        // A newline would break the .sha256 line; a backslash or reserved name cannot be saved on Windows.
        for (String name : List.of("new\nline.zip", "back\\slash.zip", "CON.zip", "trailing.zip ")) {
            Path zip = out.resolve(name);
            CliRun run = stager(zip, "--commit");
            assertEquals(2, run.exitCode(), run.describe());
            assertTrue(run.err().contains("PZ_USAGE"), run.err());
            assertFalse(TempTrees.exists(zip));
        }
    }

    @Test
    void aSecondCommitRewritesTheChecksum() throws Exception {
        Path zip = out.resolve("p.zip");
        assertEquals(0, stager(zip, "--commit").exitCode());
        String first = TempTrees.readString(ChecksumFile.pathFor(zip));
        TempTrees.file(content, "c.txt", "one more");
        assertEquals(0, stager(zip, "--commit").exitCode());
        String second = TempTrees.readString(ChecksumFile.pathFor(zip));
        assertNotEquals(first, second);
        assertEquals(expectedLine(zip), second);
    }

    @Test
    void dryRunsAndRefusalsWriteNoChecksum() throws Exception {
        Path zip = out.resolve("p.zip");
        assertEquals(0, stager(zip).exitCode());
        assertFalse(TempTrees.exists(ChecksumFile.pathFor(zip)), "a dry-run writes nothing");

        TempTrees.file(content, "notes.pdf", "not allowed");
        CliRun refused = stager(zip, "--commit");
        assertEquals(1, refused.exitCode(), refused.describe());
        assertFalse(TempTrees.exists(ChecksumFile.pathFor(zip)));
        assertFalse(TempTrees.exists(zip));
        assertTrue(TempTrees.list(out).stream().noneMatch(n -> n.endsWith(".sha256")), TempTrees.list(out).toString());
    }

    @Test
    void aRefusalKeepsTheChecksumOfTheZipStillThere() throws Exception {
        Path zip = out.resolve("p.zip");
        assertEquals(0, stager(zip, "--commit").exitCode());
        byte[] sums = Files.readAllBytes(ChecksumFile.pathFor(zip));
        TempTrees.file(content, "notes.pdf", "not allowed");
        assertEquals(1, stager(zip, "--commit").exitCode());
        assertArrayEquals(sums, Files.readAllBytes(ChecksumFile.pathFor(zip)));
        assertEquals(expectedLine(zip), new String(sums, StandardCharsets.UTF_8), "still the checksum of the zip in place");
    }
}
