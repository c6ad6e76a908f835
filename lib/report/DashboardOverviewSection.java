package report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The top of the dashboard: which log, when the page was rendered and when its newest run was (the page
 * is a snapshot), lines skipped as malformed, and the run counts as cards; or, for a log without a
 * valid run, why there is nothing to show.
 */
final class DashboardOverviewSection {
    /** Status cards in the order an operator scans them; statuses written by other versions follow. */
    static final List<String> STATUS_ORDER = List.of(StagerReport.OK, StagerReport.REFUSED, StagerReport.FAILED);

    private DashboardOverviewSection() {}

    static void header(StringBuilder b, DashboardPage.Log log, Instant generatedAt) {
        List<DashboardPage.Run> runs = log.runs();
        b.append("<h1>prezip dashboard</h1>\n<p class=\"meta\">From <code id=\"summary-file\">").append(Html.escape(log.file().toString()))
                .append("</code> &middot; rendered <span id=\"generated-at\" title=\"").append(Html.escape(generatedAt.toString()))
                .append("\">").append(Html.escape(DashboardPage.WHEN.format(generatedAt))).append("</span>");
        if (!runs.isEmpty()) {
            Instant newest = runs.stream().map(DashboardPage.Run::at).max(Comparator.naturalOrder()).orElseThrow();
            b.append(" &middot; newest run <span id=\"newest-run\">").append(Html.escape(DashboardPage.WHEN.format(newest))).append("</span>");
        }
        b.append("</p>\n<p class=\"muted\" id=\"snapshot\">A snapshot of the log when it was rendered: runs logged since are not on it"
                + " until <code>dashboard</code> renders it again.</p>\n");
        if (log.malformedLines() > 0) {
            b.append("<section class=\"problem refused\">").append(Html.countElement("span", "malformed-lines", null, log.malformedLines()))
                    .append(" malformed line(s) skipped: they are not lines the commit hook writes.</section>\n");
        }
    }

    /** What the page says instead of its sections when the log holds no valid run. */
    static void noRuns(StringBuilder b, DashboardPage.Log log) {
        b.append("<p id=\"no-runs\">No runs yet: ")
                .append(Html.escape(log.exists() ? "the summary holds no valid line." : "the summary file does not exist."))
                .append(" Every <code>prezip_stager --commit</code> (ok, refused or failed) adds one line.</p>\n");
    }

    /** @param byStatus runs per status: a card each, the known ones always (zero too), in {@link #STATUS_ORDER} */
    static void cards(StringBuilder b, int runs, int projects, Map<String, Integer> byStatus) {
        b.append("<section class=\"cards\">\n");
        b.append(Html.card("Runs", "total-runs", runs, null));
        b.append(Html.card("Projects", "project-count", projects, null));
        List<String> order = new ArrayList<>(STATUS_ORDER);
        byStatus.keySet().stream().filter(k -> !STATUS_ORDER.contains(k)).forEach(order::add);
        for (String status : order) {
            b.append(Html.card(status, "status-count-" + Html.idPart(status), byStatus.getOrDefault(status, 0), null));
        }
        b.append("</section>\n");
    }
}
