package report;

import text.Bytes;
import zip.ZipManifest;

/**
 * The top of the report page: which project, status and mode, the folders, what an auditor must not
 * miss, why the run stopped, and the key numbers as cards (stable element ids, for tests and scrapers).
 */
final class RunOverviewSection {
    private RunOverviewSection() {}

    /** @param manifest the zip's manifest, or null when no zip was written (then no zip size card) */
    static void write(PageStream b, StagerReport report, ZipManifest manifest) {
        title(b, report);
        trustNotices(b, report);
        if (report.error() != null) {
            b.append("<section class=\"problem ").append(Html.statusClass(report.status())).append("\"><strong>Why the run stopped:</strong> ")
                    .append("<code id=\"error-code\">").append(Html.escape(report.error().code())).append("</code> ")
                    .append("<span id=\"error-message\" class=\"wrap\">").append(Html.escape(report.error().message()))
                    .append("</span></section>\n");
        }
        deflaterNote(b, report);
        cards(b, report, manifest);
    }

    /** Which deflater made the zip, said only when it is the toolkit's own: slower, the same bytes. */
    private static void deflaterNote(PageStream b, StagerReport report) {
        String notice = report.run() == null || report.run().deflater() == null ? null : report.run().deflater().notice();
        if (notice != null) {
            b.append("<section class=\"note\" id=\"deflater-notice\">").append(Html.escape(notice)).append("</section>\n");
        }
    }

    private static void title(PageStream b, StagerReport report) {
        b.append("<h1>prezip report <span class=\"muted\">for</span> <span id=\"project-id\">")
                .append(Html.escape(report.projectId())).append("</span></h1>\n");
        b.append("<p class=\"meta\">").append(Html.badge("status", report.status())).append(" &middot; <span id=\"mode\">")
                .append(Html.escape(report.mode())).append("</span>");
        if (report.policy() != null) {
            b.append(" &middot; policy <span id=\"policy-name\">").append(Html.escape(report.policy().name())).append("</span>");
        }
        if (report.companionMode() != null) {
            b.append(" &middot; companions <span id=\"companion-mode\">").append(Html.escape(report.companionMode())).append("</span>");
        }
        b.append("</p>\n");
        b.append("<dl class=\"kv\"><dt>Content folder</dt><dd><code id=\"content-dir\">").append(Html.escape(report.contentDir()))
                .append("</code></dd><dt>Output zip</dt><dd><code id=\"output-zip\">").append(Html.escape(report.outputZip()))
                .append("</code></dd></dl>\n");
    }

    /**
     * At the top, what an auditor must not miss behind a green status: files --allow-unknown left out
     * that would otherwise have refused the run, and a run whose content was not scanned.
     */
    private static void trustNotices(PageStream b, StagerReport report) {
        if (report.leftOutByAllowUnknown() != null) {
            b.append("<section class=\"problem refused\" id=\"allow-unknown\"><strong>--allow-unknown:</strong> ")
                    .append(Html.countElement("span", "left-out-by-allow-unknown", null, report.leftOutByAllowUnknown()))
                    .append(" file(s) were left out that would otherwise have refused the run (see Excluded files).</section>\n");
        }
        if (!Boolean.TRUE.equals(report.contentScanned())) {
            b.append("<section class=\"problem refused\" id=\"content-not-scanned\"><strong>Content not scanned:</strong> ")
                    .append(Html.escape(report.notScannedBecause())).append("; credentials inside them were not looked for, nor what they are by their bytes.</section>\n");
        }
    }

    private static void cards(PageStream b, StagerReport report, ZipManifest manifest) {
        StagerReport.Totals totals = report.totals();
        b.append("<section class=\"cards\">\n");
        b.append(Html.card("Eligible files", "eligible-files", totals.eligibleFiles(), null));
        b.append(Html.card("Eligible bytes", "eligible-bytes", totals.eligibleBytes(), Bytes.human(totals.eligibleBytes())));
        b.append(Html.card("Excluded files", "excluded-total", report.excluded().size(), null));
        if (manifest != null) {
            b.append(Html.card("Zip size", "zip-bytes", manifest.zipBytes(), Bytes.human(manifest.zipBytes())));
        }
        b.append("</section>\n");
    }
}
