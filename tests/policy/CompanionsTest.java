package policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import report.StagerReport;
import scan.ScannedEntry;
import support.CliRun;
import support.StagerProject;
import support.TempTrees;

/** Companion integrity (spec step 3): split groups of same-folder, same-stem files; --companions off|warn|strict. */
class CompanionsTest extends StagerProject {
    static final String ID = "comp";

    CompanionsTest() {
        super(ID, List.of("png", "txt", "xmp"), "comp.zip");
    }

    /** path -> fate of each member of each listed group, as "folder|stem" -> members. */
    static Map<String, Map<String, String>> groups(JsonNode report) {
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        for (JsonNode g : report.get("companions")) {
            Map<String, String> members = new LinkedHashMap<>();
            for (JsonNode m : g.get("members")) {
                members.put(m.get("path").asText(), m.get("fate").asText());
            }
            groups.put(g.get("folder").asText() + "|" + g.get("stem").asText(), members);
        }
        return groups;
    }

    @Test
    void aSplitGroupIsListedWithEachMemberAndItsFate() throws Exception {
        TempTrees.file(content, "art/scene.png", "shipped");
        TempTrees.file(content, "art/scene.psd", "not in the allowlist");
        TempTrees.file(content, "art/scene.xmp", "sidecar, shipped");
        TempTrees.file(content, "art/scene.log", "banned");
        TempTrees.file(content, "art/other.png", "alone");

        CliRun run = stager("--allow-unknown", "--json");
        assertEquals(0, run.exitCode(), "warn is the default and does not refuse\n" + run.describe());
        JsonNode report = run.json();
        assertEquals("warn", report.get("companionMode").asText());
        assertEquals(1, report.get("companions").size(), report.get("companions").toString());
        JsonNode group = report.get("companions").get(0);
        assertEquals("art", group.get("folder").asText());
        assertEquals("scene", group.get("stem").asText());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("art/scene.log", "banned_type");
        expected.put("art/scene.png", "eligible");
        expected.put("art/scene.psd", "not_allowed");
        expected.put("art/scene.xmp", "eligible");
        assertEquals(Map.of("art|scene", expected), groups(report));
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(groups(report).get("art|scene").keySet()),
                "members in path order");
        for (JsonNode m : group.get("members")) {
            assertEquals(2, m.size(), "a member is {path, fate}: " + m);
        }
    }

    @Test
    void rootLevelGroupsHaveAnEmptyFolder() throws Exception {
        TempTrees.file(content, "scene.png", "shipped");
        TempTrees.file(content, "scene.psd", "not allowed");
        JsonNode report = stager("--allow-unknown", "--json").json();
        assertEquals(1, report.get("companions").size());
        assertEquals("", report.get("companions").get(0).get("folder").asText());
        assertEquals("scene", report.get("companions").get(0).get("stem").asText());
    }

    @Test
    void theStemIsTheNameWithoutItsLastExtension() throws Exception {
        TempTrees.file(content, "r/scene.v2.png", "shipped");
        TempTrees.file(content, "r/scene.v2.psd", "not allowed");
        TempTrees.file(content, "r/scene.png", "shipped, a different stem");
        TempTrees.file(content, "r/scene.txt", "shipped, same stem as scene.png, nothing left out");
        JsonNode report = stager("--allow-unknown", "--json").json();
        assertEquals(Map.of("r|scene.v2", Map.of("r/scene.v2.png", "eligible", "r/scene.v2.psd", "not_allowed")),
                groups(report));

        assertEquals("scene.v2", Companions.stem("scene.v2.png"));
        assertEquals("archive.tar", Companions.stem("archive.tar.gz"));
        assertEquals("README", Companions.stem("README"));
        assertEquals(".bashrc", Companions.stem(".bashrc"));
    }

    @Test
    void sameStemInDifferentFoldersIsNotAGroup() throws Exception {
        TempTrees.file(content, "a/scene.png", "shipped");
        TempTrees.file(content, "b/scene.psd", "not allowed");
        TempTrees.file(content, "scene.psd", "not allowed, at the root");
        TempTrees.file(content, "a/b/scene.psd", "not allowed, one level down");
        CliRun run = stager("--allow-unknown", "--json", "--companions", "strict");
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(0, run.json().get("companions").size(), run.json().get("companions").toString());
    }

    @Test
    void wholeGroupsAreNotListed() throws Exception {
        TempTrees.file(content, "all/scene.png", "shipped");
        TempTrees.file(content, "all/scene.xmp", "shipped");
        TempTrees.file(content, "none/scene.psd", "left out");
        TempTrees.file(content, "none/scene.xcf", "left out");
        CliRun run = stager("--allow-unknown", "--json", "--companions", "strict");
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(0, run.json().get("companions").size(), run.json().get("companions").toString());
    }

    @Test
    void severalGroupsAreListedInPathOrder() throws Exception {
        TempTrees.file(content, "z/shot.png", "shipped");
        TempTrees.file(content, "z/shot.psd", "left out");
        TempTrees.file(content, "a/b.png", "shipped");
        TempTrees.file(content, "a/b.psd", "left out");
        TempTrees.file(content, "a/a.txt", "shipped");
        TempTrees.file(content, "a/a.pdf", "left out");
        JsonNode report = stager("--allow-unknown", "--json").json();
        assertEquals(List.of("a|a", "a|b", "z|shot"), new ArrayList<>(groups(report).keySet()));
    }

    @Test
    void warnExitsZeroAndTheCommitShipsAndRecordsTheGroup() throws Exception {
        TempTrees.file(content, "art/scene.png", "shipped");
        TempTrees.file(content, "art/scene.psd", "not allowed");
        CliRun run = stager("--commit", "--allow-unknown", "--companions", "warn");
        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(TempTrees.exists(zip));
        JsonNode report = TempTrees.readJson(StagerReport.pathFor(zip));
        assertEquals("ok", report.get("status").asText());
        assertEquals(Map.of("art|scene", Map.of("art/scene.png", "eligible", "art/scene.psd", "not_allowed")),
                groups(report));
    }

    @Test
    void warnShowsTheSplitGroupInTheHumanSummary() {
        TempTrees.file(content, "art/scene.png", "shipped");
        TempTrees.file(content, "art/scene.psd", "not allowed");
        CliRun run = stager("--allow-unknown");
        assertEquals(0, run.exitCode(), run.describe());
        String all = (run.out() + run.err()).toLowerCase(Locale.ROOT);
        assertTrue(all.contains("companion"), "the operator is warned:\n" + run.describe());
    }

    @Test
    void strictRefusesWithExitOneAndShipsNothing() throws Exception {
        TempTrees.file(content, "art/scene.png", "shipped");
        TempTrees.file(content, "art/scene.psd", "not allowed");
        CliRun dry = stager("--allow-unknown", "--companions", "strict", "--json");
        assertEquals(1, dry.exitCode(), dry.describe());
        assertTrue(dry.err().contains("PZ_COMPANIONS_SPLIT"), dry.err());
        JsonNode dryReport = dry.json();
        assertEquals("refused", dryReport.get("status").asText());
        assertEquals("PZ_COMPANIONS_SPLIT", dryReport.get("error").get("code").asText());
        assertEquals(1, dryReport.get("companions").size());
        assertEquals(List.of(), TempTrees.list(out), "a dry-run writes nothing");

        CliRun commit = stager("--commit", "--allow-unknown", "--companions", "strict");
        assertEquals(1, commit.exitCode(), commit.describe());
        assertTrue(commit.err().contains("PZ_COMPANIONS_SPLIT"), commit.err());
        assertFalse(TempTrees.exists(zip));
        JsonNode report = TempTrees.readJson(StagerReport.pathFor(zip));
        assertEquals("refused", report.get("status").asText());
        assertEquals("strict", report.get("companionMode").asText());
        assertEquals(Map.of("art|scene", Map.of("art/scene.png", "eligible", "art/scene.psd", "not_allowed")),
                groups(report));
    }

    @Test
    void strictPassesWhenNothingIsSplit() throws Exception {
        TempTrees.file(content, "art/scene.png", "shipped");
        TempTrees.file(content, "art/scene.xmp", "shipped");
        TempTrees.file(content, "art/notes.pdf", "left out, alone");
        CliRun run = stager("--commit", "--allow-unknown", "--companions", "strict");
        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(TempTrees.exists(zip));
    }

    @Test
    void offListsNothingAndNeverRefuses() throws Exception {
        TempTrees.file(content, "art/scene.png", "shipped");
        TempTrees.file(content, "art/scene.psd", "not allowed");
        CliRun run = stager("--allow-unknown", "--companions", "off", "--json");
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode report = run.json();
        assertEquals("off", report.get("companionMode").asText());
        assertTrue(report.get("companions").isArray(), report.toString());
        assertEquals(0, report.get("companions").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"loose", "", "1", "warning", "on"})
    void anInvalidModeIsAUsageError(String mode) {
        TempTrees.file(content, "art/scene.png", "shipped");
        CliRun run = stager("--commit", "--companions", mode);
        assertEquals(2, run.exitCode(), "'" + mode + "'\n" + run.describe());
        assertTrue(run.err().contains("PZ_USAGE"), run.err());
        assertEquals(List.of(), TempTrees.list(out), "nothing written");
    }

    @Test
    void hiddenFilesNeverCount() throws Exception {
        TempTrees.file(content, "art/scene.png", "shipped");
        TempTrees.file(content, "art/.scene.psd", "hidden");
        TempTrees.file(content, "art/.scene", "hidden, no extension");
        TempTrees.file(content, ".cache/scene.png", "hidden folder");
        TempTrees.file(content, ".cache/scene.psd", "hidden folder");
        TempTrees.file(content, "art/.meta/scene.xmp", "hidden folder");
        CliRun run = stager("--companions", "strict", "--json");
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(0, run.json().get("companions").size(), run.json().get("companions").toString());
    }

    @Test
    void hiddenEntriesAreSkippedEvenIfTheyWereMarkedEligible() {
        // Straight at Companions.splitGroups: a hidden folder's files never form a group, whatever their decision.
        Classification classification = new Classification(List.of(
                item(".h/scene.png", new Decision.Included("png")),
                item(".h/scene.psd", new Decision.Excluded(Reason.NOT_ALLOWED, null)),
                item("v/.x/scene.png", new Decision.Included("png")),
                item("v/.x/scene.psd", new Decision.Excluded(Reason.HIDDEN, null)),
                item("v/scene.png", new Decision.Included("png")),
                item("v/scene.psd", new Decision.Excluded(Reason.NOT_ALLOWED, null))));
        List<Companions.SplitGroup> groups = Companions.splitGroups(classification);
        assertEquals(List.of(new Companions.SplitGroup("v", "scene", List.of(
                new Companions.Member("v/scene.png", "eligible"),
                new Companions.Member("v/scene.psd", "not_allowed")))), groups);
    }

    static Classification.Item item(String path, Decision decision) {
        return new Classification.Item(new ScannedEntry(path, Path.of("/nonexistent"), ScannedEntry.Kind.REGULAR,
                1, 0, null), decision);
    }
}
