package commit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import errors.ErrorCode;
import errors.PrezipException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import report.StagerReport;
import support.CliRun;
import support.SafetyTrees;
import support.StagerProject;
import support.TempTrees;
import zip.ZipManifest;

/** One commit per output zip at a time: a second one refuses clearly and never interleaves. */
class OutputLockTest extends StagerProject {
    static final String ID = "p1";

    OutputLockTest() {
        super(ID, List.of("png", "txt"), "p1.zip");
    }

    @BeforeEach
    void files() {
        TempTrees.file(content, "a.txt", "a");
        TempTrees.file(content, "b/c.png", "c");
    }

    CliRun commit(Path target) {
        return CliRun.stager(TempTrees.args(ID, content, data, target, "--commit"));
    }

    @Test
    void aFifoAtTheLockPathIsRefusedByNameNeverOpened() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TempTrees.canMakeFifo(), "needs mkfifo");
        TempTrees.fifo(OutputLock.lockFileFor(zip));
        for (boolean commit : new boolean[] {false, true}) {
            CliRun run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                    () -> commit ? commit(zip) : CliRun.stager(TempTrees.args(ID, content, data, zip)));
            assertEquals(3, run.exitCode(), run.describe());
            assertTrue(run.err().contains("PZ_IO") && run.err().contains("is not a regular file"), run.err());
        }
    }

    @Test
    void aRefusedCommitNeverReplacesTheReportsOfACommitThatHoldsTheLock() throws Exception {
        // Refused before it took the lock, a run wrote its report beside the other run's fresh zip.
        TempTrees.file(content, "tool.exe", "banned");
        java.nio.file.Path reportFile = zip.resolveSibling(zip.getFileName() + ".report.json");
        TempTrees.writeString(reportFile, "{\"status\": \"ok\", \"of\": \"the run holding the lock\"}");
        try (OutputLock held = OutputLock.acquire(zip)) {
            CliRun refused = commit(zip);
            assertEquals(1, refused.exitCode(), refused.describe());
            assertTrue(refused.err().contains("PZ_REFUSED"), refused.err());
            assertTrue(refused.err().contains("its reports stand"), refused.err());
            assertTrue(TempTrees.readString(reportFile).contains("the run holding the lock"));
        }
        CliRun refused = commit(zip);
        assertEquals(1, refused.exitCode(), refused.describe());
        assertEquals("refused", TempTrees.readJson(reportFile).get("status").asText(), "with the lock free, its report is written");
        assertEquals(List.of(), SafetyTrees.leftovers(out), "no journal, temp file or lock left");
    }

    @Test
    void aCommitRefusesWhileAnotherHoldsTheLockAndWorksOnceItIsReleased() throws Exception {
        byte[] old = SafetyTrees.writeOldZip(zip);
        try (OutputLock held = OutputLock.acquire(zip)) {
            CliRun run = commit(zip);
            assertEquals(1, run.exitCode(), run.describe());
            assertTrue(run.err().contains("PZ_OUTPUT_LOCKED"), run.err());
            assertArrayEquals(old, Files.readAllBytes(zip), "nothing written while locked");
            assertFalse(TempTrees.exists(ZipManifest.pathFor(zip)));
            assertEquals(List.of(), SafetyTrees.leftovers(out));
            assertFalse(TempTrees.exists(StagerReport.pathFor(zip)), "the holder's report is not overwritten");
        }
        CliRun run = commit(zip);
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(List.of("a.txt", "b/c.png"), SafetyTrees.zipEntries(zip));
        assertEquals(SafetyTrees.delivered("p1.zip"), SafetyTrees.list(out), "nothing but the delivery: the lock file went with the lock");
    }

    @Test
    void noZipIsCreatedWhileLocked() {
        try (OutputLock held = OutputLock.acquire(zip)) {
            CliRun run = commit(zip);
            assertEquals(1, run.exitCode(), run.describe());
            assertFalse(TempTrees.exists(zip));
            // The run holding the lock owns the reports: the one turned away writes none (nor deletes the lock file).
            assertEquals(List.of(".p1.zip.prezip-lock"), SafetyTrees.list(out));
        }
    }

    @Test
    void theLockIsAnOsLockSeenByAnotherProcess() throws Exception {
        try (OutputLock held = OutputLock.acquire(zip)) {
            Path log = tmp.resolve("child.log");
            Process child = SafetyTrees.startStager(log, TempTrees.args(ID, content, data, zip, "--commit"));
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            String text = TempTrees.readString(log);
            assertEquals(1, child.exitValue(), text);
            assertTrue(text.contains("PZ_OUTPUT_LOCKED"), text);
            assertFalse(TempTrees.exists(zip));
        }
    }

    @Test
    void aSecondAcquireInTheSameProcessRefuses() {
        try (OutputLock first = OutputLock.acquire(zip)) {
            PrezipException e = assertThrows(PrezipException.class, () -> OutputLock.acquire(zip));
            assertEquals(ErrorCode.PZ_OUTPUT_LOCKED, e.code());
            assertEquals(1, e.exitCode());
        }
        // Released: the file went with it, and it can be taken again.
        assertFalse(TempTrees.exists(OutputLock.lockFileFor(zip)));
        OutputLock.acquire(zip).close();
    }

    @Test
    void aLockFileAKilledRunLeftBlocksNobodyAndGoes() {
        // A SIGKILL leaves the file (the OS drops the lock): the next commit takes it, and removes it.
        TempTrees.writeString(OutputLock.lockFileFor(zip), "");
        CliRun run = commit(zip);
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(SafetyTrees.delivered("p1.zip"), SafetyTrees.list(out));
    }

    @Test
    void aLockOnAFileNoLongerAtThePathIsNotTheLock() throws Exception {
        // What a run sees when the holder deleted the file between this run's open and its lock.
        Path file = OutputLock.lockFileFor(zip);
        try (var deleted = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE)) {
            assertEquals(Boolean.TRUE, OutputLock.holdsTheFileAtThePath(file), "this process has the file at the path open");
            Files.delete(file);
            assertEquals(Boolean.FALSE, OutputLock.holdsTheFileAtThePath(file), "deleted: there is none");
            Files.writeString(file, "another run's");
            assertEquals(Boolean.FALSE, OutputLock.holdsTheFileAtThePath(file), "recreated: another file, not the one open");
        }
    }

    @Test
    void aLinkPlantedAtTheLockPathIsRefusedAndNeverFollowed() throws Exception {
        Path target = tmp.resolve("elsewhere/created-through-the-link");
        Files.createDirectories(target.getParent());
        Files.createSymbolicLink(OutputLock.lockFileFor(zip), target);
        CliRun run = commit(zip);
        assertEquals(3, run.exitCode(), run.describe());
        assertTrue(run.err().contains("symbolic link"), run.describe());
        assertFalse(Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS), "the link's target was not created");
        assertFalse(TempTrees.exists(zip));
    }

    @Test
    void aLockOnAnotherZipInTheSameFolderDoesNotBlock() {
        try (OutputLock other = OutputLock.acquire(out.resolve("other.zip"))) {
            CliRun run = commit(zip);
            assertEquals(0, run.exitCode(), run.describe());
        }
    }

    @Test
    void aDryRunFailsAsTheCommitWouldWhileTheLockIsHeldAndLeavesItAlone() throws Exception {
        // A dry-run that says ok must mean the commit can start (issue 17); it takes and creates nothing.
        Path lockFile = OutputLock.lockFileFor(zip);
        try (OutputLock held = OutputLock.acquire(zip)) {
            CliRun run = CliRun.stager(TempTrees.args(ID, content, data, zip));
            assertEquals(1, run.exitCode(), run.describe());
            assertTrue(run.err().contains("PZ_OUTPUT_LOCKED"), run.describe());
            assertTrue(java.nio.file.Files.exists(lockFile), "the holder's lock file is untouched");
        }
        assertFalse(java.nio.file.Files.exists(lockFile));
        CliRun free = CliRun.stager(TempTrees.args(ID, content, data, zip));
        assertEquals(0, free.exitCode(), free.describe());
        assertFalse(java.nio.file.Files.exists(lockFile), "a dry-run creates no lock file");
    }

    /**
     * A live commit to "p1.zip-b" (its lock held) has a staging folder beside it; a commit to "p1.zip" in the
     * same folder must not sweep it away as its own leftover.
     */
    @Test
    void theLeftoverSweepLeavesAnotherZipsLiveStagingAlone() throws Exception {
        try (OutputLock otherRun = OutputLock.acquire(out.resolve("p1.zip-b"));
             OutputLock thirdRun = OutputLock.acquire(out.resolve("p1.zip.old"))) {
            Path liveStaging = TempTrees.file(out, ".prezip-staging-p1.zip-b-0b3f5a52-1111-2222-3333-444455556666/x.txt", "live")
                    .getParent();
            Path liveTemp = TempTrees.file(out, ".p1.zip.old.8c1e7b0a-1111-2222-3333-444455556666.tmp", "live temp of p1.zip.old");
            CliRun run = commit(zip);
            assertEquals(0, run.exitCode(), run.describe());
            assertTrue(TempTrees.exists(liveStaging), "the other run's staging must survive: " + SafetyTrees.list(out));
            assertTrue(TempTrees.exists(liveTemp), "the other zip's temp must survive: " + SafetyTrees.list(out));
        }
    }
}
