import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import support.CliRun;
import support.TempTrees;

/** inventory, driven through its command line. */
class InventoryCliTest {
    static final String ID = "p1";

    @TempDir
    Path tmp;
    Path content;
    Path data;

    @BeforeEach
    void setUp() throws Exception {
        content = Files.createDirectories(tmp.resolve("content"));
        data = TempTrees.dataDir(tmp);
    }

    CliRun inventory(String... extra) {
        List<String> all = new ArrayList<>(List.of("--project-id", ID, "--content-dir", content.toString(),
                "--data-dir", data.toString()));
        all.addAll(Arrays.asList(extra));
        return CliRun.inventory(all.toArray(String[]::new));
    }

    Path allowlist() {
        return TempTrees.allowlistFile(data, ID);
    }

    JsonNode readAllowlist() throws Exception {
        return Json.MAPPER.readTree(allowlist().toFile());
    }

    static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    void buildTree() {
        TempTrees.file(content, "A.PNG", "1");
        TempTrees.file(content, "b.png", "22");
        TempTrees.file(content, "sub/e.png", "333");
        TempTrees.file(content, "c.Txt", "x");
        TempTrees.file(content, "d.jpeg", "x");
        TempTrees.file(content, "tools/run.exe", "x");
        TempTrees.file(content, ".hidden.xyz", "x");
        TempTrees.file(content, ".git/h.abc", "x");
        TempTrees.file(content, "sub/.cache/k.qqq", "x");
        TempTrees.file(content, "README", "x");
        TempTrees.file(content, "docs/Makefile", "x");
        TempTrees.file(content, "report.", "x");
    }

    @Test
    void writesTheAllowlistWithLowercaseUniqueSortedExtensions() throws Exception {
        buildTree();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CliRun run = inventory();
        Instant after = Instant.now();
        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(Files.isRegularFile(allowlist()));
        JsonNode a = readAllowlist();
        assertEquals(ID, a.get("projectId").asText());
        assertEquals(List.of("exe", "jpeg", "png", "txt"), strings(a.get("allowedExtensions")),
                "every extension present (bans apply later, in the stager); hidden ones skipped");
        assertEquals(List.of(), strings(a.get("clientWhitelistOverrides")));
        Instant snapshot = Instant.parse(a.get("snapshotAt").asText());
        assertTrue(a.get("snapshotAt").asText().endsWith("Z"), "UTC: " + a.get("snapshotAt"));
        assertFalse(snapshot.isBefore(before), snapshot + " vs " + before);
        assertFalse(snapshot.isAfter(after), snapshot + " vs " + after);
        assertEquals(content.toRealPath(), Path.of(a.get("sourcePath").asText()).toRealPath());
        assertTrue(Set.of("projectId", "snapshotAt", "sourcePath", "allowedExtensions", "clientWhitelistOverrides", "notes")
                .containsAll(fieldNames(a)), fieldNames(a).toString());
        assertTrue(fieldNames(a).containsAll(Set.of("projectId", "snapshotAt", "sourcePath", "allowedExtensions",
                "clientWhitelistOverrides")), fieldNames(a).toString());
        for (String ext : strings(a.get("allowedExtensions"))) {
            assertFalse(ext.startsWith("."), ext);
        }
        assertEquals(List.of("p1_allowed_ext.json"), TempTrees.list(data.resolve("projects")), "no temp files left");
    }

    @Test
    void humanOutputSummarizesByExtensionAndListsFilesWithoutOne() {
        buildTree();
        CliRun run = inventory();
        assertEquals(0, run.exitCode(), run.describe());
        String out = run.out();
        assertTrue(out.contains(allowlist().toString()), out);
        assertTrue(out.matches("(?s).*\\.png\\s+3\\b.*"), out);
        assertTrue(out.matches("(?s).*\\.txt\\s+1\\b.*"), out);
        assertTrue(out.contains("README") && out.contains("docs/Makefile") && out.contains("report."), out);
        assertFalse(out.contains(".xyz") || out.contains(".abc") || out.contains(".qqq"), "hidden files are skipped: " + out);
    }

    @Test
    void jsonOutputListsNoExtensionFilesSeparately() throws Exception {
        buildTree();
        CliRun run = inventory("--json");
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode r = run.json();
        assertEquals(List.of("README", "docs/Makefile", "report."), strings(r.get("noExtension")));
        assertEquals(Json.MAPPER.valueToTree(Map.of(
                        "exe", Map.of("files", 1, "bytes", 1),
                        "jpeg", Map.of("files", 1, "bytes", 1),
                        "png", Map.of("files", 3, "bytes", 6),
                        "txt", Map.of("files", 1, "bytes", 1))),
                r.get("byExtension"));
        assertEquals(3, r.get("skipped").get("hidden").asInt(), r.toString());
        assertEquals(List.of("exe", "jpeg", "png", "txt"), strings(r.get("allowlist").get("allowedExtensions")));
        assertEquals(allowlist().toString(), r.get("allowlistFile").asText());
        assertFalse(r.hasNonNull("priorCopy"));
        assertEquals(readAllowlist(), r.get("allowlist"), "the printed allowlist is the one written");
    }

    @Test
    void overridesAreNormalizedSortedAndUnique() throws Exception {
        TempTrees.file(content, "a.png", "x");
        CliRun run = inventory("--override", "PDF", "--override", ".docx", "--override", "pdf", "--notes", "client asked");
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode a = readAllowlist();
        assertEquals(List.of("png"), strings(a.get("allowedExtensions")));
        assertEquals(List.of("docx", "pdf"), strings(a.get("clientWhitelistOverrides")));
        assertEquals("client asked", a.get("notes").asText());
    }

    @Test
    void linksAndSpecialFilesContributeNoExtension() throws Exception {
        TempTrees.file(content, "real.png", "x");
        TempTrees.symlink(content.resolve("alias.linkext"), content.resolve("real.png"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        TempTrees.file(outside, "far.farext", "x");
        TempTrees.symlink(content.resolve("dirlink"), outside);
        if (TempTrees.canMakeFifo()) {
            TempTrees.fifo(content.resolve("pipe.fifoext"));
        }
        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> inventory("--json"));
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(List.of("png"), strings(readAllowlist().get("allowedExtensions")));
        assertEquals(List.of(), strings(run.json().get("noExtension")), "a link to a folder is not a file without extension");
    }

    @Test
    void existingAllowlistIsNeverOverwritten() throws Exception {
        TempTrees.file(content, "a.png", "x");
        assertEquals(0, inventory().exitCode());
        byte[] before = TempTrees.readBytes(allowlist());
        TempTrees.file(content, "b.exe", "x");
        CliRun again = inventory("--override", "pdf");
        assertEquals(1, again.exitCode(), again.describe());
        assertTrue(again.err().contains("PZ_ALLOWLIST_EXISTS"), again.err());
        assertTrue(again.err().contains("--reinventory"), again.err());
        assertArrayEquals(before, TempTrees.readBytes(allowlist()));
        assertEquals(List.of("p1_allowed_ext.json"), TempTrees.list(data.resolve("projects")));
    }

    @Test
    void reinventoryKeepsPriorCopiesWithIncreasingNumbers() throws Exception {
        TempTrees.file(content, "a.png", "x");
        assertEquals(0, inventory().exitCode());
        byte[] v1 = TempTrees.readBytes(allowlist());

        TempTrees.file(content, "b.txt", "x");
        CliRun second = inventory("--reinventory", "--json");
        assertEquals(0, second.exitCode(), second.describe());
        Path copy1 = data.resolve("projects/p1_allowed_ext.1.json");
        assertArrayEquals(v1, TempTrees.readBytes(copy1));
        assertEquals(List.of("png", "txt"), strings(readAllowlist().get("allowedExtensions")));
        assertEquals(copy1.toString(), second.json().get("priorCopy").asText());
        byte[] v2 = TempTrees.readBytes(allowlist());

        TempTrees.file(content, "c.yaml", "x");
        CliRun third = inventory("--reinventory");
        assertEquals(0, third.exitCode(), third.describe());
        Path copy2 = data.resolve("projects/p1_allowed_ext.2.json");
        assertArrayEquals(v2, TempTrees.readBytes(copy2));
        assertArrayEquals(v1, TempTrees.readBytes(copy1));
        assertEquals(List.of("png", "txt", "yaml"), strings(readAllowlist().get("allowedExtensions")));
        assertTrue(third.out().contains(copy2.toString()), third.out());

        assertEquals(List.of("p1_allowed_ext.1.json", "p1_allowed_ext.2.json", "p1_allowed_ext.json"),
                TempTrees.list(data.resolve("projects")), "no temp files left in projects/");
    }

    @Test
    void createsAMissingDataDirectoryOnlyWhenAskedTo() throws Exception {
        // A mistyped --data-dir silently started a new tree the stager then could not find (issue 17).
        data = tmp.resolve("fresh-data");
        TempTrees.file(content, "a.png", "x");
        CliRun refused = inventory();
        assertEquals(2, refused.exitCode(), refused.describe());
        assertTrue(refused.err().contains("PZ_DATA_DIR_INVALID") && refused.err().contains("--create-data-dir"), refused.err());
        assertFalse(Files.exists(data));
        CliRun run = inventory("--create-data-dir");
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(List.of("png"), strings(readAllowlist().get("allowedExtensions")));
    }

    @Test
    void contentIsNotModified() {
        buildTree();
        Map<String, String> before = TempTrees.snapshot(content);
        inventory();
        assertEquals(before, TempTrees.snapshot(content));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "", ".hidden", "a/b"})
    void badProjectIdsWriteNothing(String id) {
        TempTrees.file(content, "a.png", "x");
        Map<String, String> before = TempTrees.snapshot(tmp);
        CliRun run = CliRun.inventory("--project-id", id, "--content-dir", content.toString(), "--data-dir", data.toString());
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_BAD_PROJECT_ID"), run.err());
        assertEquals(before, TempTrees.snapshot(tmp));
        assertFalse(Files.exists(data.resolve("x_allowed_ext.json")));
    }

    @Test
    void projectIdLengthLimitIs64() {
        TempTrees.file(content, "a.png", "x");
        CliRun bad = CliRun.inventory("--project-id", "q".repeat(65), "--content-dir", content.toString(),
                "--data-dir", data.toString());
        assertEquals(2, bad.exitCode(), bad.describe());
        assertTrue(bad.err().contains("PZ_BAD_PROJECT_ID"), bad.err());
        CliRun good = CliRun.inventory("--project-id", "q".repeat(64), "--content-dir", content.toString(),
                "--data-dir", data.toString());
        assertEquals(0, good.exitCode(), good.describe());
        assertTrue(Files.isRegularFile(data.resolve("projects/" + "q".repeat(64) + "_allowed_ext.json")));
    }

    @Test
    void missingContentDirIsAUsageErrorAndWritesNothing() {
        content = tmp.resolve("missing");
        CliRun run = inventory();
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_CONTENT_DIR_MISSING"), run.err());
        assertEquals(List.of(), TempTrees.list(data.resolve("projects")));
    }

    @Test
    void missingRequiredOptionAndUnknownOptionAreUsageErrors() {
        CliRun noId = CliRun.inventory("--content-dir", content.toString(), "--data-dir", data.toString());
        assertEquals(2, noId.exitCode(), noId.describe());
        assertTrue(noId.err().contains("PZ_USAGE"), noId.err());
        CliRun unknown = inventory("--bogus");
        assertEquals(2, unknown.exitCode(), unknown.describe());
        assertTrue(unknown.err().contains("PZ_USAGE"), unknown.err());
        assertEquals(List.of(), TempTrees.list(data.resolve("projects")));
    }

    @Test
    void stagerAcceptsWhatInventoryWrote() {
        TempTrees.file(content, "a.png", "1");
        TempTrees.file(content, "docs/b.TXT", "22");
        TempTrees.file(content, ".DS_Store", "x");
        assertEquals(0, inventory().exitCode());
        CliRun stager = CliRun.stager("--project-id", ID, "--content-dir", content.toString(), "--data-dir", data.toString(),
                "--output-zip", tmp.resolve("out.zip").toString(), "--json");
        assertEquals(0, stager.exitCode(), stager.describe());
        List<String> eligible = new ArrayList<>();
        stager.json().get("eligible").forEach(e -> eligible.add(e.get("path").asText()));
        assertEquals(List.of("a.png", "docs/b.TXT"), eligible);
    }

    /** Inventory must never write an allowlist the stager then refuses to load. */
    @Test
    void overrideThatIsNotAnExtensionIsRefused() {
        TempTrees.file(content, "a.png", "1");
        for (String bad : List.of("tar.gz", "a b", "a/b")) {
            CliRun run = inventory("--override", bad);
            assertEquals(2, run.exitCode(), run.describe());
            assertTrue(run.err().contains("PZ_USAGE"), run.describe());
            assertFalse(Files.exists(allowlist()));
        }
    }

    /** Inventory must never write an allowlist the stager then refuses to load. */
    @Test
    void extensionWithASpaceIsListedApartAndNotAllowlisted() {
        TempTrees.file(content, "a.png", "1");
        TempTrees.file(content, "minutes.final draft", "2");
        CliRun run = inventory("--json");
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals("[\"minutes.final draft\"]", run.json().get("unusableExtension").toString());
        assertEquals("[\"png\"]", run.json().get("allowlist").get("allowedExtensions").toString());
        CliRun stager = CliRun.stager("--project-id", ID, "--content-dir", content.toString(), "--data-dir",
                data.toString(), "--output-zip", tmp.resolve("out.zip").toString(), "--allow-unknown", "--json");
        assertEquals(0, stager.exitCode(), "inventory wrote an allowlist the stager cannot load:\n" + stager.describe());
        assertEquals("not_allowed", stager.json().get("excluded").get(0).get("reason").asText());
    }
}
