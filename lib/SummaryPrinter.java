import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** The human summary of a stager report: totals by extension and excluded counts by reason. */
final class SummaryPrinter {
    private SummaryPrinter() {}

    static void print(StagerReport report, PrintWriter out) {
        StagerReport.Totals totals = report.totals();
        out.printf(Locale.ROOT, "prezip %s of project %s%n  content: %s%n  zip:     %s%n",
                report.mode(), report.projectId(), report.contentDir(), report.outputZip());
        out.printf(Locale.ROOT, "Eligible: %d files, %s%n", totals.eligibleFiles(), Bytes.human(totals.eligibleBytes()));
        for (Map.Entry<String, StagerReport.ExtensionTotal> e : totals.byExtension().entrySet()) {
            out.printf(Locale.ROOT, "  %-12s %8d files %12s%n", "." + e.getKey(), e.getValue().files(),
                    Bytes.human(e.getValue().bytes()));
        }
        int excludedCount = report.excluded().size();
        out.printf(Locale.ROOT, "Excluded: %d files%n", excludedCount);
        for (Map.Entry<String, Integer> e : totals.excludedByReason().entrySet()) {
            out.printf(Locale.ROOT, "  %-14s %8d%n", e.getKey(), e.getValue());
        }
        for (StagerReport.ExcludedFile file : report.excluded()) {
            out.printf(Locale.ROOT, "  - %s [%s]%s%n", file.path(), file.reason(),
                    file.detail() == null ? "" : " " + file.detail());
        }
        out.printf(Locale.ROOT, "Status: %s%n", report.status());
        out.flush();
    }
}
