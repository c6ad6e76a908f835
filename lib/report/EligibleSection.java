package report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import text.Bytes;
import text.Counts;

/** What ships: eligible bytes by extension (a chart and its table), then every shipped path, folded. */
final class EligibleSection {
    private static final Fold.Frame ELIGIBLE_TABLE = new Fold.Frame(
            "<table><thead><tr><th>path</th><th class=\"num\">bytes</th></tr></thead><tbody>\n", "</tbody></table>\n");

    private EligibleSection() {}

    static void write(PageStream b, StagerReport report, String fullList) {
        byExtension(b, report.totals());
        list(b, report, fullList);
    }

    private static void byExtension(PageStream b, StagerReport.Totals totals) {
        b.append("<h2>Eligible bytes by extension</h2>\n");
        if (totals.byExtension().isEmpty()) {
            b.append("<p>No eligible files.</p>\n");
            return;
        }
        List<Map.Entry<String, StagerReport.ExtensionTotal>> rows = new ArrayList<>(totals.byExtension().entrySet());
        rows.sort(Comparator.comparingLong((Map.Entry<String, StagerReport.ExtensionTotal> e) -> e.getValue().bytes())
                .reversed().thenComparing(Map.Entry::getKey));
        List<BarChart.Bar> bars = rows.stream().map(e -> new BarChart.Bar("." + e.getKey(), e.getValue().bytes(),
                Bytes.human(e.getValue().bytes()) + " \u00b7 " + Counts.of(e.getValue().files(), "file", "files"),
                false)).toList();
        b.append(BarChart.svg("Eligible bytes by extension", "chart-extensions", bars));
        b.append("<table class=\"narrow\" id=\"by-extension\"><thead><tr><th>extension</th><th class=\"num\">files</th><th class=\"num\">bytes</th>")
                .append("<th class=\"num\">size</th></tr></thead><tbody>\n");
        for (var e : rows) {
            b.append("<tr><td><code>.").append(Html.escape(e.getKey())).append("</code></td><td class=\"num\">")
                    .append(Counts.number(e.getValue().files())).append("</td><td class=\"num\">").append(Counts.number(e.getValue().bytes()))
                    .append("</td><td class=\"num\">").append(Html.escape(Bytes.human(e.getValue().bytes()))).append("</td></tr>\n");
        }
        b.append("<tr><th>total</th><th class=\"num\">").append(Counts.number(totals.eligibleFiles())).append("</th><th class=\"num\">")
                .append(Counts.number(totals.eligibleBytes())).append("</th><th class=\"num\">").append(Html.escape(Bytes.human(totals.eligibleBytes())))
                .append("</th></tr>\n</tbody></table>\n");
    }

    /**
     * Shipped paths, folded: the chart and table above answer the usual question, this one the auditor's.
     * Only the first {@link Fold#LISTED_ROWS} are written.
     */
    private static void list(PageStream b, StagerReport report, String fullList) {
        List<StagerReport.EligibleFile> files = report.eligible();
        if (files.isEmpty()) {
            return;
        }
        int listed = Math.min(files.size(), Fold.LISTED_ROWS);
        b.append("<details id=\"eligible-list\" class=\"fold\"><summary>Eligible files by path (").append(Counts.number(files.size()))
                .append(")</summary>\n");
        Fold.rows(b, ELIGIBLE_TABLE, files.subList(0, listed), (out, file) -> {
            out.append("<tr><td class=\"wrap\"><code>").append(Html.path(file.path())).append("</code>");
            if (file.hardLinks() != null) {
                out.append(" <span class=\"detail\">").append(Counts.number(file.hardLinks())).append(" hard links</span>");
            }
            out.append("</td><td class=\"num\">").append(Counts.number(file.bytes())).append("</td></tr>\n");
        });
        Fold.notListed(b, files.size() - listed, fullList);
        b.append("</details>\n");
    }
}
