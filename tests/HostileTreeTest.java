import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import support.CliRun;
import support.SafetyTrees;
import support.TempTrees;

/**
 * A content folder as a client's SMB share or Mac leaves it: links out of the tree, a FIFO, colliding and
 * unsafe names. Driven end to end through prezip_stager's command line; nothing of it may ship or hang.
 */
@EnabledIf("HostileTreeTest#supported")
class HostileTreeTest {
    static final String ID = "p1";
    static final Duration LIMIT = Duration.ofSeconds(30);
    static final String CAFE_NFC = "caf\u00E9.txt";
    static final String CAFE_NFD = "cafe\u0301.txt";

    static boolean supported() {
        return TempTrees.canMakeFifo() && TempTrees.utf8FileNames();
    }

    @TempDir
    Path tmp;
    Path content;
    Path outside;
    Path data;
    Path out;
    Path zip;
    byte[] secret;

    @BeforeEach
    void setUp() throws Exception {
        content = Files.createDirectories(tmp.resolve("content"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        data = TempTrees.dataDir(tmp, ID, List.of("png", "txt"));
        out = Files.createDirectories(tmp.resolve("out"));
        zip = out.resolve("p1.zip");
        secret = ("TOPSECRET-" + System.nanoTime() + "-do-not-ship").getBytes(StandardCharsets.UTF_8);
        // Eligible-looking names, so following a link would really ship them.
        TempTrees.write(outside.resolve("secret.txt"), secret);
        TempTrees.write(outside.resolve("dir/stolen.png"), secret);
        TempTrees.write(outside.resolve("dir/also.txt"), secret);
    }

    CliRun stager(String... extra) {
        return CliRun.stager(TempTrees.args(ID, content, data, zip, extra));
    }

    CliRun stagerInTime(String... extra) {
        return assertTimeoutPreemptively(LIMIT, () -> stager(extra), "a FIFO or link loop must not hang the run");
    }

    /** Links and special files only: left out with --allow-unknown. */
    Map<String, String> saltWithLinksAndFifo() {
        TempTrees.file(content, "good.png", "good picture");
        TempTrees.file(content, "docs/readme.txt", "read me");
        TempTrees.symlink(content.resolve("secret.txt"), outside.resolve("secret.txt"));                 // absolute, out
        TempTrees.symlink(content.resolve("docs/relative-secret.txt"), Path.of("../../outside/secret.txt")); // relative, out
        TempTrees.symlink(content.resolve("linked-dir"), outside.resolve("dir"));                          // folder, out
        TempTrees.symlink(content.resolve("loop-a.txt"), Path.of("loop-b.txt"));
        TempTrees.symlink(content.resolve("loop-b.txt"), Path.of("loop-a.txt"));
        TempTrees.symlink(content.resolve("self.png"), Path.of("self.png"));
        TempTrees.symlink(content.resolve("dangling.txt"), Path.of("no/such/file.txt"));
        TempTrees.symlink(content.resolve("docs/up"), Path.of(".."));                                      // folder loop
        TempTrees.fifo(content.resolve("pipe.png"));
        TempTrees.fifo(content.resolve("docs/pipe.txt"));
        Map<String, String> expected = new TreeMap<>();
        for (String link : List.of("secret.txt", "docs/relative-secret.txt", "linked-dir", "loop-a.txt", "loop-b.txt",
                "self.png", "dangling.txt", "docs/up")) {
            expected.put(link, "symlink");
        }
        expected.put("pipe.png", "special_file");
        expected.put("docs/pipe.txt", "special_file");
        return expected;
    }

    /** Plus names that refuse even with --allow-unknown. */
    Map<String, String> saltWithNames() {
        TempTrees.file(content, "Photo.png", "upper");
        TempTrees.file(content, "photo.png", "lower");
        TempTrees.file(content, CAFE_NFC, "composed");
        TempTrees.file(content, CAFE_NFD, "decomposed");
        TempTrees.file(content, "CON.txt", "device name");
        TempTrees.file(content, "bell\u0007.png", "control char");
        TempTrees.file(content, "invoice\u202Efdp.png", "bidi override");
        return Map.of("Photo.png", "name_collision", "photo.png", "name_collision",
                CAFE_NFC, "name_collision", CAFE_NFD, "name_collision",
                "CON.txt", "unsafe_name", "bell\u0007.png", "unsafe_name", "invoice\u202Efdp.png", "unsafe_name");
    }

    void assertSecretNowhereIn(Path dir) {
        assertEquals(List.of(), SafetyTrees.filesContaining(dir, secret), "the secret's bytes must not be in " + dir);
    }

    static Map<String, String> sorted(Map<String, String> m) {
        return new TreeMap<>(m);
    }

    @Test
    void fullyHostileTreeRefusesWithAndWithoutAllowUnknownAndReportsEveryReason() {
        Map<String, String> expected = new TreeMap<>(saltWithLinksAndFifo());
        expected.putAll(saltWithNames());
        Map<String, String> before = TempTrees.snapshot(content);

        CliRun strict = stagerInTime("--json");
        assertEquals(1, strict.exitCode(), strict.describe());
        assertEquals(expected, sorted(TempTrees.excludedReasons(strict.json())));

        CliRun lenient = stagerInTime("--json", "--allow-unknown");
        assertEquals(1, lenient.exitCode(), "collisions and unsafe names refuse even with --allow-unknown\n" + lenient.describe());
        JsonNode r = lenient.json();
        assertEquals("refused", r.get("status").asText());
        assertEquals("PZ_REFUSED", r.get("error").get("code").asText());
        assertEquals(expected, sorted(TempTrees.excludedReasons(r)));
        assertEquals(List.of("docs/readme.txt", "good.png"), TempTrees.eligiblePaths(r));
        JsonNode byReason = r.get("totals").get("excludedByReason");
        assertEquals(8, byReason.get("symlink").asInt());
        assertEquals(2, byReason.get("special_file").asInt());
        assertEquals(4, byReason.get("name_collision").asInt());
        assertEquals(3, byReason.get("unsafe_name").asInt());
        // The refusal counts only what refuses even with --allow-unknown.
        assertTrue(lenient.err().contains("7 files may not ship (name_collision 4, unsafe_name 3)"), lenient.err());
        // Collisions and unsafe names refuse whatever the flag: --allow-unknown is never offered for them.
        assertFalse(lenient.err().contains("--allow-unknown"), lenient.err());
        assertFalse(strict.err().contains("--allow-unknown"), strict.err());

        assertEquals(List.of(), SafetyTrees.list(out), "dry-runs write nothing");
        assertEquals(before, TempTrees.snapshot(content), "the content dir is never modified");
    }

    @Test
    void fullyHostileTreeNeverShipsOnCommit() throws Exception {
        saltWithLinksAndFifo();
        saltWithNames();
        Map<String, String> before = TempTrees.snapshot(content);
        CliRun run = stagerInTime("--commit", "--allow-unknown");
        assertEquals(1, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_REFUSED"), run.err());
        assertFalse(TempTrees.exists(zip), "no zip at the output path");
        JsonNode report = SafetyTrees.report(zip);
        assertEquals("refused", report.get("status").asText());
        assertEquals("commit", report.get("mode").asText());
        assertEquals(SafetyTrees.reportsAnd("p1.zip"), SafetyTrees.list(out));
        assertSecretNowhereIn(out);
        assertEquals(before, TempTrees.snapshot(content));
    }

    @Test
    void linksAndFifosAreLeftOutAndTheRestShips() throws Exception {
        Map<String, String> expected = saltWithLinksAndFifo();

        CliRun strict = stagerInTime("--commit");
        assertEquals(1, strict.exitCode(), "links and FIFOs refuse without --allow-unknown\n" + strict.describe());
        assertFalse(TempTrees.exists(zip));

        CliRun run = stagerInTime("--commit", "--allow-unknown", "--json");
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode report = SafetyTrees.report(zip);
        assertEquals("ok", report.get("status").asText());
        assertEquals(expected, sorted(TempTrees.excludedReasons(report)));
        assertEquals(List.of("docs/readme.txt", "good.png"), TempTrees.eligiblePaths(report));

        Map<String, byte[]> entries = SafetyTrees.zipContents(zip);
        assertEquals(List.of("docs/readme.txt", "good.png"), List.copyOf(entries.keySet()));
        assertArrayEquals("read me".getBytes(StandardCharsets.UTF_8), entries.get("docs/readme.txt"));
        assertArrayEquals("good picture".getBytes(StandardCharsets.UTF_8), entries.get("good.png"));
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            assertEquals(-1, SafetyTrees.indexOf(e.getValue(), secret), e.getKey());
        }
        assertSecretNowhereIn(out);
        assertEquals(SafetyTrees.delivered("p1.zip"), SafetyTrees.list(out));
        // The files behind the links are untouched too.
        assertArrayEquals(secret, Files.readAllBytes(outside.resolve("secret.txt")));
    }

    @Test
    void aFifoAloneDoesNotBlockAStrictDryRunOrACommit() {
        TempTrees.file(content, "a.txt", "a");
        TempTrees.fifo(content.resolve("b.txt"));
        CliRun run = stagerInTime("--json");
        assertEquals(1, run.exitCode(), run.describe());
        assertEquals(Map.of("b.txt", "special_file"), TempTrees.excludedReasons(run.json()));
        CliRun commit = stagerInTime("--commit", "--allow-unknown");
        assertEquals(0, commit.exitCode(), commit.describe());
        assertEquals(List.of("a.txt"), SafetyTrees.zipEntries(zip));
    }

    @Test
    void aContentDirThatIsASymlinkIsResolvedOnce() throws Exception {
        Path real = content;
        TempTrees.file(real, "x.png", "x");
        TempTrees.file(real, "sub/y.txt", "y");
        Path link = TempTrees.symlink(tmp.resolve("content-link"), real);

        CliRun run = CliRun.stager(TempTrees.args(ID, link, data, zip, "--commit", "--json"));
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode report = SafetyTrees.report(zip);
        assertEquals(real.toRealPath().toString(), report.get("contentDir").asText(), "the report names the real folder");
        assertEquals(Map.of(), TempTrees.excludedReasons(report));
        assertEquals(List.of("sub/y.txt", "x.png"), SafetyTrees.zipEntries(zip));

        // Resolved before the output check: the zip cannot sneak into the real folder through the link.
        for (Path inside : List.of(real.resolve("in.zip"), link.resolve("in.zip"))) {
            CliRun bad = CliRun.stager(TempTrees.args(ID, link, data, inside, "--commit"));
            assertEquals(2, bad.exitCode(), bad.describe());
            assertTrue(bad.err().contains("PZ_OUTPUT_INSIDE_CONTENT"), bad.err());
        }
        assertEquals(List.of("sub", "x.png"), SafetyTrees.list(real));
    }

    @Test
    void hardLinkedFilesAreReportedWithTheirLinkCount() throws Exception {
        TempTrees.file(content, "a.png", "same bytes");
        Files.createLink(content.resolve("b.png"), content.resolve("a.png"));
        TempTrees.file(content, "c.png", "alone");
        CliRun run = stager("--json");
        assertEquals(0, run.exitCode(), run.describe());
        Map<String, JsonNode> eligible = new LinkedHashMap<>();
        run.json().get("eligible").forEach(e -> eligible.put(e.get("path").asText(), e));
        assertEquals(List.of("a.png", "b.png", "c.png"), List.copyOf(eligible.keySet()));
        assertEquals(2, eligible.get("a.png").path("hardLinks").asInt());
        assertEquals(2, eligible.get("b.png").path("hardLinks").asInt());
        assertNull(eligible.get("c.png").get("hardLinks"), "a single link is not reported");

        // Both names still ship, each with the bytes.
        CliRun commit = stager("--commit");
        assertEquals(0, commit.exitCode(), commit.describe());
        Map<String, byte[]> entries = SafetyTrees.zipContents(zip);
        assertArrayEquals(entries.get("a.png"), entries.get("b.png"));
    }

    @Test
    void anUnreadableFileIsReportedAndRefuses() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root reads everything");
        TempTrees.file(content, "ok.png", "ok");
        Path locked = TempTrees.file(content, "locked.png", "no read permission");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            CliRun run = stager("--json");
            assertEquals(1, run.exitCode(), run.describe());
            assertEquals(Map.of("locked.png", "unreadable"), TempTrees.excludedReasons(run.json()));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
