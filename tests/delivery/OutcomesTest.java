package delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import commit.OutputLock;
import console.Progress;
import console.Timings;
import errors.ErrorCode;
import errors.PrezipException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import report.HtmlReport;
import report.StagerReport;
import support.HookTrees;
import support.StagerProject;
import support.StagerRequest;
import support.TempTrees;

/** A run that stops: the report it ends with, and what it writes on a dry-run and on a commit. */
class OutcomesTest extends StagerProject {
    static final PrezipException REFUSED = new PrezipException(ErrorCode.PZ_REFUSED, "refused by the test");

    OutcomesTest() {
        super("p1", List.of("png", "txt"), "p1.zip");
    }

    @BeforeEach
    void buildTree() {
        TempTrees.file(content, "a.png", "png");
    }

    StagerRequest run() {
        return new StagerRequest("p1", content, data, zip);
    }

    /** The run judged, then stopped for {@code error}. */
    static DeliveryOutcome stop(StagerRequest run, PrezipException error, boolean lockHeld) {
        Loaded loaded = Loaded.of(run.build(), System.nanoTime());
        Target target = Target.of(loaded);
        Judged judged = Judged.of(loaded, target, Progress.NONE, new Timings());
        return new Outcomes(loaded, target, new Timings()).stopped(judged.report(), error, lockHeld);
    }

    /** The paths under {@code tmp} added, removed or changed since {@code before}. */
    /**
     * The files added or changed since the snapshot. A folder's own time is left out: it moves with the
     * files written in it only when the clock ticked between the snapshot and the write.
     */
    Set<String> changedSince(Map<String, String> before) {
        Map<String, String> after = TempTrees.snapshot(tmp);
        Set<String> changed = new TreeSet<>(before.keySet());
        changed.addAll(after.keySet());
        changed.removeIf(path -> Objects.equals(before.get(path), after.get(path)) || path.endsWith("/") && before.containsKey(path));
        return changed;
    }

    @Test
    void aStoppedDryRunWritesItsPageAndNothingElse() throws IOException {
        Path page = Files.createDirectories(tmp.resolve("pages")).resolve("p1.html");
        Map<String, String> before = TempTrees.snapshot(tmp);
        DeliveryOutcome outcome = stop(run().html(page), REFUSED, false);
        assertEquals(Set.of("pages/p1.html"), changedSince(before));
        assertTrue(TempTrees.readString(page).contains("prezip report: p1 (refused)"));
        assertEquals(REFUSED, outcome.error());
        assertEquals(new StagerReport.Problem("PZ_REFUSED", "refused by the test"), outcome.report().error());
        assertEquals(List.of(), outcome.hookFiles());
        assertNull(outcome.manifest());
    }

    @Test
    void aStopThatIsNoRefusalIsAFailure() {
        DeliveryOutcome outcome = stop(run(), new PrezipException(ErrorCode.PZ_IO, "disk gone"), false);
        assertEquals(StagerReport.FAILED, outcome.report().status());
        assertEquals(StagerReport.REFUSED, stop(run(), REFUSED, false).report().status());
    }

    @Test
    void aStoppedCommitWritesItsReportAndPageBesideTheZipAndLogsItsAttempt() {
        Path page = tmp.resolve("p1.html");
        StagerRequest run = run().commit().html(page);
        stop(run, REFUSED, false);
        JsonNode report = TempTrees.readJson(StagerReport.pathFor(zip));
        assertEquals(StagerReport.REFUSED, report.get("status").asText());
        assertEquals("PZ_REFUSED", report.get("error").get("code").asText());
        assertTrue(TempTrees.readString(HtmlReport.pathFor(zip)).contains("prezip report: p1 (refused)"));
        assertTrue(TempTrees.readString(page).contains("prezip report: p1 (refused)"));
        assertFalse(Files.exists(zip));

        List<String> lines = HookTrees.dashboardLines(data);
        assertEquals(lines, run.said(Notice.Kind.LOG_LINE));
        assertEquals("PZ_REFUSED", HookTrees.parseJson(lines.get(0)).get("errorCode").asText());
    }

    @Test
    void aStopForTheLockLeavesTheReportsOfTheRunHoldingItAndIsLogged() {
        TempTrees.writeString(StagerReport.pathFor(zip), "the holder's report");
        TempTrees.writeString(HtmlReport.pathFor(zip), "the holder's page");
        StagerRequest run = run().commit();
        try (OutputLock held = OutputLock.acquire(zip)) {
            stop(run, new PrezipException(ErrorCode.PZ_OUTPUT_LOCKED, "held"), false);
        }
        assertEquals("the holder's report", TempTrees.readString(StagerReport.pathFor(zip)));
        assertEquals("the holder's page", TempTrees.readString(HtmlReport.pathFor(zip)));
        assertEquals("PZ_OUTPUT_LOCKED", HookTrees.parseJson(HookTrees.dashboardLines(data).get(0)).get("errorCode").asText());
        assertEquals(List.of(), run.said(Notice.Kind.ERROR));
    }

    @Test
    void aStoppedCommitWritesItsReportsOnlyUnderTheZipsLock() {
        StagerRequest run = run().commit();
        try (OutputLock held = OutputLock.acquire(zip)) {
            stop(run, REFUSED, false);
        }
        assertFalse(Files.exists(StagerReport.pathFor(zip)));
        assertEquals(List.of(new Notice(Notice.Kind.ERROR, ErrorCode.PZ_OUTPUT_LOCKED, "another commit to " + zip
                + " is running: its reports stand, this run's report is printed only")),
                run.notices.stream().filter(n -> n.kind() == Notice.Kind.ERROR).toList());

        try (OutputLock ours = OutputLock.acquire(zip)) {
            stop(run().commit(), REFUSED, true);
        }
        assertEquals(StagerReport.REFUSED, TempTrees.readJson(StagerReport.pathFor(zip)).get("status").asText());
    }
}
