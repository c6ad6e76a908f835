package delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import console.Progress;
import console.Timings;
import errors.ErrorCode;
import errors.PrezipException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import report.SummaryPrinter;
import secrets.SecretFinding;
import secrets.SecretsFound;
import support.SecretCorpus;
import support.StagerProject;
import support.StagerRequest;
import support.TempTrees;

/** The gate before staging: each reason a judged run stops for, and which one it gives when several apply. */
class StopReasonsTest extends StagerProject {
    StopReasonsTest() {
        super("p1", List.of("png", "txt"), "p1.zip");
    }

    StagerRequest run() {
        return new StagerRequest("p1", content, data, zip);
    }

    /** The request with every optional check on: --forbid-empty-dirs and --companions strict. */
    StagerRequest everyCheck() {
        return run().forbidEmptyDirs().companions("strict");
    }

    static Optional<PrezipException> stop(StagerRequest run) {
        Loaded loaded = Loaded.of(run.build(), System.nanoTime());
        Target target = Target.of(loaded);
        return StopReasons.first(Judged.of(loaded, target, Progress.NONE, new Timings()), target.zip());
    }

    static ErrorCode code(StagerRequest run) {
        return stop(run).orElseThrow().code();
    }

    void plantCredential(String path) {
        TempTrees.file(content, path, new SecretCorpus(28).onePerRule().get("github-token").text());
    }

    @Test
    void aCleanTreeHasNoReasonEvenWithEveryCheckOn() {
        TempTrees.file(content, "shots/a.png", "png");
        TempTrees.file(content, "notes.txt", "fine");
        TempTrees.file(content, ".DS_Store", "hidden, left out quietly");
        assertEquals(Optional.empty(), stop(everyCheck()));
    }

    @Test
    void aCredentialTheDryRunFindsStopsItWithTheFindings() {
        plantCredential("notes/keys.txt");
        PrezipException stop = stop(run()).orElseThrow();
        assertEquals(ErrorCode.PZ_SECRET_FOUND, stop.code());
        assertEquals(List.of("notes/keys.txt"), ((SecretsFound) stop).findings().stream().map(SecretFinding::path).toList());
    }

    @Test
    void aCommitsGateReadsNoContentItsCopyingPassFindsTheCredential() {
        plantCredential("notes/keys.txt");
        assertEquals(Optional.empty(), stop(run().commit()));
    }

    @Test
    void filesThePolicyRefusesStopWithTheInventoryCommandThatAllowsThem() {
        TempTrees.file(content, "a.png", "png");
        TempTrees.file(content, "raw/plate.exr", "exr");
        PrezipException stop = stop(run()).orElseThrow();
        assertEquals(ErrorCode.PZ_REFUSED, stop.code());
        assertEquals("1 file may not ship (not_allowed 1). Types not in the allowlist: .exr \u00d7 1; if the client asked for them:"
                + " ./jbang inventory --project-id p1 --add-override exr. Or pass --allow-unknown to leave them out", stop.getMessage());
        assertEquals(Optional.empty(), stop(run().allowUnknown()));
    }

    @Test
    void foldersLeftEmptyStopOnlyWithForbidEmptyDirsAndTheFirstFewAreNamed() throws IOException {
        TempTrees.file(content, "a.png", "png");
        TempTrees.file(content, "raw/plate.exr", "exr");
        assertEquals(Optional.empty(), stop(run().allowUnknown()));
        PrezipException stop = stop(run().allowUnknown().forbidEmptyDirs()).orElseThrow();
        assertEquals(ErrorCode.PZ_INVARIANT, stop.code());
        assertEquals("1 folder would reach the client empty (--forbid-empty-dirs): raw", stop.getMessage());

        int many = SummaryPrinter.PATHS_PER_REASON + 1;
        for (int i = 0; i < many; i++) {
            Files.createDirectories(content.resolve("empty" + i));
        }
        String named = String.join(", ", IntStream.range(0, SummaryPrinter.PATHS_PER_REASON).mapToObj(i -> "empty" + i).toList());
        assertEquals((many + 1) + " folders would reach the client empty (--forbid-empty-dirs): " + named,
                stop(run().allowUnknown().forbidEmptyDirs()).orElseThrow().getMessage());
    }

    @Test
    void aSplitCompanionGroupStopsOnlyInStrictMode() {
        TempTrees.file(content, "shot.png", "png");
        TempTrees.file(content, "shot.exr", "exr");
        assertEquals(Optional.empty(), stop(run().allowUnknown()));
        PrezipException stop = stop(run().allowUnknown().companions("strict")).orElseThrow();
        assertEquals(ErrorCode.PZ_COMPANIONS_SPLIT, stop.code());
        assertEquals("1 companion group would be split: " + ErrorCode.PZ_COMPANIONS_SPLIT.advice(), stop.getMessage());
    }

    @Test
    void credentialsComeBeforeRefusedFilesBeforeEmptyFoldersBeforeSplitCompanions() throws IOException {
        plantCredential("keys.txt");
        TempTrees.file(content, "raw/plate.exr", "refused, and leaves raw/ empty");
        TempTrees.file(content, "shot.png", "png");
        TempTrees.file(content, "shot.exr", "refused, and splits shot.*");
        assertEquals(ErrorCode.PZ_SECRET_FOUND, code(everyCheck()));
        Files.delete(content.resolve("keys.txt"));
        assertEquals(ErrorCode.PZ_REFUSED, code(everyCheck()));
        assertEquals(ErrorCode.PZ_INVARIANT, code(everyCheck().allowUnknown()));
        assertEquals(ErrorCode.PZ_COMPANIONS_SPLIT, code(run().allowUnknown().companions("strict")));
    }
}
