package policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import datadir.DataDir;
import io.TreeRemoval;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import report.StagerReport;
import support.CliRun;
import support.HookTrees;
import support.StagerProject;
import support.TempTrees;
import zip.ZipManifest;

/** --policy NAME: presets from DATA/policies/NAME.json only ever add restrictions to the global bans. */
class PolicyPresetTest extends StagerProject {
    /** A real zip holding one text member: the content scan opens archives, and a file that is none refuses the run. */
    static void archive(Path zip, String text) throws java.io.IOException {
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    static final String ID = "acme";

    PolicyPresetTest() {
        super(ID, List.of("png", "txt", "zip", "log", "psd"), "acme.zip");
    }

    Path writePreset(String name, String json) {
        return TempTrees.writeString(data.resolve("policies").resolve(name + ".json"), json);
    }

    static String sha256(Path file) {
        return TempTrees.sha256(TempTrees.readBytes(file));
    }

    static JsonNode excludedEntry(JsonNode report, String path) {
        for (JsonNode e : report.get("excluded")) {
            if (e.get("path").asText().equals(path)) {
                return e;
            }
        }
        throw new AssertionError(path + " is not excluded: " + report.get("excluded") + "\neligible: " + report.get("eligible"));
    }

    // ---- the shipped presets ----

    @Test
    void theShippedPresetsAreValidAndNamedLikeTheirFiles() throws Exception {
        for (String name : List.of("default", "strict")) {
            JsonNode preset = TempTrees.readJson(HookTrees.repoPreset(name));
            assertEquals(name, preset.get("name").asText());
            PolicyPreset loaded = PolicyPreset.load(new DataDir(data), name);
            assertEquals(sha256(HookTrees.repoPreset(name)), loaded.digest());
        }
        PolicyPreset strict = PolicyPreset.load(new DataDir(data), "strict");
        assertTrue(strict.forbidEmptyDirs());
        assertEquals(CompanionMode.STRICT, strict.companions());
        assertTrue(strict.refuseLongPaths());
        PolicyPreset dflt = PolicyPreset.load(new DataDir(data), "default");
        assertFalse(dflt.forbidEmptyDirs());
        assertEquals(CompanionMode.WARN, dflt.companions());
        assertFalse(dflt.refuseLongPaths());
    }

    @Test
    void strictBansZipAndTheDetailNamesThePolicy() throws Exception {
        TempTrees.honest(content, "a.png", "png");
        archive(content.resolve("bundle.zip"), "an archive, allowed by the project");

        CliRun plain = stager("--json");
        assertEquals(0, plain.exitCode(), plain.describe());
        assertTrue(TempTrees.eligiblePaths(plain.json()).contains("bundle.zip"), "without a preset the allowlist rules");

        CliRun strict = stager("--policy", "strict", "--json");
        assertEquals(1, strict.exitCode(), "a banned type refuses without --allow-unknown\n" + strict.describe());
        JsonNode report = strict.json();
        JsonNode entry = excludedEntry(report, "bundle.zip");
        assertEquals("banned_type", entry.get("reason").asText());
        assertTrue(entry.get("detail").asText().contains("strict"), "detail names the policy: " + entry);
        assertEquals(List.of("a.png"), TempTrees.eligiblePaths(report));
        assertEquals("strict", report.get("policy").get("name").asText());
        assertEquals(sha256(data.resolve("policies/strict.json")), report.get("policy").get("sha256").asText());
        assertEquals("strict", report.get("companionMode").asText());
    }

    @Test
    void strictBannedPatternsNameThePolicyToo() throws Exception {
        TempTrees.honest(content, "img/scene copy.png", "a copy");
        TempTrees.honest(content, "img/scene.png", "the real one");
        CliRun run = stager("--policy", "strict", "--allow-unknown", "--companions", "off", "--json");
        // --companions off cannot loosen strict, but scene and "scene copy" are different stems anyway.
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode entry = excludedEntry(run.json(), "img/scene copy.png");
        assertEquals("banned_pattern", entry.get("reason").asText());
        assertTrue(entry.get("detail").asText().contains("strict"), entry.toString());
    }

    @Test
    void strictForbidsEmptyFolders() throws Exception {
        TempTrees.honest(content, "a.png", "png");
        Files.createDirectories(content.resolve("empty"));
        CliRun plain = stager("--commit");
        assertEquals(0, plain.exitCode(), "without the preset an empty folder is fine\n" + plain.describe());

        Files.delete(zip);
        CliRun strict = stager("--commit", "--policy", "strict");
        assertEquals(1, strict.exitCode(), strict.describe());
        assertTrue(strict.err().contains("PZ_INVARIANT") && strict.err().contains("empty"), strict.err());
        assertFalse(TempTrees.exists(zip));
        assertEquals("refused", TempTrees.readJson(StagerReport.pathFor(zip)).get("status").asText());
    }

    @Test
    void strictRefusesSplitCompanions() throws Exception {
        TempTrees.honest(content, "scene.png", "shipped");
        TempTrees.file(content, "scene.xcf", "not allowed");
        CliRun warn = stager("--allow-unknown", "--json");
        assertEquals(0, warn.exitCode(), warn.describe());
        CliRun strict = stager("--allow-unknown", "--policy", "strict", "--json");
        assertEquals(1, strict.exitCode(), strict.describe());
        assertTrue(strict.err().contains("PZ_COMPANIONS_SPLIT"), strict.err());
        assertEquals("strict", strict.json().get("companionMode").asText());
    }

    @Test
    void defaultBehavesLikeNoPresetForBans() throws Exception {
        TempTrees.honest(content, "a.png", "png");
        archive(content.resolve("bundle.zip"), "zip");
        TempTrees.file(content, "run.log", "log");
        TempTrees.file(content, "key.pem", "pem");
        TempTrees.file(content, "tool.exe", "exe");
        TempTrees.file(content, "sub/Thumbs.db", "junk");
        TempTrees.honest(content, "sub/scene copy.png", "copy");
        TempTrees.file(content, "sub/notes_old.txt", "old");
        TempTrees.file(content, "draft.txt~", "editor backup");
        TempTrees.file(content, "README", "no extension");

        CliRun none = stager("--allow-unknown", "--json");
        CliRun dflt = stager("--allow-unknown", "--json", "--policy", "default");
        assertEquals(0, none.exitCode(), none.describe());
        assertEquals(0, dflt.exitCode(), dflt.describe());
        JsonNode a = none.json();
        JsonNode b = dflt.json();
        assertEquals(a.get("eligible"), b.get("eligible"));
        assertEquals(a.get("excluded"), b.get("excluded"));
        assertEquals(a.get("totals"), b.get("totals"));
        assertEquals(a.get("companionMode"), b.get("companionMode"));
        assertFalse(a.has("policy"), "no preset, no policy field: " + a.get("policy"));
        assertEquals("default", b.get("policy").get("name").asText());
        assertEquals(sha256(data.resolve("policies/default.json")), b.get("policy").get("sha256").asText());
        assertTrue(TempTrees.eligiblePaths(b).contains("bundle.zip"));
    }

    @Test
    void aCommitRecordsThePresetInTheReportAndTheManifest() throws Exception {
        TempTrees.honest(content, "a.png", "png");
        TempTrees.file(content, "b/c.txt", "txt");
        CliRun run = stager("--commit", "--policy", "strict");
        assertEquals(0, run.exitCode(), run.describe());
        String digest = sha256(data.resolve("policies/strict.json"));
        assertEquals(sha256(HookTrees.repoPreset("strict")), digest, "the test copies the shipped preset");

        JsonNode report = TempTrees.readJson(StagerReport.pathFor(zip));
        JsonNode manifest = TempTrees.readJson(ZipManifest.pathFor(zip));
        assertEquals(Json.MAPPER.readTree("{\"name\":\"strict\",\"sha256\":\"" + digest + "\"}"), report.get("policy"));
        assertEquals(report.get("policy"), manifest.get("policy"));
    }

    @Test
    void theDigestIsOfTheFileBytesSoAnyEditChangesIt() throws Exception {
        TempTrees.honest(content, "a.png", "png");
        Path file = writePreset("client1", "{\"name\":\"client1\",\"bannedTypes\":[\"psd\"]}");
        CliRun first = stager("--commit", "--policy", "client1");
        assertEquals(0, first.exitCode(), first.describe());
        String firstDigest = TempTrees.readJson(ZipManifest.pathFor(zip)).get("policy").get("sha256").asText();
        assertEquals(sha256(file), firstDigest);

        writePreset("client1", "{\"name\": \"client1\", \"bannedTypes\": [\"psd\"]}\n");
        CliRun second = stager("--commit", "--policy", "client1");
        assertEquals(0, second.exitCode(), second.describe());
        String secondDigest = TempTrees.readJson(ZipManifest.pathFor(zip)).get("policy").get("sha256").asText();
        assertEquals(sha256(file), secondDigest);
        assertNotEquals(firstDigest, secondDigest, "whitespace is part of the file, so part of the digest");
    }

    @Test
    void withoutAPresetNeitherReportNorManifestHasAPolicy() throws Exception {
        TempTrees.honest(content, "a.png", "png");
        assertEquals(0, stager("--commit").exitCode());
        assertFalse(TempTrees.readJson(StagerReport.pathFor(zip)).has("policy"));
        assertFalse(TempTrees.readJson(ZipManifest.pathFor(zip)).has("policy"));
    }

    // ---- bad names and bad files ----

    @Test
    void anUnknownPresetIsAUsageError() throws Exception {
        TempTrees.honest(content, "a.png", "png");
        CliRun run = stager("--commit", "--policy", "nosuch");
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_POLICY_UNKNOWN"), run.err());
        assertEquals(List.of(), TempTrees.list(out), "nothing written");
        assertFalse(TempTrees.exists(data.resolve("dashboard")));
    }

    @Test
    void withoutAPoliciesFolderTheShippedPresetsAreBuiltInAndOthersUnknown() throws Exception {
        TempTrees.honest(content, "a.png", "png");
        TreeRemoval.deleteTree(data.resolve("policies"));
        for (String shipped : new PolicyPreset.ShippedNames()) {
            CliRun run = stager("--policy", shipped, "--json");
            assertEquals(0, run.exitCode(), run.describe());
            assertEquals(TempTrees.sha256(TempTrees.readBytes(TempTrees.repoRoot().resolve("data/policies/" + shipped + ".json"))),
                    run.json().get("policy").get("sha256").asText(), "the built-in copy is the shipped file");
        }
        CliRun run = stager("--policy", "client-x");
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_POLICY_UNKNOWN"), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "../policies/strict", "policies/../../x", "/tmp/x", "..", ".hidden", "x/y", "strict.json/..",
            "", " strict", "a\\b"})
    void aPresetNameCannotPointOutsideThePoliciesFolder(String name) throws Exception {
        TempTrees.honest(content, "a.png", "png");
        // A perfectly valid preset one folder up, which a path traversal would find.
        TempTrees.writeString(data.resolve("x.json"), "{\"name\":\"x\"}");
        TempTrees.writeString(tmp.resolve("x.json"), "{\"name\":\"x\"}");
        CliRun run = stager("--commit", "--policy", name);
        assertEquals(2, run.exitCode(), "'" + name + "'\n" + run.describe());
        assertTrue(run.err().contains("PZ_POLICY_UNKNOWN"), run.err());
        assertEquals(List.of(), TempTrees.list(out), "nothing written");
    }

    @Test
    void aPresetPatternThatCanNeverMatchIsInvalid() throws Exception {
        TempTrees.honest(content, "a.png", "png");
        writePreset("slash", "{\"name\":\"slash\", \"bannedPatterns\": [\"/\"]}");
        CliRun run = stager("--policy", "slash");
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_POLICY_INVALID") && run.err().contains("never match"), run.err());
    }

    @Test
    void malformedPresetJsonIsInvalid() throws Exception {
        TempTrees.honest(content, "a.png", "png");
        writePreset("broken", "{\"name\":\"broken\", \"bannedTypes\": [\"zip\"");
        CliRun run = stager("--commit", "--policy", "broken");
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_POLICY_INVALID"), run.err());
        assertTrue(run.err().contains("broken.json"), "names the file: " + run.err());
        assertEquals(List.of(), TempTrees.list(out), "nothing written");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "forbidEmptyDirs | {\"name\":\"bad\",\"forbidEmptyDirs\":\"yes\"}",
            "forbidEmptyDirs | {\"name\":\"bad\",\"forbidEmptyDirs\":1}",
            "refuseLongPaths | {\"name\":\"bad\",\"refuseLongPaths\":\"true\"}",
            "companions      | {\"name\":\"bad\",\"companions\":3}",
            "companions      | {\"name\":\"bad\",\"companions\":\"lenient\"}",
            "companions      | {\"name\":\"bad\",\"companions\":[\"strict\"]}",
            "bannedTypes     | {\"name\":\"bad\",\"bannedTypes\":\"zip\"}",
            "bannedTypes     | {\"name\":\"bad\",\"bannedTypes\":[1]}",
            "bannedTypes     | {\"name\":\"bad\",\"bannedTypes\":[\"\"]}",
            "bannedPatterns  | {\"name\":\"bad\",\"bannedPatterns\":{\"a\":1}}",
            "bannedPatterns  | {\"name\":\"bad\",\"bannedPatterns\":[\" \"]}",
            "name            | {\"bannedTypes\":[\"zip\"]}",
            "name            | {\"name\":7}",
            "name            | {\"name\":\"other\"}",
            "(top level)     | [\"name\",\"bad\"]",
    })
    void aWrongFieldIsInvalidAndTheMessageNamesIt(String field, String json) throws Exception {
        TempTrees.honest(content, "a.png", "png");
        writePreset("bad", json);
        CliRun run = stager("--commit", "--policy", "bad");
        assertEquals(2, run.exitCode(), json + "\n" + run.describe());
        assertTrue(run.err().contains("PZ_POLICY_INVALID"), run.err());
        assertTrue(run.err().contains("'" + field), "the message names '" + field + "': " + run.err());
        assertEquals(List.of(), TempTrees.list(out), "nothing written");
    }

    // ---- a preset only adds restrictions ----

    @Test
    void aPresetCannotUnbanAGlobalBan() throws Exception {
        TempTrees.honest(content, "a.png", "png");
        TempTrees.file(content, "run.log", "log, allowed by the project's allowlist");
        TempTrees.file(content, "sub/Thumbs.db", "junk");
        writePreset("lax", "{\"name\":\"lax\",\"bannedTypes\":[],\"bannedPatterns\":[],\"forbidEmptyDirs\":false,"
                + "\"companions\":\"off\",\"allowedExtensions\":[\"log\"],\"unbannedTypes\":[\"log\"],"
                + "\"clientWhitelistOverrides\":[\"log\",\"db\"],\"groups\":[]}");

        CliRun run = stager("--commit", "--allow-unknown", "--policy", "lax", "--json");
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode report = run.json();
        assertEquals("banned_type", excludedEntry(report, "run.log").get("reason").asText());
        assertTrue(excludedEntry(report, "run.log").get("detail").asText().contains("logs"),
                "still the global group's ban: " + excludedEntry(report, "run.log"));
        assertEquals("banned_pattern", excludedEntry(report, "sub/Thumbs.db").get("reason").asText());
        assertEquals(List.of("a.png"), TempTrees.eligiblePaths(report));
        assertEquals(List.of("a.png"), zipEntries(zip));
    }

    @Test
    void aPresetListingAGloballyBannedTypeKeepsItBanned() throws Exception {
        TempTrees.honest(content, "a.png", "png");
        TempTrees.file(content, "run.log", "log");
        writePreset("again", "{\"name\":\"again\",\"bannedTypes\":[\"log\",\"psd\"]}");
        CliRun run = stager("--allow-unknown", "--policy", "again", "--json");
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals("banned_type", excludedEntry(run.json(), "run.log").get("reason").asText());
    }

    @Test
    void aPresetsOwnBansAddToTheGlobalOnes() throws Exception {
        TempTrees.honest(content, "a.png", "png");
        TempTrees.file(content, "layers.psd", "psd, allowed by the project");
        TempTrees.file(content, "run.log", "log");
        TempTrees.file(content, "notes/DRAFT-1.txt", "draft");
        writePreset("client2", "{\"name\":\"client2\",\"bannedTypes\":[\"PSD\"],\"bannedPatterns\":[\"draft-*\"]}");
        CliRun run = stager("--allow-unknown", "--policy", "client2", "--json");
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode report = run.json();
        assertEquals("banned_type", excludedEntry(report, "layers.psd").get("reason").asText());
        assertTrue(excludedEntry(report, "layers.psd").get("detail").asText().contains("client2"));
        assertEquals("banned_pattern", excludedEntry(report, "notes/DRAFT-1.txt").get("reason").asText());
        assertEquals("banned_type", excludedEntry(report, "run.log").get("reason").asText());
        assertEquals(List.of("a.png"), TempTrees.eligiblePaths(report));
    }

    @Test
    void companionsOffCannotLoosenAStrictPreset() throws Exception {
        TempTrees.honest(content, "scene.png", "shipped");
        TempTrees.file(content, "scene.xcf", "not allowed");
        CliRun run = stager("--commit", "--allow-unknown", "--policy", "strict", "--companions", "off", "--json");
        assertEquals(1, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_COMPANIONS_SPLIT"), run.err());
        JsonNode report = TempTrees.readJson(StagerReport.pathFor(zip));
        assertEquals("strict", report.get("companionMode").asText());
        assertEquals(1, report.get("companions").size(), report.toString());
        assertFalse(TempTrees.exists(zip));
    }

    @Test
    void aPresetWithCompanionsOffDoesNotLoosenTheOperatorsChoice() throws Exception {
        TempTrees.honest(content, "scene.png", "shipped");
        TempTrees.file(content, "scene.xcf", "not allowed");
        writePreset("loose", "{\"name\":\"loose\",\"companions\":\"off\",\"forbidEmptyDirs\":false}");

        CliRun byDefault = stager("--allow-unknown", "--policy", "loose", "--json");
        assertEquals(0, byDefault.exitCode(), byDefault.describe());
        assertEquals("warn", byDefault.json().get("companionMode").asText(), "the default warn stays");
        assertEquals(1, byDefault.json().get("companions").size());

        CliRun strict = stager("--allow-unknown", "--policy", "loose", "--companions", "strict");
        assertEquals(1, strict.exitCode(), strict.describe());
        assertTrue(strict.err().contains("PZ_COMPANIONS_SPLIT"), strict.err());
    }

    @Test
    void aPresetWithForbidEmptyDirsFalseDoesNotLoosenTheFlag() throws Exception {
        TempTrees.honest(content, "a.png", "png");
        Files.createDirectories(content.resolve("empty"));
        writePreset("loose", "{\"name\":\"loose\",\"forbidEmptyDirs\":false}");
        CliRun run = stager("--commit", "--policy", "loose", "--forbid-empty-dirs");
        assertEquals(1, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_INVARIANT"), run.err());
    }

    @Test
    void bansFromPresetsNeverRemoveAnything() {
        BanRules global = BanRules.load(data.resolve("global_bans.json"));
        BanRules empty = new BanRules(Map.of(), List.of());
        BanRules combined = global.plus(empty);
        assertEquals(global.groupByType(), combined.groupByType());
        assertEquals(global.patterns().size(), combined.patterns().size());
        BanRules reclaims = new BanRules(Map.of("log", "policy lax"), List.of());
        assertEquals("logs", global.plus(reclaims).typeBan("log").orElseThrow(), "the global group keeps the ban");
    }

    static List<String> zipEntries(Path zip) throws Exception {
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            return java.util.Collections.list(z.entries()).stream().map(java.util.zip.ZipEntry::getName).toList();
        }
    }
}
