package report;

import text.Counts;

/** The files that ship although their bytes are not what their names say: a warning, each with what it is. */
final class TypesSection {
    private static final Fold.Frame TABLE = new Fold.Frame("<table class=\"type-mismatches\"><thead><tr><th>file</th><th>named</th>"
            + "<th>is</th></tr></thead><tbody>\n", "</tbody></table>\n");

    private TypesSection() {}

    /** Nothing when there is no mismatch or types were not checked (files left out for their type are in the excluded table). */
    static void write(PageStream b, StagerReport report, String fullList) {
        if (report.typeMismatches() == null || report.typeMismatches().isEmpty()) {
            return;
        }
        b.append("<h2>Type mismatches <span class=\"count\">(").append(Counts.number(report.typeMismatches().size()))
                .append(")</span></h2>\n<section id=\"type-mismatches\">\n<p>These files ship, but their content is not what their"
                        + " names say: rename each to what it is, or leave it out (the strict policy refuses them).</p>\n");
        Fold.folded(b, TABLE, report.typeMismatches(), "files", fullList, (page, m) -> page.append("<tr><td><code class=\"wrap\">")
                .append(Html.path(m.path())).append("</code></td><td>.").append(Html.escape(m.extension())).append("</td><td>")
                .append(Html.escape(m.detail())).append("</td></tr>\n"));
        b.append("</section>\n");
    }
}
