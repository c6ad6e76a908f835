package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import support.HtmlPages;

/** The top of the dashboard: which log, how old the snapshot is, skipped lines, and the counts as cards. */
class DashboardOverviewSectionTest {
    static final Path LOG = Path.of("/data/dashboard/summary.jsonl");

    static String header(DashboardPage.Log log, Instant at) {
        StringBuilder b = new StringBuilder();
        DashboardOverviewSection.header(b, log, at);
        return b.toString();
    }

    @Test
    void theHeaderSaysWhichLogAndWhenAndItsNewestRun() {
        List<DashboardPage.Run> runs = List.of(DashboardPageTest.run("2026-11-29T17:01:02.9Z", "q", "ok", Map.of(), 0),
                DashboardPageTest.run("2026-11-28T09:00:00Z", "p", "ok", Map.of(), 1));
        String html = header(new DashboardPage.Log(LOG, true, runs, 0), Instant.parse("2026-11-29T17:04:37.5Z"));
        assertEquals(LOG.toString(), HtmlPages.idText(html, "summary-file"));
        assertEquals("2026-11-29 17:04:37Z", HtmlPages.idText(html, "generated-at"));
        assertTrue(html.contains("title=\"2026-11-29T17:04:37.500Z\""), "the exact instant in the tooltip");
        assertEquals("2026-11-29 17:01:02Z", HtmlPages.idText(html, "newest-run"));
        assertTrue(HtmlPages.idText(html, "snapshot").startsWith("A snapshot of the log when it was rendered"));
        assertFalse(html.contains("malformed"), "no skipped line, no notice");
    }

    @Test
    void malformedLinesAreCountedAndAnEmptyLogSaysWhy() {
        DashboardPage.Log empty = new DashboardPage.Log(LOG, true, List.of(), 1_234);
        String html = header(empty, Instant.EPOCH);
        assertNull(HtmlPages.idText(html, "newest-run"));
        assertEquals("1,234", HtmlPages.idText(html, "malformed-lines"));
        assertEquals("1234", HtmlPages.idValue(html, "malformed-lines"));

        StringBuilder noRuns = new StringBuilder();
        DashboardOverviewSection.noRuns(noRuns, empty);
        assertTrue(noRuns.toString().startsWith("<p id=\"no-runs\">No runs yet: the summary holds no valid line."), noRuns.toString());
        StringBuilder noFile = new StringBuilder();
        DashboardOverviewSection.noRuns(noFile, new DashboardPage.Log(LOG, false, List.of(), 0));
        assertTrue(noFile.toString().contains("the summary file does not exist."));
    }

    @Test
    void cardsShowEveryKnownStatusThenTheOthers() {
        StringBuilder b = new StringBuilder();
        DashboardOverviewSection.cards(b, 7, 2, new TreeMap<>(Map.of("ok", 4, "aborted", 1, "Odd <x>", 2)));
        String html = b.toString();
        assertEquals("7", HtmlPages.idText(html, "total-runs"));
        assertEquals("2", HtmlPages.idText(html, "project-count"));
        assertEquals("4", HtmlPages.idText(html, "status-count-ok"));
        assertEquals("0", HtmlPages.idText(html, "status-count-refused"), "a known status with no run still has its card");
        assertEquals("0", HtmlPages.idText(html, "status-count-failed"));
        assertEquals("2", HtmlPages.idText(html, "status-count-odd__x_"));
        List<String> ids = List.of("total-runs", "project-count", "status-count-ok", "status-count-refused", "status-count-failed",
                "status-count-odd__x_", "status-count-aborted");
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(html.indexOf(ids.get(i - 1)) < html.indexOf(ids.get(i)), ids.get(i - 1) + " before " + ids.get(i));
        }
        assertTrue(html.contains("<div class=\"label\">Odd &lt;x&gt;</div>"));
    }
}
