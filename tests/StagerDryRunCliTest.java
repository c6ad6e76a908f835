import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import support.CliRun;
import support.StagerProject;
import support.TempTrees;

/** prezip_stager's dry-run, driven through its command line as an operator would. */
class StagerDryRunCliTest extends StagerProject {
    static final String ID = "p1";

    StagerDryRunCliTest() {
        super(ID, List.of("png", "txt", "yaml", "pub", "db"), "p1.zip");
    }

    String[] args(String... extra) {
        return TempTrees.args(ID, content, data, zip, extra);
    }

    /** A tree with every reason code that needs no special privileges. */
    void buildMixedTree() {
        TempTrees.file(content, "images/a.png", "aaa");
        TempTrees.file(content, "docs/readme.txt", "hello");
        TempTrees.file(content, "Z.yaml", "k: v\n");
        TempTrees.file(content, ".DS_Store", "junk");
        TempTrees.file(content, ".git/config", "[core]");
        TempTrees.file(content, "sub/.cache/x.png", "cached");
        TempTrees.file(content, ".secret.key", "key");
        TempTrees.file(content, "keys/server.key", "-----BEGIN");
        TempTrees.file(content, "tool.exe", "MZ");
        TempTrees.file(content, "keys/id_rsa", "-----BEGIN");
        TempTrees.file(content, "keys/id_rsa.pub", "ssh-rsa");
        TempTrees.file(content, "THUMBS.DB", "t");
        TempTrees.file(content, "__MACOSX/x/y.png", "m");
        TempTrees.file(content, "notes.txt~", "backup");
        TempTrees.file(content, "LICENSE", "MIT");
        TempTrees.file(content, "doc.pdf", "%PDF");
        TempTrees.symlink(content.resolve("link.png"), content.resolve("images/a.png"));
    }

    static final List<String> MIXED_EXCLUDED = List.of(
            ".DS_Store hidden",
            ".git/config hidden",
            ".secret.key hidden",
            "LICENSE no_extension",
            "THUMBS.DB banned_pattern",
            "__MACOSX/x/y.png banned_pattern",
            "doc.pdf not_allowed",
            "keys/id_rsa banned_pattern",
            "keys/id_rsa.pub banned_pattern",
            "keys/server.key banned_type",
            "link.png symlink",
            "notes.txt~ banned_pattern",
            "sub/.cache/x.png hidden",
            "tool.exe banned_type");

    static List<String> excluded(JsonNode report) {
        List<String> list = new ArrayList<>();
        report.get("excluded").forEach(e -> list.add(e.get("path").asText() + " " + e.get("reason").asText()));
        return list;
    }

    static List<String> eligible(JsonNode report) {
        List<String> list = new ArrayList<>();
        report.get("eligible").forEach(e -> list.add(
                e.get("path").asText() + " " + e.get("bytes").asLong() + " " + e.get("extension").asText()));
        return list;
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    // ---- every reason code, fail closed ----

    @Test
    void everyReasonCodeIsReportedAndTheStrictRunRefuses() {
        buildMixedTree();
        CliRun run = stager("--json");
        assertEquals(1, run.exitCode(), run.describe());
        JsonNode r = run.json();
        assertEquals(MIXED_EXCLUDED, excluded(r));
        assertEquals(List.of("Z.yaml 5 yaml", "docs/readme.txt 5 txt", "images/a.png 3 png"), eligible(r));
        assertEquals("refused", r.get("status").asText());
        assertEquals("PZ_REFUSED", r.get("error").get("code").asText());
        assertFalse(r.get("error").get("message").asText().isBlank());
        assertTrue(run.err().contains("PZ_REFUSED"), run.err());

        JsonNode totals = r.get("totals");
        assertEquals(3, totals.get("eligibleFiles").asInt());
        assertEquals(13, totals.get("eligibleBytes").asLong());
        assertEquals(Json.MAPPER.valueToTree(Map.of(
                        "png", Map.of("files", 1, "bytes", 3),
                        "txt", Map.of("files", 1, "bytes", 5),
                        "yaml", Map.of("files", 1, "bytes", 5))),
                totals.get("byExtension"));
        assertEquals(Json.MAPPER.valueToTree(Map.of("banned_pattern", 5, "banned_type", 2, "hidden", 4,
                "no_extension", 1, "not_allowed", 1, "symlink", 1)), totals.get("excludedByReason"));
    }

    @Test
    void allowUnknownLeavesTheSameFilesOutButSucceeds() {
        buildMixedTree();
        CliRun run = stager("--json", "--allow-unknown");
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode r = run.json();
        assertEquals("ok", r.get("status").asText());
        assertFalse(r.has("error"), "no error object on success");
        assertEquals(MIXED_EXCLUDED, excluded(r));
        assertEquals(List.of("Z.yaml 5 yaml", "docs/readme.txt 5 txt", "images/a.png 3 png"), eligible(r));
        assertFalse(run.err().contains("PZ_REFUSED"), run.err());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "tool.exe, banned_type",
            "server.KEY, banned_type",
            "id_rsa, banned_pattern",
            "THUMBS.DB, banned_pattern",
            "__MACOSX/x/y.png, banned_pattern",
            "notes.txt~, banned_pattern",
            "README, no_extension",
            "report.pdf, not_allowed",
            "LINK:alias.png, symlink",
    })
    void eachRefusingReasonAloneFailsClosedUnlessAllowUnknown(String path, String reason) {
        TempTrees.file(content, "ok.png", "ok");
        String name = path;
        if (path.startsWith("LINK:")) {
            name = path.substring(5);
            TempTrees.symlink(content.resolve(name), content.resolve("ok.png"));
        } else {
            TempTrees.file(content, path, "x");
        }
        CliRun strict = stager("--json");
        assertEquals(1, strict.exitCode(), strict.describe());
        assertEquals(List.of(name + " " + reason), excluded(strict.json()));
        assertEquals("refused", strict.json().get("status").asText());
        assertTrue(strict.err().contains("PZ_REFUSED"), strict.err());

        CliRun lenient = stager("--json", "--allow-unknown");
        assertEquals(0, lenient.exitCode(), lenient.describe());
        assertEquals(List.of(name + " " + reason), excluded(lenient.json()));
        assertEquals(List.of("ok.png 2 png"), eligible(lenient.json()));
    }

    @Test
    void hiddenFilesAloneDoNotRefuse() {
        TempTrees.file(content, "ok.png", "ok");
        TempTrees.file(content, ".DS_Store", "x");
        TempTrees.file(content, ".git/objects/ab/cdef", "x");
        TempTrees.file(content, "sub/.hidden.exe", "x");
        CliRun run = stager("--json");
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode r = run.json();
        assertEquals("ok", r.get("status").asText());
        assertEquals(List.of(".DS_Store hidden", ".git/objects/ab/cdef hidden", "sub/.hidden.exe hidden"), excluded(r));
        assertEquals(List.of("ok.png 2 png"), eligible(r));
    }

    @Test
    void cleanTreeSucceedsWithNothingExcluded() {
        TempTrees.file(content, "a.png", "1");
        TempTrees.file(content, "B.TXT", "22");
        CliRun run = stager("--json");
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode r = run.json();
        assertEquals(List.of("B.TXT 2 txt", "a.png 1 png"), eligible(r));
        assertEquals(0, r.get("excluded").size());
        assertEquals(0, r.get("totals").get("excludedByReason").size());
        assertEquals("", run.err());
    }

    @Test
    void emptyTreeIsCleanAndEmpty() {
        CliRun run = stager("--json");
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode r = run.json();
        assertEquals(0, r.get("eligible").size());
        assertEquals(0, r.get("totals").get("eligibleFiles").asInt());
        assertEquals(0, r.get("totals").get("eligibleBytes").asLong());
    }

    @Test
    @EnabledIf("support.TempTrees#canMakeFifo")
    void fifoIsASpecialFileAndTheRunDoesNotHang() {
        TempTrees.file(content, "ok.png", "ok");
        TempTrees.fifo(content.resolve("media/pipe.png"));
        CliRun strict = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> stager("--json"));
        assertEquals(1, strict.exitCode(), strict.describe());
        assertEquals(List.of("media/pipe.png special_file"), excluded(strict.json()));
        CliRun lenient = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> stager("--json", "--allow-unknown"));
        assertEquals(0, lenient.exitCode(), lenient.describe());
        assertEquals(List.of("ok.png 2 png"), eligible(lenient.json()));
        CliRun human = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> stager("--allow-unknown"));
        assertEquals(0, human.exitCode(), human.describe());
        assertTrue(human.out().contains("special_file"), human.out());
    }

    @Test
    void symlinkedFolderIsNotFollowed() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        TempTrees.file(outside, "secret.png", "secret");
        TempTrees.file(content, "ok.png", "ok");
        TempTrees.symlink(content.resolve("gallery"), outside);
        CliRun run = stager("--json", "--allow-unknown");
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode r = run.json();
        assertEquals(List.of("gallery symlink"), excluded(r));
        assertEquals(List.of("ok.png 2 png"), eligible(r));
        assertFalse(run.out().contains("secret.png"), "nothing behind the link is even listed");
    }

    @Test
    void clientOverridesAreEligible() {
        TempTrees.writeAllowlist(data, ID, List.of("png"), List.of("pdf"));
        TempTrees.file(content, "a.png", "1");
        TempTrees.file(content, "brief.PDF", "22");
        TempTrees.file(content, "notes.docx", "333");
        CliRun run = stager("--json", "--allow-unknown");
        JsonNode r = run.json();
        assertEquals(List.of("a.png 1 png", "brief.PDF 2 pdf"), eligible(r));
        assertEquals(List.of("notes.docx not_allowed"), excluded(r));
    }

    @Test
    void allowlistingABannedTypeStillExcludesIt() {
        TempTrees.writeAllowlist(data, ID, List.of("png", "exe", "log"), List.of("key"));
        TempTrees.file(content, "a.png", "1");
        TempTrees.file(content, "setup.exe", "MZ");
        TempTrees.file(content, "run.log", "x");
        TempTrees.file(content, "tls.key", "x");
        CliRun run = stager("--json");
        assertEquals(1, run.exitCode(), run.describe());
        assertEquals(List.of("run.log banned_type", "setup.exe banned_type", "tls.key banned_type"), excluded(run.json()));
    }

    @Test
    @EnabledIf("support.TempTrees#utf8FileNames")
    void nonAsciiNamesArePreserved() {
        TempTrees.file(content, "caf\u00e9/\u00e9t\u00e9.png", "12");
        TempTrees.file(content, "z.png", "1");
        CliRun run = stager("--json");
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(List.of("caf\u00e9/\u00e9t\u00e9.png 2 png", "z.png 1 png"), eligible(run.json()));
    }

    // ---- the JSON report ----

    @Test
    void jsonReportHasExactlyTheContractsShape() throws Exception {
        buildMixedTree();
        CliRun run = stager("--json");
        JsonNode r = run.json();
        // The contract's fields, plus the companion check (issue 5), the content scan and provenance (issue 15), the names
        // (issue 31), what the scan did not read (issue 27) and the type mismatches (issue 30): no preset given, so no "policy"; no --allow-unknown, so no
        // "leftOutByAllowUnknown".
        assertEquals(Set.of("schemaVersion", "projectId", "contentDir", "outputZip", "mode", "status", "eligible",
                "excluded", "totals", "companionMode", "companions", "error", "secrets", "contentScanned", "notScanned", "names", "typeMismatches", "run"),
                fieldNames(r));
        assertEquals("warn", r.get("companionMode").asText());
        assertTrue(r.get("companions").isArray());
        assertEquals(1, r.get("schemaVersion").asInt());
        assertTrue(r.get("schemaVersion").isIntegralNumber());
        assertEquals(ID, r.get("projectId").asText());
        assertEquals(content.toRealPath().toString(), r.get("contentDir").asText());
        assertEquals(zip.toAbsolutePath().normalize().toString(), r.get("outputZip").asText());
        assertEquals("dry-run", r.get("mode").asText());
        assertEquals(Set.of("code", "message"), fieldNames(r.get("error")));

        assertTrue(r.get("eligible").isArray());
        for (JsonNode e : r.get("eligible")) {
            assertEquals(Set.of("path", "bytes", "extension"), fieldNames(e));
            assertTrue(e.get("bytes").isIntegralNumber());
            assertTrue(e.get("path").isTextual() && e.get("extension").isTextual());
        }
        assertTrue(r.get("excluded").isArray());
        for (JsonNode e : r.get("excluded")) {
            Set<String> names = fieldNames(e);
            assertTrue(names.containsAll(Set.of("path", "reason")), e.toString());
            assertTrue(Set.of("path", "reason", "detail").containsAll(names), e.toString());
            if (e.has("detail")) {
                assertTrue(e.get("detail").isTextual() && !e.get("detail").asText().isBlank(), e.toString());
            }
        }
        JsonNode totals = r.get("totals");
        assertEquals(Set.of("eligibleFiles", "eligibleBytes", "byExtension", "excludedByReason"), fieldNames(totals));
        totals.get("byExtension").forEach(t -> assertEquals(Set.of("files", "bytes"), fieldNames(t)));
        totals.get("excludedByReason").forEach(n -> assertTrue(n.isIntegralNumber()));

        CliRun ok = stager("--json", "--allow-unknown");
        assertEquals(Set.of("schemaVersion", "projectId", "contentDir", "outputZip", "mode", "status", "eligible",
                "excluded", "totals", "companionMode", "companions", "secrets", "contentScanned", "notScanned", "leftOutByAllowUnknown", "names",
                "typeMismatches", "run"),
                fieldNames(ok.json()));
    }

    @Test
    void reportPathsAreRelativeSlashSeparatedAndSorted() {
        for (String p : List.of("b/z.png", "a.png", "a/b/c.png", "C.png", "a-b.png", "b.png", "a/a.pdf", "b/.x", "0.txt")) {
            TempTrees.file(content, p, "x");
        }
        JsonNode r = stager("--json", "--allow-unknown").json();
        List<String> all = new ArrayList<>();
        r.get("eligible").forEach(e -> all.add(e.get("path").asText()));
        assertEquals(List.of("0.txt", "C.png", "a-b.png", "a.png", "a/b/c.png", "b.png", "b/z.png"), all);
        List<String> ex = new ArrayList<>();
        r.get("excluded").forEach(e -> ex.add(e.get("path").asText()));
        assertEquals(List.of("a/a.pdf", "b/.x"), ex);
        String abs = content.toString();
        assertFalse(r.get("eligible").toString().contains(abs), "paths are relative");
    }

    @Test
    void detailsNameTheRule() {
        TempTrees.file(content, "id_rsa", "x");
        TempTrees.file(content, "a.exe", "x");
        TempTrees.file(content, "a.pdf", "x");
        Map<String, String> details = new LinkedHashMap<>();
        stager("--json").json().get("excluded").forEach(e -> details.put(e.get("path").asText(), e.path("detail").asText()));
        assertTrue(details.get("id_rsa").contains("id_rsa*"), details.toString());
        assertTrue(details.get("a.exe").contains("exe"), details.toString());
        assertTrue(details.get("a.pdf").contains("pdf"), details.toString());
    }

    @Test
    void humanSummaryShowsTotalsByExtensionAndCountsByReason() {
        buildMixedTree();
        CliRun run = stager();
        assertEquals(1, run.exitCode(), run.describe());
        String out = run.out();
        assertFalse(out.trim().startsWith("{"), "human output is not JSON");
        assertTrue(out.contains("dry-run"), out);
        assertTrue(Pattern.compile("(?m)^.*\\.png\\b.*\\b1\\b.*$").matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^.*\\.yaml\\b.*\\b1\\b.*$").matcher(out).find(), out);
        // Reason, count, then the first few paths of that reason.
        assertTrue(Pattern.compile("(?m)^\\s*banned_pattern\\s+5\\s+\\S.*, \\.\\.\\.$").matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^\\s*hidden\\s+4\\s+\\S").matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^\\s*banned_type\\s+2\\s+\\S").matcher(out).find(), out);
        // What blocks the run and what merely stays home are separate tables with their own totals.
        int refused = out.indexOf("Refused (blocks the run)");
        int leftOut = out.indexOf("Left out (not shipped)");
        assertTrue(refused >= 0 && leftOut > refused, out);
        assertTrue(out.indexOf("banned_pattern") > refused && out.indexOf("banned_pattern") < leftOut, out);
        assertTrue(out.indexOf("hidden ") > leftOut, out);
        assertTrue(out.contains("--json and the HTML report list every path"), out);
        assertTrue(out.contains("refused"), out);
        assertTrue(run.err().contains("PZ_REFUSED"), run.err());
    }

    // ---- dry-run writes nothing ----

    @ParameterizedTest
    @ValueSource(strings = {"", "--json", "--allow-unknown", "--allow-unknown --json"})
    void dryRunWritesNothingAnywhere(String extra) {
        buildMixedTree();
        String[] flags = extra.isEmpty() ? new String[0] : extra.split(" ");
        Map<String, String> before = TempTrees.snapshot(tmp);
        CliRun run = stager(flags);
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.describe());
        assertEquals(before, TempTrees.snapshot(tmp), "nothing created, changed or deleted under " + tmp);
        assertFalse(Files.exists(zip));
        assertFalse(Files.exists(tmp.resolve("out/p1.zip.report.json")));
        assertFalse(Files.exists(tmp.resolve("out/p1.zip.manifest.json")));
    }

    @Test
    void aMissingZipFolderFailsTheDryRunAsTheCommitWouldAndIsNeverCreated() {
        // A dry-run that says ok must mean the commit can start (issue 17).
        TempTrees.file(content, "a.png", "x");
        zip = tmp.resolve("not-yet/deeper/p1.zip");
        Map<String, String> before = TempTrees.snapshot(tmp);
        CliRun run = stager("--json");
        assertEquals(2, run.exitCode(), run.describe());
        assertEquals("PZ_OUTPUT_DIR_MISSING", run.json().get("error").get("code").asText(), run.describe());
        CliRun withMkdirs = stager("--json", "--mkdirs");
        assertEquals(0, withMkdirs.exitCode(), withMkdirs.describe());
        assertEquals(before, TempTrees.snapshot(tmp));
        assertFalse(Files.exists(tmp.resolve("not-yet")));
    }

    // ---- usage and configuration errors: exit 2 with a stable code ----

    @Test
    void missingAllowlistSaysToRunInventory() throws Exception {
        Files.delete(TempTrees.allowlistFile(data, ID));
        TempTrees.file(content, "a.png", "x");
        CliRun run = stager("--json");
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_ALLOWLIST_MISSING"), run.err());
        assertTrue(run.err().contains("inventory"), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "", ".hidden", "a/b", "-x"})
    void badProjectIdsAreUsageErrors(String id) {
        // An allowlist where "../x" would point if ids were not checked.
        TempTrees.writeString(data.resolve("x_allowed_ext.json"), "{\"projectId\": \"../x\", \"allowedExtensions\": [\"png\"]}");
        TempTrees.file(content, "a.png", "x");
        Map<String, String> before = TempTrees.snapshot(tmp);
        CliRun run = CliRun.stager("--project-id", id, "--content-dir", content.toString(), "--data-dir", data.toString(),
                "--output-zip", zip.toString(), "--json");
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_BAD_PROJECT_ID"), run.err());
        assertEquals(before, TempTrees.snapshot(tmp));
    }

    @Test
    void projectIdOf65CharactersIsRejectedAnd64Accepted() {
        String id64 = "p".repeat(64);
        String id65 = "p".repeat(65);
        TempTrees.writeAllowlist(data, id64, List.of("png"), List.of());
        TempTrees.file(content, "a.png", "x");
        CliRun bad = CliRun.stager("--project-id", id65, "--content-dir", content.toString(), "--data-dir", data.toString(),
                "--output-zip", zip.toString());
        assertEquals(2, bad.exitCode(), bad.describe());
        assertTrue(bad.err().contains("PZ_BAD_PROJECT_ID"), bad.err());
        CliRun good = CliRun.stager("--project-id", id64, "--content-dir", content.toString(), "--data-dir", data.toString(),
                "--output-zip", zip.toString(), "--json");
        assertEquals(0, good.exitCode(), good.describe());
        assertEquals(id64, good.json().get("projectId").asText());
    }

    @Test
    void missingContentDirIsAUsageError() {
        content = tmp.resolve("no-such-content");
        CliRun run = stager("--json");
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_CONTENT_DIR_MISSING"), run.err());
        assertFalse(Files.exists(content));
    }

    @Test
    void contentDirThatIsAFileIsAUsageError() {
        content = TempTrees.file(tmp, "plain.txt", "x");
        CliRun run = stager();
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_CONTENT_DIR_MISSING"), run.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = stager("--frobnicate");
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_USAGE"), run.err());
        assertTrue(run.err().contains("--frobnicate"), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--project-id", "--content-dir", "--output-zip"})
    void eachRequiredOptionIsRequired(String option) {
        List<String> all = new ArrayList<>(Arrays.asList(args()));
        int at = all.indexOf(option);
        all.remove(at + 1);
        all.remove(at);
        CliRun run = CliRun.stager(all.toArray(String[]::new));
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_USAGE"), run.err());
        assertTrue(run.err().contains(option), run.err());
    }

    @Test
    void malformedAllowlistJsonIsInvalid() {
        TempTrees.writeString(TempTrees.allowlistFile(data, ID), "{\"projectId\": \"p1\", \"allowedExtensions\": [\"png\"");
        CliRun run = stager();
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_ALLOWLIST_INVALID"), run.err());
        assertTrue(run.err().contains("p1_allowed_ext.json"), run.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"projectId\": \"p1\", \"allowedExtensions\": \"png\"}|'allowedExtensions'",
            "{\"projectId\": \"p1\"}|'allowedExtensions'",
            "{\"projectId\": \"p1\", \"allowedExtensions\": [\"png\", 7]}|'allowedExtensions[1]'",
            "{\"projectId\": \"p1\", \"allowedExtensions\": [\"png\"], \"clientWhitelistOverrides\": {}}|'clientWhitelistOverrides'",
            "{\"projectId\": \"p1\", \"allowedExtensions\": [\"tar.gz\"]}|'allowedExtensions[0]'",
            "{\"projectId\": \"other\", \"allowedExtensions\": [\"png\"]}|'projectId'",
            "{\"projectId\": 1, \"allowedExtensions\": [\"png\"]}|'projectId'",
            "{\"projectId\": \"p1\", \"allowedExtensions\": [\"png\"], \"notes\": 3}|'notes'",
    })
    void allowlistWithAWrongFieldNamesTheField(String json, String field) {
        TempTrees.writeString(TempTrees.allowlistFile(data, ID), json);
        TempTrees.file(content, "a.png", "x");
        CliRun run = stager("--json");
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_ALLOWLIST_INVALID"), run.err());
        assertTrue(run.err().contains(field), "names " + field + ": " + run.err());
    }

    @Test
    void missingDataDirIsAConfigurationError() {
        data = tmp.resolve("no-data");
        CliRun run = stager();
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_DATA_DIR_INVALID"), run.err());
        assertFalse(Files.exists(data));
    }

    @Test
    void brokenGlobalBansIsAConfigurationError() {
        TempTrees.writeString(data.resolve("global_bans.json"), "{\"groups\": 3}");
        TempTrees.file(content, "a.png", "x");
        CliRun run = stager();
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_BANS_INVALID"), run.err());
    }

    @Test
    void aDataFolderWithoutGlobalBansUsesTheBuiltInOnesNeverNone() throws Exception {
        // The shipped bans travel inside the command; the report names which list decided the run (issue 17).
        Files.delete(data.resolve("global_bans.json"));
        TempTrees.file(content, "a.png", "x");
        TempTrees.file(content, "tool.exe", "x");
        CliRun run = stager("--json", "--allow-unknown");
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode report = run.json();
        assertEquals("banned_type", report.get("excluded").get(0).get("reason").asText(), run.describe());
        JsonNode bans = null;
        for (JsonNode input : report.get("run").get("inputs")) {
            bans = input.get("role").asText().equals("global_bans") ? input : bans;
        }
        assertEquals("built-in:global_bans.json", bans.get("path").asText());
        assertEquals(TempTrees.sha256(TempTrees.readBytes(TempTrees.repoGlobalBans())), bans.get("sha256").asText());
    }

    @Test
    void aGlobalBansFileThatIsThereButBrokenIsAnErrorNotTheBuiltInOnes() throws Exception {
        Files.writeString(data.resolve("global_bans.json"), "{\"groups\": 7}");
        TempTrees.file(content, "a.png", "x");
        CliRun run = stager("--json");
        assertEquals(2, run.exitCode(), run.describe());
        assertEquals("PZ_BANS_INVALID", run.json().get("error").get("code").asText(), run.describe());
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        CliRun run = CliRun.stager("--help");
        assertEquals(0, run.exitCode(), run.describe());
        for (String option : List.of("--project-id", "--content-dir", "--output-zip", "--allow-unknown", "--commit",
                "--data-dir", "--json")) {
            assertTrue(run.out().contains(option), option + " in --help: " + run.out());
        }
    }

    @Test
    void sourceTreeIsNeverModified() {
        buildMixedTree();
        Map<String, String> before = TempTrees.snapshot(content);
        stager();
        stager("--json", "--allow-unknown");
        assertEquals(before, TempTrees.snapshot(content));
    }
}
