package report;

import secrets.SecretFinding;
import text.Counts;

/** Every credential finding: where, which rule, a redacted preview and the fingerprint; never the secret. */
final class SecretsSection {
    private static final Fold.Frame TABLE = new Fold.Frame("<table class=\"secrets\"><thead><tr><th>where</th><th>rule</th><th>starts</th>"
            + "<th>fingerprint</th><th>verdict</th></tr></thead><tbody>\n", "</tbody></table>\n");

    private static final Fold.Frame NOT_SCANNED = new Fold.Frame("<table class=\"not-scanned\"><thead><tr><th>file</th><th>why</th>"
            + "</tr></thead><tbody>\n", "</tbody></table>\n");

    private SecretsSection() {}

    /**
     * The findings, then the files whose content was not read; nothing of either when there is none or the
     * scan did not run (the notice at the top says which).
     */
    static void write(PageStream b, StagerReport report, String fullList) {
        writeFindings(b, report, fullList);
        if (report.notScanned() != null && !report.notScanned().isEmpty()) {
            b.append("<h2>Content not read <span class=\"count\">(").append(Counts.number(report.notScanned().size()))
                    .append(")</span></h2>\n<section id=\"not-scanned\">\n");
            Fold.folded(b, NOT_SCANNED, report.notScanned(), "files", fullList, (page, file) -> page.append("<tr><td><code class=\"wrap\">")
                    .append(Html.path(file.path())).append("</code></td><td>").append(Html.escape(file.reason())).append("</td></tr>\n"));
            b.append("</section>\n");
        }
    }

    private static void writeFindings(PageStream b, StagerReport report, String fullList) {
        if (report.secrets() == null || report.secrets().isEmpty()) {
            return;
        }
        b.append("<h2>Credentials in content <span class=\"count\">(").append(Counts.number(report.secrets().size()))
                .append(")</span></h2>\n");
        b.append("<section id=\"secrets\">\n");
        Fold.folded(b, TABLE, report.secrets(), "findings", fullList, SecretsSection::finding);
        b.append("</section>\n");
    }

    private static void finding(PageStream b, SecretFinding finding) {
        b.append("<tr><td><code class=\"wrap\">")
                .append(Html.path(finding.location())).append("</code></td><td><code>").append(Html.escape(finding.rule()))
                .append("</code></td><td><code>").append(Html.escape(finding.preview())).append("</code></td><td><code class=\"wrap\">")
                .append(Html.escape(finding.fingerprint())).append("</code></td><td>")
                .append(Html.badge(null, finding.approved() ? "approved" : StagerReport.REFUSED)).append("</td></tr>\n");
    }
}
