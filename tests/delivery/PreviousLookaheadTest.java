package delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import console.Progress;
import errors.ErrorCode;
import errors.PrezipException;
import io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import provenance.RunRecord;
import support.HookTrees;
import support.StagerProject;
import support.StagerRequest;
import support.TempTrees;

/**
 * The previous delivery read beside the scan: a commit uses that read only while the files it read are
 * still those files, and reads again under the lock when they changed; a run that never takes it leaves
 * nothing open. The reads here run at once ({@code Runnable::run}), so the files change after them.
 */
class PreviousLookaheadTest extends StagerProject {
    PreviousLookaheadTest() {
        super("p1", List.of("txt"), "p1.zip");
    }

    StagerRequest request() {
        return new StagerRequest("p1", content, data, zip);
    }

    void commit() {
        assertEquals(0, Delivery.run(request().commit().build()).exitCode());
    }

    PreviousLookahead readNow(StagerRequest run) {
        return PreviousLookahead.start(run.build(), zip, Runnable::run);
    }

    /**
     * A commit's take of the read under the lock, which must follow the zip in place now (the run record's
     * previous_zip is its sha256); the zip it opened for copying is the caller's to close.
     */
    Redelivery.Opened followsTheZipInPlace(PreviousLookahead early, StagerRequest run, boolean finishedEarlierRun) throws IOException {
        PreviousLookahead.ForCommit found = early.forCommit(finishedEarlierRun, Progress.NONE, run.notices::add);
        assertEquals(Sha256.ofFile(zip).hex(), found.redelivery().inputs().stream().filter(i -> i.role().equals("previous_zip"))
                .map(RunRecord.Input::sha256).findFirst().orElse(null), "the previous zip the commit follows");
        return found.opened();
    }

    @Test
    void aDeliveryReplacedAfterTheReadIsReadAgainUnderTheLock() throws Exception {
        TempTrees.file(content, "a.txt", "alpha\n".repeat(30));
        commit();
        StagerRequest run = request().commit();
        try (PreviousLookahead early = readNow(run)) {
            // Another commit replaces the delivery while this run scans.
            TempTrees.file(content, "b.txt", "beta\n".repeat(30));
            commit();
            try (Redelivery.Opened opened = followsTheZipInPlace(early, run, false)) {
                assertNotNull(opened.entries().find("b.txt"), "the zip in place now is the one copied from");
            }
        }
        assertEquals(List.of(), run.notices);
    }

    @Test
    void aZipWrittenInPlaceAfterTheReadIsReadAgain() throws Exception {
        TempTrees.file(content, "a.txt", "alpha\n".repeat(30));
        commit();
        StagerRequest run = request().commit();
        try (PreviousLookahead early = readNow(run)) {
            HookTrees.flipByte(zip, 45);
            PreviousLookahead.ForCommit found = early.forCommit(false, Progress.NONE, run.notices::add);
            found.opened().close();
            assertEquals(List.of(), found.redelivery().inputs(), "compared as read now: its manifest no longer matches it");
        }
        assertEquals(1, run.notices.size());
        assertTrue(run.notices.get(0).text().contains("does not match"), run.notices.toString());
    }

    @Test
    void anInterruptedDeliveryFinishedUnderTheLockIsReadAgain() throws Exception {
        StagerRequest run = request().commit();
        // No delivery when the read ran: a first delivery, unless the one finished under the lock is read.
        try (PreviousLookahead early = readNow(run)) {
            TempTrees.file(content, "a.txt", "alpha\n".repeat(30));
            commit();
            followsTheZipInPlace(early, run, true).close();
        }
    }

    @Test
    void aDryRunSaysItsUnusableDeliveryAndAMissingSinceFailsAsBefore() {
        TempTrees.file(content, "a.txt", "alpha\n".repeat(30));
        commit();
        HookTrees.flipByte(zip, 45);
        StagerRequest run = request();
        try (PreviousLookahead early = readNow(run)) {
            assertEquals(List.of(), early.forDryRun(Progress.NONE, run.notices::add).inputs());
        }
        assertEquals(1, run.notices.size());
        StagerRequest missing = request().since(content.resolveSibling("nothing.zip"));
        try (PreviousLookahead early = readNow(missing)) {
            PrezipException e = assertThrows(PrezipException.class, () -> early.forDryRun(Progress.NONE, missing.notices::add));
            assertEquals(ErrorCode.PZ_USAGE, e.code());
        }
    }

    @Test
    void aRunThatNeverTakesTheReadLeavesThePreviousZipClosed() throws Exception {
        TempTrees.file(content, "a.txt", "alpha\n".repeat(30));
        commit();
        PreviousLookahead early = readNow(request().commit());
        assertTrue(descriptorsOn(zip) > 0, "opened for reuse");
        early.close();
        assertEquals(0, descriptorsOn(zip));
    }

    /** How many of this process's descriptors are open on {@code file} (Linux: /proc/self/fd). */
    static long descriptorsOn(Path file) throws IOException {
        Path real = file.toRealPath();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(real);
                } catch (IOException e) {
                    return false; // closed meanwhile
                }
            }).count();
        }
    }
}
