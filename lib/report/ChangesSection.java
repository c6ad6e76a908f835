package report;

import changes.ChangesText;
import changes.DeliveryChanges;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import text.Bytes;
import text.Counts;

/**
 * "Changes since ..." on a re-delivery's page: the previous delivery (its zip, when and by which toolkit
 * it was made, its sha256), the counts, the added, removed and changed paths each folded like the other
 * lists, and how much of the previous zip the commit reused. Nothing on a first delivery.
 */
final class ChangesSection {
    private static final Fold.Frame PATH_LIST = new Fold.Frame("<ul class=\"paths\">\n", "</ul>\n");
    /** A changed file's old and new digests: their first hex digits tell them apart. */
    private static final int SHA256_SHOWN = ChangesText.SHA256_SHOWN;

    private ChangesSection() {}

    static void write(PageStream b, StagerReport report, String fullList) {
        DeliveryChanges changes = report.changes();
        if (changes == null) {
            return;
        }
        DeliveryChanges.Previous previous = changes.previous();
        String shown = ChangesText.shown(previous);
        b.append("<h2>Changes since <code>").append(Html.escape(Path.of(shown).getFileName().toString())).append("</code></h2>\n");
        b.append("<section id=\"changes\">\n");
        if (!changes.compared()) {
            b.append("<p id=\"changes-not-compared\">The previous delivery <code>").append(Html.path(shown))
                    .append("</code> is not compared: ").append(Html.escape(changes.notCompared()))
                    .append(". This run is reported as a first delivery.</p>\n</section>\n");
            return;
        }
        b.append("<p>Compared by path and sha256 with <code>").append(Html.path(shown)).append("</code> (")
                .append(Html.escape(ChangesText.made(previous))).append("). A renamed file is removed and added.</p>\n");
        DeliveryChanges.Totals totals = changes.totals();
        b.append("<dl class=\"kv\">")
                .append("<dt>added</dt>").append(Html.countElement("dd", "changes-added", null, totals.added()))
                .append("<dt>removed</dt>").append(Html.countElement("dd", "changes-removed", null, totals.removed()))
                .append("<dt>changed</dt>").append(Html.countElement("dd", "changes-changed", null, totals.changed()))
                .append("<dt>unchanged</dt>").append(Html.countElement("dd", "changes-unchanged", null, totals.unchanged()))
                .append("</dl>\n");
        kind(b, "added", changes.added(), fullList, ChangesSection::file);
        kind(b, "removed", changes.removed(), fullList, ChangesSection::file);
        kind(b, "changed", changes.changed(), fullList, ChangesSection::changed);
        String reuse = ChangesSummary.reuse(changes.reuse(), StagerReport.DRY_RUN.equals(report.mode()));
        if (reuse != null) {
            b.append("<p id=\"changes-reuse\">").append(Html.escape(reuse)).append("</p>\n");
        }
        b.append("</section>\n");
    }

    private static <T> void kind(PageStream b, String kind, List<T> items, String fullList, BiConsumer<PageStream, T> row) {
        if (items.isEmpty()) {
            return;
        }
        b.append("<h3>").append(kind).append(" <span class=\"count\">(").append(Counts.number(items.size())).append(")</span></h3>\n");
        Fold.folded(b, PATH_LIST, items, "paths", fullList, row);
    }

    private static void file(PageStream b, DeliveryChanges.File file) {
        b.append("<li><code>").append(Html.path(file.path())).append("</code> <span class=\"detail\">")
                .append(Html.escape(Bytes.human(file.bytes()))).append("</span></li>\n");
    }

    private static void changed(PageStream b, DeliveryChanges.Changed file) {
        b.append("<li><code>").append(Html.path(file.path())).append("</code> <span class=\"detail\">")
                .append(Html.escape(Bytes.human(file.oldBytes()) + " \u2192 " + Bytes.human(file.newBytes()) + ", sha256 "
                        + file.oldSha256().substring(0, SHA256_SHOWN) + "\u2026 \u2192 " + file.newSha256().substring(0, SHA256_SHOWN)
                        + "\u2026")).append("</span></li>\n");
    }
}
