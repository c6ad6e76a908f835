package delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import changes.DeliveryChanges;
import console.Progress;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import report.StagerReport;
import support.HookTrees;
import support.StagerProject;
import support.StagerRequest;
import support.TempTrees;
import zip.PreviousEntries;

/** The re-delivery side of a run: the previous delivery found, said when unusable, compared, opened for reuse. */
class RedeliveryTest extends StagerProject {
    RedeliveryTest() {
        super("p1", List.of("txt"), "p1.zip");
    }

    StagerRequest request() {
        return new StagerRequest("p1", content, data, zip);
    }

    void delivered() {
        TempTrees.file(content, "a.txt", "alpha\n".repeat(30));
        assertEquals(0, Delivery.run(request().commit().build()).exitCode());
    }

    /** What a run looks up before the zip, said as a run says it. */
    Redelivery lookedUp(StagerRequest run) {
        Redelivery redelivery = Redelivery.lookUp(null, zip);
        redelivery.sayIfUnusable(run.notices::add);
        return redelivery;
    }

    @Test
    void aFirstDeliveryHasNothingToCompareOrCopy() throws Exception {
        StagerRequest run = request();
        Redelivery first = lookedUp(run);
        assertEquals(List.of(), first.inputs());
        assertNull(first.forDryRun(List.of(), run.build(), Progress.NONE));
        try (Redelivery.Opened opened = first.openForReuse(false, Progress.NONE)) {
            assertSame(PreviousEntries.NONE, opened.entries());
            assertNull(opened.notReused());
        }
        assertEquals(List.of(), run.notices);
    }

    @Test
    void anUnusablePreviousDeliveryIsSaidOnceAndReportedNotCompared() {
        delivered();
        HookTrees.flipByte(zip, 45);
        StagerRequest run = request();
        Redelivery unusable = lookedUp(run);
        assertEquals(1, run.notices.size());
        assertTrue(run.notices.get(0).text().contains("is not compared"), run.notices.toString());
        assertEquals(List.of(), unusable.inputs());
        DeliveryChanges changes = unusable.forDryRun(List.of(), run.build(), Progress.NONE);
        assertTrue(changes.notCompared().contains("does not match"), changes.notCompared());
    }

    @Test
    void namesOnlyDoesNotCompareAndNoReuseOpensNothing() throws Exception {
        delivered();
        StagerRequest run = request();
        Redelivery found = lookedUp(run);
        assertEquals(2, found.inputs().size());
        DeliveryChanges namesOnly = found.forDryRun(List.of(), namesOnlyRequest(), Progress.NONE);
        assertTrue(namesOnly.notCompared().contains("--names-only"), namesOnly.notCompared());
        try (Redelivery.Opened opened = found.openForReuse(true, Progress.NONE)) {
            assertSame(PreviousEntries.NONE, opened.entries());
            assertEquals("--no-reuse was given", opened.notReused());
        }
        try (Redelivery.Opened opened = found.openForReuse(false, Progress.NONE)) {
            assertNull(opened.notReused());
            assertEquals("a.txt", opened.entries().find("a.txt").path());
        }
    }

    /** A dry-run with --names-only. */
    DeliveryRequest namesOnlyRequest() {
        DeliveryRequest r = request().build();
        return new DeliveryRequest(r.projectId(), r.contentDir(), r.outputZip(), false, false, false, false, null, "warn", null, 2,
                null, true, r.data(), "", r.arguments(), r.statusLine(), r.notices(), null, false);
    }

    @Test
    void aDeliveredReCommitsReportCarriesTheChangesAndItsDashboardLineTheCounts() throws Exception {
        delivered();
        TempTrees.file(content, "b.txt", "beta\n");
        DeliveryOutcome outcome = Delivery.run(request().commit().build());
        StagerReport report = outcome.report();
        assertEquals(new DeliveryChanges.Totals(1, 0, 0, 1), report.changes().totals());
        assertEquals(1, report.changes().reuse().entries());
        List<String> lines = HookTrees.dashboardLines(data);
        String last = lines.get(lines.size() - 1);
        assertTrue(last.contains("\"changes\":{\"added\":1,\"removed\":0,\"changed\":0,\"unchanged\":1}"), last);
        assertTrue(Files.exists(zip));
    }
}
