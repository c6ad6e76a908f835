package report;

import cli.Bytes;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help.Ansi;
import policy.NameSafety;

/**
 * The human summary of a stager report, as aligned tables: eligible totals by extension, excluded counts
 * by reason with the first few paths of each, split companions, the status. {@code --json} has everything.
 */
public final class SummaryPrinter {
    /** Paths shown per exclusion reason: enough to recognise the problem, short enough to read. */
    public static final int PATHS_PER_REASON = 3;

    private SummaryPrinter() {}

    public static void print(StagerReport report, PrintWriter out, Ansi ansi) {
        StagerReport.Totals totals = report.totals();
        out.println(ansi.string("@|bold prezip " + report.mode() + "|@ of project @|bold " + report.projectId() + "|@"
                + (report.policy() == null ? "" : ", policy " + report.policy().name())));
        out.printf("  content  %s%n  zip      %s%n%n", report.contentDir(), report.outputZip());

        TextTable eligible = new TextTable(ansi, false).row("@|bold Eligible|@", "@|bold files|@", "@|bold bytes|@");
        totals.byExtension().forEach((ext, t) -> eligible.row("." + ext, String.valueOf(t.files()), Bytes.human(t.bytes())));
        eligible.row("@|bold total|@", "@|bold " + totals.eligibleFiles() + "|@", "@|bold " + Bytes.human(totals.eligibleBytes()) + "|@");
        out.print(eligible.render("  "));

        if (!report.excluded().isEmpty()) {
            TextTable excluded = new TextTable(ansi, true).row("@|bold Excluded|@", "@|bold files|@", "@|bold first paths|@");
            for (Map.Entry<String, Integer> e : totals.excludedByReason().entrySet()) {
                List<String> paths = report.excluded().stream().filter(f -> f.reason().equals(e.getKey()))
                        .limit(PATHS_PER_REASON).map(f -> NameSafety.printable(f.path())).toList();
                String more = e.getValue() > paths.size() ? ", ..." : "";
                excluded.row("@|yellow " + e.getKey() + "|@", String.valueOf(e.getValue()), String.join(", ", paths) + more);
            }
            excluded.row("@|bold total|@", "@|bold " + report.excluded().size() + "|@", "");
            out.println();
            out.print(excluded.render("  "));
            if (totals.excludedByReason().values().stream().anyMatch(n -> n > PATHS_PER_REASON)) {
                out.println("  (--json lists every path with its reason and detail)");
            }
        }
        if (report.companions() != null && !report.companions().isEmpty()) {
            out.println();
            out.println(ansi.string("  @|yellow Split companions|@ (" + report.companionMode() + "): "
                    + report.companions().size() + " group(s)"));
            report.companions().stream().limit(PATHS_PER_REASON).forEach(group -> out.printf("    %s: %s%n",
                    group.folder().isEmpty() ? group.stem() : group.folder() + "/" + group.stem(),
                    String.join(", ", group.members().stream().map(m -> m.path() + " [" + m.fate() + "]").toList())));
        }
        String colour = StagerReport.OK.equals(report.status()) ? "green" : "red";
        out.println();
        out.println(ansi.string("Status: @|bold," + colour + " " + report.status() + "|@"));
        out.flush();
    }
}
