import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import support.CliRun;
import support.TempTrees;

/**
 * Issue 17's operator, on a realistic client folder: refusals that say the fix (and the fix works when
 * pasted), a dry-run that fails where the commit would, one JSON document for every exit, and the small
 * things a careful CLI gets right.
 */
class OperatorExperienceTest {
    static final String ID = "acme";

    @TempDir
    Path tmp;
    Path content;
    Path data;
    Path zip;

    @BeforeEach
    void clientFolder() throws Exception {
        content = tmp.resolve("client");
        TempTrees.file(content, "renders/shot_1.png", "png");
        TempTrees.file(content, "renders/shot_2.png", "png");
        TempTrees.file(content, "intro.mov", "mov");
        TempTrees.file(content, "thumbs.db", "junk");
        TempTrees.file(content, ".DS_Store", "junk");
        TempTrees.file(content, "final_v2 (copy).png", "png");
        TempTrees.file(content, "README", "read me");
        data = TempTrees.dataDir(tmp);
        zip = Files.createDirectories(tmp.resolve("out")).resolve("acme.zip");
        CliRun inventory = CliRun.inventory("--project-id", ID, "--content-dir", content.toString(), "--data-dir", data.toString());
        assertEquals(0, inventory.exitCode(), inventory.describe());
    }

    /** Removes the files that refuse the run (a banned name, no extension): what is left may ship. */
    void onlyWhatMayShip() throws java.io.IOException {
        Files.delete(content.resolve("thumbs.db"));
        Files.delete(content.resolve("README"));
    }

    CliRun stager(String... extra) {
        return CliRun.stager(TempTrees.args(ID, content, data, zip, extra));
    }

    @Test
    void inventoryWarnsOfAnAllowlistedTypeTheBansRefuse() throws Exception {
        TempTrees.file(content, "render.log", "log");
        CliRun run = CliRun.inventory("--project-id", "p2", "--content-dir", content.toString(), "--data-dir", data.toString());
        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains("Warning: .log is allowlisted, but the global bans refuse it (logs): such files will never ship"),
                run.out());
        // thumbs.db is banned by name, not by type: other .db files ship, so no warning for .db.
        assertFalse(run.out().contains(".db is allowlisted"), run.out());
        CliRun json = CliRun.inventory("--project-id", "p3", "--content-dir", content.toString(), "--data-dir", data.toString(), "--json");
        assertEquals("log", json.json().get("neverShips").get(0).get("extension").asText(), json.describe());
        assertTrue(run.out().contains("1 file"), "counts read '1 file', not '1 files': " + run.out());
        assertFalse(run.out().contains("1 files"), run.out());
    }

    @Test
    void aRefusalOfNewTypesPrintsTheInventoryCommandThatAllowsThemAndItWorks() throws Exception {
        TempTrees.file(content, "layers/a.psd", "psd");
        TempTrees.file(content, "layers/b.psd", "psd");
        TempTrees.file(content, "cut.aep", "aep");
        onlyWhatMayShip();
        CliRun refused = stager();
        assertEquals(1, refused.exitCode(), refused.describe());
        assertTrue(refused.out().contains(".psd \u00d7 2, .aep \u00d7 1"), "not_allowed summed by type: " + refused.out());
        String err = refused.err();
        assertTrue(err.contains("3 files may not ship (not_allowed 3)"), err);
        assertFalse(err.contains("{"), "no Java map text: " + err);
        String prefix = "./jbang inventory ";
        int at = err.indexOf(prefix);
        assertTrue(at >= 0, err);
        String command = err.substring(at + prefix.length()).lines().findFirst().orElseThrow();
        command = command.contains(". ") ? command.substring(0, command.indexOf(". ")) : command;
        // The advice is a command: pasted (as the shell would split it), it allows exactly those types.
        List<String> words = new ArrayList<>(List.of(command.split(" ")));
        assertEquals(List.of("--project-id", ID, "--data-dir", data.toString(), "--add-override", "psd", "aep"), words);
        CliRun added = CliRun.inventory(words.toArray(String[]::new));
        assertEquals(0, added.exitCode(), added.describe());
        assertTrue(Files.exists(data.resolve("projects/acme_allowed_ext.1.json")), "the previous version is kept");
        JsonNode allowlist = TempTrees.readJson(data.resolve("projects/acme_allowed_ext.json"));
        assertEquals("[\"aep\",\"psd\"]", allowlist.get("clientWhitelistOverrides").toString());
        assertEquals(TempTrees.readJson(data.resolve("projects/acme_allowed_ext.1.json")).get("allowedExtensions"),
                allowlist.get("allowedExtensions"), "the content snapshot stays as it was");
        CliRun now = stager();
        assertEquals(0, now.exitCode(), now.describe());
        // Adding what is allowed already writes nothing and keeps no copy.
        CliRun again = CliRun.inventory("--project-id", ID, "--data-dir", data.toString(), "--add-override", "PSD", ".psd", "png");
        assertEquals(0, again.exitCode(), again.describe());
        assertTrue(again.out().startsWith("Nothing to add: .psd, .png already allowed"), again.out());
        assertFalse(Files.exists(data.resolve("projects/acme_allowed_ext.2.json")));
    }

    @Test
    void anExtensionInThePrintedCommandIsQuotedForTheShell() throws Exception {
        onlyWhatMayShip();
        TempTrees.file(content, "b.y$(touch pwned)", "x");
        CliRun refused = stager();
        assertEquals(1, refused.exitCode(), refused.describe());
        assertTrue(refused.err().contains("--add-override 'y$(touch pwned)'"), "quoted, never run by a paste: " + refused.err());
    }

    @Test
    void allowUnknownIsOfferedOnlyWhereItHelps() throws Exception {
        CliRun strict = stager();
        assertEquals(1, strict.exitCode(), strict.describe());
        assertTrue(strict.err().contains("--allow-unknown"), strict.err());
        TempTrees.file(content, "renders/Shot_1.png", "png");
        CliRun lenient = stager("--allow-unknown");
        assertEquals(1, lenient.exitCode(), lenient.describe());
        assertTrue(lenient.err().contains("name_collision 2"), lenient.err());
        assertFalse(lenient.err().contains("--allow-unknown"), "already given, and no help for a collision: " + lenient.err());
        // The summary keeps what blocks apart from what merely stays home.
        String out = lenient.out();
        assertTrue(out.indexOf("name_collision") < out.indexOf("Left out (not shipped)"), out);
        assertTrue(out.indexOf("hidden") > out.indexOf("Left out (not shipped)"), out);
    }

    @Test
    void aDryRunFailsWhereTheCommitWouldOnAnUnwritableDataFolderAndWritesNothing() throws Exception {
        onlyWhatMayShip();
        // A file where the dashboard's folder must be: the commit cannot write its line there.
        Files.writeString(data.resolve("dashboard"), "not a folder");
        CliRun dry = stager("--json");
        CliRun commit = stager("--json", "--commit");
        assertEquals(commit.exitCode(), dry.exitCode(), dry.describe());
        assertEquals("PZ_IO", dry.json().get("error").get("code").asText(), dry.describe());
        assertEquals("PZ_IO", commit.json().get("error").get("code").asText(), commit.describe());
        assertFalse(Files.exists(zip));
    }

    @Test
    void aFifoAtTheProjectManifestIsRefusedByNameNeverReadByDryRunOrCommit() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TempTrees.canMakeFifo(), "needs mkfifo");
        onlyWhatMayShip();
        TempTrees.fifo(data.resolve("projects/acme_manifest.json"));
        for (String mode : List.of("--names-only", "--commit")) {
            CliRun run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                    () -> stager(mode, "--json"));
            assertEquals(2, run.exitCode(), run.describe());
            assertTrue(run.err().contains("PZ_PROJECT_MANIFEST_INVALID") && run.err().contains("not a regular file"), run.err());
        }
        assertFalse(Files.exists(zip));
    }

    @ParameterizedTest
    @ValueSource(strings = {"usage", "allowlist", "content", "zipName", "outputInsideContent"})
    void everyErrorUnderJsonIsOneDocumentWithItsCode(String kind) throws Exception {
        String[] args = switch (kind) {
            case "usage" -> new String[] {"--project-id", ID, "--json", "--no-such-option"};
            case "allowlist" -> TempTrees.args("nobody", content, data, zip, "--json");
            case "content" -> TempTrees.args(ID, tmp.resolve("missing"), data, zip, "--json");
            case "zipName" -> TempTrees.args(ID, content, data, tmp.resolve("out/acme.tar"), "--json");
            default -> TempTrees.args(ID, content, data, content.resolve("acme.zip"), "--json");
        };
        CliRun run = CliRun.stager(args);
        assertEquals(2, run.exitCode(), run.describe());
        JsonNode document = run.json();
        assertEquals("error", document.get("status").asText(), run.describe());
        String code = document.get("error").get("code").asText();
        assertEquals(switch (kind) {
            case "usage", "zipName" -> "PZ_USAGE";
            case "allowlist" -> "PZ_ALLOWLIST_MISSING";
            case "content" -> "PZ_CONTENT_DIR_MISSING";
            default -> "PZ_OUTPUT_INSIDE_CONTENT";
        }, code);
        assertTrue(run.err().contains(code), "stderr says it too: " + run.err());
    }

    @Test
    void aCommitsJsonNamesEveryFileWrittenWithTheZipsDigestAndSize() throws Exception {
        onlyWhatMayShip();
        Path html = tmp.resolve("pages/acme.html");
        Files.createDirectories(html.getParent());
        CliRun run = stager("--json", "--commit", "--html", html.toString());
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode delivery = run.json().get("delivery");
        assertEquals(Files.size(zip), delivery.get("zipBytes").asLong());
        assertEquals(TempTrees.sha256(Files.readAllBytes(zip)), delivery.get("zipSha256").asText());
        List<String> files = new ArrayList<>();
        delivery.get("filesWritten").forEach(f -> files.add(f.asText()));
        assertEquals(List.of(zip.toString(), zip + ".manifest.json", zip + ".sha256", zip + ".contents.sha256", zip + ".report.json", zip + ".report.html",
                html.toString()), files);
        files.forEach(f -> assertTrue(Files.isRegularFile(Path.of(f)), f));
        assertEquals(delivery, TempTrees.readJson(Path.of(zip + ".report.json")).get("delivery"), "the report beside the zip says the same");
    }

    @Test
    void theHumanSummaryOfACommitNamesEveryFileWritten() throws Exception {
        onlyWhatMayShip();
        CliRun run = stager("--commit");
        assertEquals(0, run.exitCode(), run.describe());
        for (String name : List.of("acme.zip.manifest.json", "acme.zip.sha256", "acme.zip.report.json", "acme.zip.report.html",
                "acme_manifest.json", "summary.jsonl", "index.html")) {
            assertTrue(run.out().contains(name), name + " in " + run.out());
        }
        assertTrue(Files.isRegularFile(data.resolve("dashboard/index.html")), "the dashboard is refreshed by every commit");
    }

    @Test
    void aCommitRefreshesTheDashboardOnlyWhileItsLogIsSmall() throws Exception {
        onlyWhatMayShip();
        Path log = data.resolve("dashboard/summary.jsonl");
        Files.createDirectories(log.getParent());
        String line = "{\"at\":\"2026-01-01T00:00:00Z\",\"projectId\":\"old\",\"status\":\"ok\"}\n";
        Files.writeString(log, line.repeat((int) (report.DashboardPage.REFRESH_MAX_LOG_BYTES / line.length()) + 1));
        CliRun run = stager("--commit");
        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.err().contains("the dashboard page was not refreshed"), run.err());
        assertFalse(Files.exists(data.resolve("dashboard/index.html")), "a commit never reads a log past the bound");
    }

    @Test
    void noArgumentsPrintUsageAndAllMissingOptionsAreNamedAtOnce() {
        CliRun none = CliRun.stager();
        assertEquals(2, none.exitCode());
        assertTrue(none.out().startsWith("Usage: prezip_stager"), none.out());
        CliRun some = CliRun.stager("--json");
        assertTrue(some.err().contains("missing required options --project-id, --content-dir, --output-zip"), some.err());
        CliRun inventory = CliRun.inventory("--json");
        assertTrue(inventory.err().contains("missing required options --project-id, --content-dir"), inventory.err());
    }

    @Test
    void aMistypedOptionGetsASuggestion() {
        CliRun run = CliRun.stager("--project-id", ID, "--output-zp", "x.zip");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--output-zip"), "suggests the option meant: " + run.err());
    }

    @Test
    void versionNamesTheToolkitItsVersionAndTheJvm() {
        for (Object command : List.of(new prezip_stager(), new inventory(), new verify_zip(), new dashboard())) {
            CliRun run = CliRun.run(command, "--version");
            assertEquals(0, run.exitCode());
            assertTrue(run.out().startsWith("prezip " + provenance.Toolkit.VERSION + " ("), run.out());
            assertTrue(run.out().contains("Java " + System.getProperty("java.version")), run.out());
        }
    }

    @Test
    void shellCompletionOffersTheModesAndShippedPresets() {
        CliRun run = CliRun.stager("generate-completion");
        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains("(\"off\" \"warn\" \"strict\") # --companions values"), run.out());
        assertTrue(run.out().contains("(\"default\" \"strict\") # --policy values"), run.out());
    }

    @Test
    void helpTextsBreakNoPathOrSentenceInTwo() {
        for (Object command : List.of(new prezip_stager(), new inventory(), new verify_zip(), new dashboard())) {
            String help = CliRun.run(command, "--help").out();
            List<String> lines = help.lines().toList();
            for (String line : lines) {
                // The tail of a path cut at its dot ("_ext." then "json).") is a broken line.
                assertFalse(line.strip().matches("(json|sig|html|jsonl)\\)?\\.?"), "broken line in:\n" + help);
            }
            // A description given as two strings was printed as two lines cut mid-sentence.
            assertFalse(help.contains("source folder\nand"), help);
        }
    }
}
