package policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import support.CliRun;
import support.SafetyTrees;
import support.StagerProject;
import support.TempTrees;

/** Paths that would land on one name on Windows or macOS: equal after case folding or NFC. */
class NameCollisionsTest extends StagerProject {
    static final String ID = "p1";
    static final String CAFE_NFC = "caf\u00E9.txt";
    static final String CAFE_NFD = "cafe\u0301.txt";

    NameCollisionsTest() {
        super(ID, List.of("png", "txt"), "p1.zip");
    }

    CliRun dryRun(String... extra) {
        String[] all = new String[extra.length + 1];
        all[0] = "--json";
        System.arraycopy(extra, 0, all, 1, extra.length);
        return CliRun.stager(TempTrees.args(ID, content, data, zip, all));
    }

    static Map<String, String> details(JsonNode report) {
        Map<String, String> m = new LinkedHashMap<>();
        report.get("excluded").forEach(e -> m.put(e.get("path").asText(), e.path("detail").asText()));
        return m;
    }

    // ---- the key ----

    @Test
    void keyFoldsCaseAndUnicodeNormalForm() {
        assertEquals(NameCollisions.key("Photo.png"), NameCollisions.key("photo.png"));
        assertEquals(NameCollisions.key("PHOTO.PNG"), NameCollisions.key("photo.png"));
        assertEquals(NameCollisions.key(CAFE_NFC), NameCollisions.key(CAFE_NFD));
        assertEquals(NameCollisions.key("CAF\u00C9.TXT"), NameCollisions.key(CAFE_NFD));
        assertEquals(NameCollisions.key("Docs/Report.txt"), NameCollisions.key("docs/REPORT.txt"));
        assertNotEquals(NameCollisions.key("photo.png"), NameCollisions.key("photo1.png"));
        assertNotEquals(NameCollisions.key("cafe.txt"), NameCollisions.key(CAFE_NFC), "an accent is not case");
        assertNotEquals(NameCollisions.key("a/b.png"), NameCollisions.key("a.b.png"));
    }

    // ---- on real trees, through the CLI ----

    @Test
    void aCollisionBesideADeepTreeCostsTheTreesFoldersNotItsDepthTimesItsFiles() {
        // Issue 16: one X.txt / x.txt pair beside 4,000 files 900 levels deep took 101 s (2.9 s without the pair).
        java.nio.file.Path root = java.nio.file.Path.of("/content");
        java.util.List<Classification.Item> items = new java.util.ArrayList<>();
        for (String path : List.of("X.txt", "x.txt")) {
            items.add(new Classification.Item(new scan.ScannedEntry(path, root, scan.ScannedEntry.Kind.REGULAR, 1, 0, null),
                    Decision.Included.of("txt")));
        }
        String deep = "d/".repeat(900);
        for (int i = 0; i < 4_000; i++) {
            items.add(new Classification.Item(new scan.ScannedEntry(deep + "f" + i + ".txt", root, scan.ScannedEntry.Kind.REGULAR,
                    1, 0, null), Decision.Included.of("txt")));
        }
        List<Classification.Item> marked = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(30), () -> NameCollisions.mark(items));
        assertEquals(2, marked.stream().filter(i -> i.decision() instanceof Decision.Excluded).count());
    }

    @Test
    void caseCollisionRefusesEvenWithAllowUnknownAndListsBothFiles() {
        TempTrees.file(content, "Photo.png", "upper");
        TempTrees.file(content, "photo.png", "lower");
        TempTrees.file(content, "other.png", "fine");
        for (String[] extra : List.of(new String[0], new String[] {"--allow-unknown"})) {
            CliRun run = dryRun(extra);
            assertEquals(1, run.exitCode(), run.describe());
            JsonNode r = run.json();
            assertEquals("refused", r.get("status").asText());
            assertEquals("PZ_REFUSED", r.get("error").get("code").asText());
            assertEquals(Map.of("Photo.png", "name_collision", "photo.png", "name_collision"),
                    TempTrees.excludedReasons(r));
            assertEquals(List.of("other.png"), TempTrees.eligiblePaths(r));
            Map<String, String> details = details(r);
            assertTrue(details.get("Photo.png").contains("photo.png"), details.toString());
            assertTrue(details.get("photo.png").contains("Photo.png"), details.toString());
            assertEquals(2, r.get("totals").get("excludedByReason").get("name_collision").asInt());
        }
    }

    @Test
    @EnabledIf("support.TempTrees#utf8FileNames")
    void composedAndDecomposedNamesCollide() throws Exception {
        TempTrees.file(content, CAFE_NFC, "composed");
        TempTrees.file(content, CAFE_NFD, "decomposed");
        // Both really are two files here (Linux keeps names as bytes).
        assertEquals(2, SafetyTrees.list(content).size());
        CliRun run = dryRun("--allow-unknown");
        assertEquals(1, run.exitCode(), run.describe());
        JsonNode r = run.json();
        assertEquals(Map.of(CAFE_NFC, "name_collision", CAFE_NFD, "name_collision"), TempTrees.excludedReasons(r));
        assertEquals(List.of(), TempTrees.eligiblePaths(r));
    }

    @Test
    @EnabledIf("support.TempTrees#utf8FileNames")
    void collisionsInFoldersCountWholePaths() {
        TempTrees.file(content, "Docs/Report.txt", "1");
        TempTrees.file(content, "docs/report.TXT", "2");
        TempTrees.file(content, "caf\u00E9/x.png", "3");
        TempTrees.file(content, "CAFE\u0301/X.PNG", "4");
        CliRun run = dryRun("--allow-unknown");
        assertEquals(1, run.exitCode(), run.describe());
        assertEquals(Map.of("CAFE\u0301/X.PNG", "name_collision", "Docs/Report.txt", "name_collision",
                        "caf\u00E9/x.png", "name_collision", "docs/report.TXT", "name_collision"),
                TempTrees.excludedReasons(run.json()));
    }

    @Test
    void threeWayCollisionMarksEveryMemberAndNamesTheOthers() {
        TempTrees.file(content, "X.png", "1");
        TempTrees.file(content, "x.png", "2");
        TempTrees.file(content, "x.PNG", "3");
        CliRun run = dryRun("--allow-unknown");
        assertEquals(1, run.exitCode(), run.describe());
        Map<String, String> details = details(run.json());
        assertEquals(3, details.size(), details.toString());
        String d = details.get("x.png");
        assertTrue(d.contains("X.png") && d.contains("x.PNG"), d);
    }

    @Test
    void fileCollidingWithAFolderRefuses() {
        TempTrees.file(content, "a.txt", "file");
        TempTrees.file(content, "A.TXT/b.png", "in a folder of the same name");
        CliRun run = dryRun("--allow-unknown");
        assertEquals(1, run.exitCode(), run.describe());
        JsonNode r = run.json();
        assertEquals("name_collision", TempTrees.excludedReasons(r).get("a.txt"));
        assertTrue(details(r).get("a.txt").contains("A.TXT/"), details(r).toString());
        assertFalse(TempTrees.eligiblePaths(r).contains("a.txt"));
    }

    @Test
    void fileCollidingWithADeeperFolderRefuses() {
        TempTrees.file(content, "docs/Notes.txt", "file");
        TempTrees.file(content, "DOCS/notes.txt/deep/c.png", "folder path");
        CliRun run = dryRun("--allow-unknown");
        assertEquals(1, run.exitCode(), run.describe());
        assertEquals("name_collision", TempTrees.excludedReasons(run.json()).get("docs/Notes.txt"));
    }

    @Test
    void foldersThatMergeWithoutOverwritingAreNotACollision() {
        TempTrees.file(content, "a/x.png", "x");
        TempTrees.file(content, "A/y.png", "y");
        CliRun run = dryRun();
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode r = run.json();
        assertEquals(List.of("A/y.png", "a/x.png"), TempTrees.eligiblePaths(r));
        assertEquals(Map.of(), TempTrees.excludedReasons(r));
    }

    @Test
    void onlyShippedFilesCollide() {
        // A file that is left out anyway (symlink, hidden) cannot overwrite anything on the client's side.
        TempTrees.file(content, "a.png", "real");
        TempTrees.symlink(content.resolve("A.png"), content.resolve("a.png"));
        TempTrees.file(content, "b.png", "real");
        TempTrees.file(content, ".hidden/B.png", "hidden");
        TempTrees.file(content, "sub/.B.png", "hidden");
        CliRun run = dryRun("--allow-unknown");
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode r = run.json();
        assertEquals(List.of("a.png", "b.png"), TempTrees.eligiblePaths(r));
        assertEquals("symlink", TempTrees.excludedReasons(r).get("A.png"));
    }

    @Test
    void collisionRefusesACommitAndNothingShips() throws Exception {
        byte[] old = SafetyTrees.writeOldZip(zip);
        TempTrees.file(content, "Photo.png", "upper");
        TempTrees.file(content, "photo.png", "lower");
        TempTrees.file(content, "other.png", "fine");
        CliRun run = CliRun.stager(TempTrees.args(ID, content, data, zip, "--commit", "--allow-unknown"));
        assertEquals(1, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_REFUSED"), run.err());
        assertTrue(java.util.Arrays.equals(old, Files.readAllBytes(zip)), "the previous zip is untouched");
        JsonNode r = SafetyTrees.report(zip);
        assertEquals("refused", r.get("status").asText());
        assertEquals("name_collision", TempTrees.excludedReasons(r).get("photo.png"));
        assertEquals(SafetyTrees.reportsAnd("p1.zip", "p1.zip"), SafetyTrees.list(zip.getParent()));
    }
}
