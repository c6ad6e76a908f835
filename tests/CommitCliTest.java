import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import errors.ErrorCode;
import errors.PrezipException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import support.CliRun;
import support.SafetyTrees;
import support.StagerProject;
import support.TempTrees;
import zip.ZipManifest;
import zip.ZipPolicyV1;

/** prezip_stager --commit through its command line: what is written, what is refused, and what stays. */
class CommitCliTest extends StagerProject {
    static final String ID = "p1";

    CommitCliTest() {
        super(ID, List.of("png", "txt"), "p1.zip");
    }

    CliRun stager(Path zipPath, String... extra) {
        return CliRun.stager(TempTrees.args(ID, content, data, zipPath, extra));
    }

    public CliRun stager(String... extra) {
        return stager(zip, extra);
    }

    /** What a successful commit leaves beside the zip (the lock file stays on purpose). */
    static List<String> deliveryFiles(String zipName) {
        return SafetyTrees.delivered(zipName);
    }

    void buildTree() {
        TempTrees.file(content, "b.txt", "bee");
        TempTrees.file(content, "a/z.png", "zed");
        TempTrees.file(content, "a/b/c.txt", "deep");
        TempTrees.file(content, "B.png", "upper B");
        TempTrees.file(content, ".DS_Store", "hidden, silently left out");
        TempTrees.file(content, "a/.cache/x.png", "hidden folder");
    }

    @Test
    void successWritesZipManifestAndReportAndRemovesStaging() throws Exception {
        buildTree();
        Map<String, String> before = TempTrees.snapshot(content);
        CliRun run = stager("--commit", "--json");
        assertEquals(0, run.exitCode(), run.describe());

        JsonNode printed = run.json();
        JsonNode report = SafetyTrees.report(zip);
        assertEquals(printed, report, "--json prints the report that is written");
        assertEquals("ok", report.get("status").asText());
        assertEquals("commit", report.get("mode").asText());
        assertFalse(report.has("error"));
        List<String> eligible = TempTrees.eligiblePaths(report);
        assertEquals(List.of("B.png", "a/b/c.txt", "a/z.png", "b.txt"), eligible);

        // The zip holds exactly the eligible files, in the same (v1) order, with their bytes.
        Map<String, byte[]> entries = SafetyTrees.zipContents(zip);
        assertEquals(eligible, new ArrayList<>(entries.keySet()));
        for (String path : eligible) {
            assertArrayEquals(Files.readAllBytes(content.resolve(path)), entries.get(path), path);
        }

        JsonNode manifest = TempTrees.readJson(ZipManifest.pathFor(zip));
        assertEquals(1, manifest.get("metadata").get("schema_version").asInt());
        List<String> manifestPaths = new ArrayList<>();
        manifest.get("entries").forEach(e -> manifestPaths.add(e.get("relative_path").asText()));
        assertEquals(eligible, manifestPaths);
        assertEquals("sha256:" + TempTrees.sha256("bee".getBytes(StandardCharsets.UTF_8)),
                manifest.get("entries").get(3).get("sha256_or_blake3").asText());
        assertEquals(TempTrees.sha256(Files.readAllBytes(zip)), manifest.get("zip_sha256").asText());

        assertEquals(deliveryFiles("p1.zip"), SafetyTrees.list(out), "no staging folder, no temp file");
        assertEquals(before, TempTrees.snapshot(content), "the content dir is never modified");
    }

    @Test
    void aSecondCommitReplacesTheZipWholeAndLeavesNothingBehind() throws Exception {
        buildTree();
        assertEquals(0, stager("--commit").exitCode());
        byte[] first = Files.readAllBytes(zip);
        TempTrees.file(content, "new.txt", "added later");
        CliRun run = stager("--commit");
        assertEquals(0, run.exitCode(), run.describe());
        assertFalse(java.util.Arrays.equals(first, Files.readAllBytes(zip)));
        assertTrue(SafetyTrees.zipEntries(zip).contains("new.txt"));
        assertEquals(deliveryFiles("p1.zip"), SafetyTrees.list(out));
    }

    @Test
    void refusedCommitLeavesNoZip() {
        buildTree();
        TempTrees.file(content, "doc.pdf", "not in the allowlist");
        CliRun run = stager("--commit");
        assertEquals(1, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_REFUSED"), run.err());
        assertFalse(TempTrees.exists(zip));
        JsonNode report = SafetyTrees.report(zip);
        assertEquals("refused", report.get("status").asText());
        assertEquals("commit", report.get("mode").asText());
        assertEquals("PZ_REFUSED", report.get("error").get("code").asText());
        assertEquals("not_allowed", TempTrees.excludedReasons(report).get("doc.pdf"));
        assertEquals(SafetyTrees.reportsAnd("p1.zip"), SafetyTrees.list(out));
    }

    @Test
    void refusedCommitKeepsTheExistingZipByteIdentical() throws Exception {
        buildTree();
        assertEquals(0, stager("--commit").exitCode());
        byte[] delivered = Files.readAllBytes(zip);
        byte[] manifest = Files.readAllBytes(ZipManifest.pathFor(zip));
        TempTrees.file(content, "doc.pdf", "not in the allowlist");
        CliRun run = stager("--commit");
        assertEquals(1, run.exitCode(), run.describe());
        assertArrayEquals(delivered, Files.readAllBytes(zip));
        assertArrayEquals(manifest, Files.readAllBytes(ZipManifest.pathFor(zip)));
        assertEquals("refused", SafetyTrees.report(zip).get("status").asText());
        assertEquals(deliveryFiles("p1.zip"), SafetyTrees.list(out));
    }

    @Test
    void forbidEmptyDirsRefusesAFolderLeftEmptyByExclusions() throws Exception {
        buildTree();
        TempTrees.file(content, "pdfs/only.pdf", "not allowed, left out with --allow-unknown");
        TempTrees.file(content, "junk/.DS_Store", "hidden, left out silently");
        CliRun run = stager("--commit", "--allow-unknown", "--forbid-empty-dirs");
        assertEquals(1, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_INVARIANT"), run.err());
        assertTrue(run.err().contains("pdfs") && run.err().contains("junk"), run.err());
        assertFalse(TempTrees.exists(zip));
        JsonNode report = SafetyTrees.report(zip);
        assertEquals("refused", report.get("status").asText());
        assertEquals("PZ_INVARIANT", report.get("error").get("code").asText());
        // Found from the scan, before any staging (so before the lock is even taken).
        assertEquals(SafetyTrees.reportsAnd("p1.zip"), SafetyTrees.list(out), "no zip, no manifest, no staging");
        CliRun dryRun = stager("--allow-unknown", "--forbid-empty-dirs");
        assertEquals(1, dryRun.exitCode(), "a dry-run tells the same: " + dryRun.describe());
        assertTrue(dryRun.err().contains("PZ_INVARIANT"), dryRun.err());

        // The same tree without the option ships.
        CliRun allowed = stager("--commit", "--allow-unknown");
        assertEquals(0, allowed.exitCode(), allowed.describe());
        assertEquals(List.of("B.png", "a/b/c.txt", "a/z.png", "b.txt"), SafetyTrees.zipEntries(zip));
    }

    @Test
    void outputZipInsideTheContentDirIsAUsageError() throws Exception {
        buildTree();
        Map<String, String> before = TempTrees.snapshot(content);
        for (Path inside : List.of(content.resolve("p1.zip"), content.resolve("a/b/p1.zip"))) {
            CliRun run = stager(inside, "--commit");
            assertEquals(2, run.exitCode(), run.describe());
            assertTrue(run.err().contains("PZ_OUTPUT_INSIDE_CONTENT"), run.err());
        }
        // Also through a symlinked output folder that points into the content dir.
        Path sneaky = TempTrees.symlink(tmp.resolve("sneaky"), content.resolve("a"));
        CliRun run = stager(sneaky.resolve("p1.zip"), "--commit");
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_OUTPUT_INSIDE_CONTENT"), run.err());
        assertEquals(before, TempTrees.snapshot(content), "nothing written into the content dir");
    }

    @Test
    void missingOutputFolderIsAUsageErrorAndNothingIsCreated() {
        buildTree();
        Path missing = tmp.resolve("nope/deeper");
        Path target = missing.resolve("p1.zip");
        CliRun run = stager(target, "--commit");
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_OUTPUT_DIR_MISSING"), run.err());
        assertTrue(run.err().contains("--mkdirs"), "the message says how to fix it: " + run.err());
        assertFalse(TempTrees.exists(tmp.resolve("nope")), "not created silently");

        CliRun made = stager(target, "--commit", "--mkdirs");
        assertEquals(0, made.exitCode(), made.describe());
        assertEquals(List.of("B.png", "a/b/c.txt", "a/z.png", "b.txt"), SafetyTrees.zipEntries(target));
        assertEquals(deliveryFiles("p1.zip"), SafetyTrees.list(missing));
    }

    @Test
    void dryRunWithAMissingOutputFolderCreatesNothing() {
        buildTree();
        Path target = tmp.resolve("nope/p1.zip");
        CliRun run = stager(target, "--mkdirs");
        assertEquals(0, run.exitCode(), run.describe());
        assertFalse(TempTrees.exists(tmp.resolve("nope")));
    }

    @Test
    void sourceDateEpochIsRoundedDownToEvenSeconds() {
        assertEquals(315532800000L, ZipPolicyV1.fixedEpochMs("315532801"));
        assertEquals(315532802000L, ZipPolicyV1.fixedEpochMs("315532802"));
        assertEquals(315532800000L, ZipPolicyV1.fixedEpochMs("315532800"));
        assertEquals(1700000000000L, ZipPolicyV1.fixedEpochMs("1700000001"));
        assertEquals(ZipPolicyV1.DEFAULT_EPOCH_MS, ZipPolicyV1.fixedEpochMs(null));
        assertEquals(ZipPolicyV1.DEFAULT_EPOCH_MS, ZipPolicyV1.fixedEpochMs(""));
    }

    @Test
    void invalidSourceDateEpochIsAUsageError() {
        for (String bad : List.of("abc", "100", "9999999999", "-1", "1.5", "315532799")) {
            PrezipException e = assertThrows(PrezipException.class, () -> ZipPolicyV1.fixedEpochMs(bad), bad);
            assertEquals(ErrorCode.PZ_EPOCH_INVALID, e.code(), bad);
            assertEquals(2, e.exitCode(), bad);
        }
    }

    @Test
    void previewCapabilityPrintsTheMetadataRecord() {
        CliRun run = CliRun.stager("--preview-capability", "zip_packaging");
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode m = run.json();
        assertEquals(1, m.get("schema_version").asInt());
        assertEquals("zip", m.get("format").asText());
        assertEquals("lexicographic_path", m.get("entry_order").asText());
        assertEquals("fixed_epoch_ms", m.get("timestamp_policy").asText());
        assertEquals("normalized_posix_mode", m.get("permission_policy").asText());
        assertEquals("", run.err());
    }

    @Test
    void previewOfAnUnknownCapabilityIsAUsageError() {
        CliRun run = CliRun.stager("--preview-capability", "nope");
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("KC_DRAFT_PREVIEW_UNKNOWN_CAPABILITY"), run.err());
        assertEquals("", run.out());
    }
}
