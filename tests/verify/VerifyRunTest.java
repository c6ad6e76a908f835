package verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import console.Progress;
import datadir.DataDir;
import errors.ErrorCode;
import errors.PrezipException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import support.StagerZipFixture;
import support.VerifyFixtures;

/** VerifyRun: verify_zip's inputs loaded only when a check needs them, in the command's order, and its report. */
class VerifyRunTest extends StagerZipFixture {
    /** Fails the test if called: an input the run must not load. */
    static <T> Supplier<T> never(String what) {
        return () -> {
            throw new AssertionError(what);
        };
    }

    static VerifyRun.Request request(Path zip, Path contentDir, String projectId, boolean scanSecrets, Supplier<DataDir> dataDir,
                                     Runnable requireUtf8FileNames) {
        return new VerifyRun.Request(zip, null, contentDir, projectId, scanSecrets, false, null, dataDir, requireUtf8FileNames,
                () -> Progress.NONE, null);
    }

    @Test
    void aZipThatIsNoFileIsRefusedBeforeAnythingIsLoaded() {
        PrezipException e = assertThrows(PrezipException.class, () -> VerifyRun.run(request(tmp.resolve("none.zip"), good.content(),
                VerifyFixtures.PROJECT, true, never("the data folder was resolved"), () -> fail("the file names were checked"))));
        assertEquals(ErrorCode.PZ_ZIP_MISSING, e.code());
    }

    @Test
    void withoutAProjectContentOrScanNothingIsLoadedAndTheManifestIsTheOneBesideTheZip() {
        VerifyReport report = VerifyRun.run(request(good.zip(), null, null, false, never("the data folder was resolved"),
                () -> fail("the file names were checked")));
        assertTrue(report.valid());
        assertEquals(4, report.entries());
        assertEquals(good.manifest().toString(), report.manifest());
    }

    @Test
    void everyInputIsLoadedThenTheFileNamesCheckedThenTheZipVerified() {
        List<String> steps = new ArrayList<>();
        VerifyReport report = VerifyRun.run(request(good.zip(), good.content(), VerifyFixtures.PROJECT, true, () -> {
            steps.add("data");
            return new DataDir(good.data());
        }, () -> steps.add("file names")));
        assertTrue(report.valid());
        assertEquals(List.of("data", "file names"), steps);
        assertTrue(report.checks().stream().map(VerifyReport.Check::code).toList()
                .containsAll(List.of("VZ_POLICY", "VZ_SECRET", "VZ_SOURCE_MISMATCH", "VZ_SOURCE_MISSING")), report.checks().toString());
    }

    @Test
    void anInputThatCannotBeLoadedIsItsOwnErrorBeforeTheFileNamesAreChecked() {
        PrezipException missing = assertThrows(PrezipException.class, () -> VerifyRun.run(request(good.zip(), good.content(), "nope",
                false, () -> new DataDir(good.data()), () -> fail("the file names were checked"))));
        assertEquals(ErrorCode.PZ_ALLOWLIST_MISSING, missing.code());
        PrezipException noContent = assertThrows(PrezipException.class, () -> VerifyRun.run(request(good.zip(), tmp.resolve("none"), null,
                false, () -> new DataDir(good.data()), () -> { })));
        assertEquals(ErrorCode.PZ_CONTENT_DIR_MISSING, noContent.code());
    }
}
