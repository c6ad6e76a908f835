package commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import errors.ErrorCode;
import errors.PrezipException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import policy.BanRules;
import policy.Classifier;
import scan.PathOrder;
import support.TempTrees;
import zip.StagedFile;

/** The invariants checked on the staging tree itself, against the list of files the run staged. */
class StagingInvariantsTest {
    static final Classifier CLASSIFIER = new Classifier(Set.of("png", "txt"), BanRules.load(TempTrees.repoGlobalBans()));

    @TempDir
    Path staging;

    /** Writes each file into staging and returns them as staged, in v1 order. */
    List<StagedFile> stage(String... paths) {
        List<StagedFile> staged = new ArrayList<>();
        for (String path : paths) {
            TempTrees.file(staging, path, path);
            staged.add(StagedFile.of(path, path.length(), new byte[32]));
        }
        staged.sort((a, b) -> PathOrder.UTF8_BYTES.compare(a.relativePath(), b.relativePath()));
        return staged;
    }

    String violations(List<StagedFile> staged, boolean forbidEmptyDirs) {
        PrezipException e = assertThrows(PrezipException.class,
                () -> StagingInvariants.check(staging, staged, CLASSIFIER, forbidEmptyDirs));
        assertEquals(ErrorCode.PZ_INVARIANT, e.code());
        return e.getMessage();
    }

    @Test
    void exactlyTheStagedFilesPass() {
        StagingInvariants.check(staging, stage("a.txt", "b/c.png", "b/d/e.txt"), CLASSIFIER, true);
    }

    @Test
    @EnabledIf("support.TempTrees#utf8FileNames")
    void manyFilesWhoseUtf16AndUtf8OrdersDifferAreAllFound() {
        // U+FF21 sorts after U+1F600 in UTF-16 (a surrogate pair starts with 0xD83D) but before it in UTF-8:
        // files are looked up in v1 (UTF-8) order, and every one of them must be found.
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String name = List.of("Z", "a", "\u00e9", "\uFF21", "\uD83D\uDE00").get(i % 5) + i + ".txt";
            paths.add((i % 3 == 0 ? "" : "dir" + (i % 4) + "/") + name);
        }
        StagingInvariants.check(staging, stage(paths.toArray(String[]::new)), CLASSIFIER, false);
    }

    @Test
    void aFileThatWasNotStagedIsNamed() {
        List<StagedFile> staged = stage("a.txt");
        TempTrees.file(staging, "extra.txt", "not ours");
        assertTrue(violations(staged, false).contains("extra.txt was not staged by this run"));
    }

    @Test
    void aStagedFileThatIsGoneIsNamed() throws Exception {
        List<StagedFile> staged = stage("a.txt", "b/gone.png", "c.txt");
        Files.delete(staging.resolve("b/gone.png"));
        String message = violations(staged, false);
        assertTrue(message.contains("b/gone.png is missing from staging"), message);
        assertTrue(!message.contains("a.txt") && !message.contains("c.txt"), message);
    }

    @Test
    void hiddenBannedOrUnlistedFilesInStagingAreNamedWithTheirReason() {
        List<StagedFile> staged = stage("a.txt");
        TempTrees.file(staging, ".secret.txt", "hidden");
        TempTrees.file(staging, "run.exe", "banned");
        TempTrees.file(staging, "notes.doc", "not in the allowlist");
        String message = violations(staged, false);
        assertTrue(message.contains(".secret.txt is hidden"), message);
        assertTrue(message.contains("run.exe is banned_type"), message);
        assertTrue(message.contains("notes.doc is not_allowed"), message);
    }

    @Test
    void aSymlinkInStagingIsNamed() throws Exception {
        List<StagedFile> staged = stage("a.txt");
        TempTrees.symlink(staging.resolve("link.txt"), staging.resolve("a.txt"));
        assertTrue(violations(staged, false).contains("link.txt is symlink"));
    }

    @Test
    void anEmptyFolderIsAViolationOnlyWhenForbidden() throws Exception {
        List<StagedFile> staged = stage("a.txt");
        Files.createDirectories(staging.resolve("empty"));
        StagingInvariants.check(staging, staged, CLASSIFIER, false);
        assertTrue(violations(staged, true).contains("empty folder empty"));
    }
}
