package report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import policy.Reason;
import scan.Extensions;
import text.Counts;

/**
 * Excluded paths per reason, each group folded after {@link Fold#SHOWN_ROWS}; {@code not_allowed} is
 * summed by extension first, since its paths are many files of a few types.
 */
final class ExcludedSection {
    /** Paths listed under each extension of {@code not_allowed}: files of one type are alike, and a page of many types stays small. */
    static final int LISTED_PER_EXTENSION = 20;

    private static final Fold.Frame PATH_LIST = new Fold.Frame("<ul class=\"paths\">\n", "</ul>\n");
    private static final Fold.Frame GROUP_LIST = new Fold.Frame("<ul class=\"groups\">\n", "</ul>\n");

    private ExcludedSection() {}

    static void write(PageStream b, StagerReport report, String fullList) {
        b.append("<h2>Excluded files <span class=\"count\">(").append(Counts.number(report.excluded().size())).append(")</span></h2>\n");
        if (report.excluded().isEmpty()) {
            b.append("<p>Nothing was left out.</p>\n");
            return;
        }
        Map<String, List<StagerReport.ExcludedFile>> byReason = new LinkedHashMap<>();
        for (StagerReport.ExcludedFile file : report.excluded()) {
            byReason.computeIfAbsent(file.reason(), k -> new ArrayList<>()).add(file);
        }
        for (Map.Entry<String, Integer> reason : report.totals().excludedByReason().entrySet()) {
            String id = Html.idPart(reason.getKey());
            List<StagerReport.ExcludedFile> files = byReason.getOrDefault(reason.getKey(), List.of());
            b.append("<section id=\"excluded-").append(id).append("\"><h3><code>").append(Html.escape(reason.getKey()))
                    .append("</code> <span class=\"count\">(").append(Html.countElement("span", "excluded-count-" + id, null, reason.getValue()))
                    .append(")</span></h3>\n");
            if (Reason.NOT_ALLOWED.code().equals(reason.getKey())) {
                Fold.folded(b, GROUP_LIST, byExtension(files), "extensions", fullList, (out, group) -> extensionGroup(out, group, fullList));
            } else {
                Fold.folded(b, PATH_LIST, files, "paths", fullList, ExcludedSection::excludedRow);
            }
            b.append("</section>\n");
        }
    }

    private static void excludedRow(PageStream b, StagerReport.ExcludedFile file) {
        b.append("<li><code>").append(Html.path(file.path())).append("</code>");
        if (file.detail() != null) {
            b.append(" <span class=\"detail\">").append(Html.escape(file.detail())).append("</span>");
        }
        b.append("</li>\n");
    }

    /** Files of one extension, as {@code not_allowed} lists them. */
    record ExtensionGroup(String extension, List<StagerReport.ExcludedFile> files) {}

    /** Paths grouped by their extension ({@link Extensions#of}), the largest group first, then by extension. */
    static List<ExtensionGroup> byExtension(List<StagerReport.ExcludedFile> files) {
        Map<String, List<StagerReport.ExcludedFile>> groups = new LinkedHashMap<>();
        for (StagerReport.ExcludedFile file : files) {
            String name = file.path().substring(file.path().lastIndexOf('/') + 1);
            groups.computeIfAbsent(Extensions.of(name).orElse(""), k -> new ArrayList<>()).add(file);
        }
        List<ExtensionGroup> sorted = new ArrayList<>();
        groups.forEach((extension, members) -> sorted.add(new ExtensionGroup(extension, members)));
        sorted.sort(Comparator.comparingInt((ExtensionGroup g) -> g.files().size()).reversed().thenComparing(ExtensionGroup::extension));
        return sorted;
    }

    /** One extension of {@code not_allowed}: ".psd × 3,333", its paths folded (the detail would only repeat the extension). */
    private static void extensionGroup(PageStream b, ExtensionGroup group, String fullList) {
        int listed = Math.min(group.files().size(), LISTED_PER_EXTENSION);
        b.append("<li><details class=\"fold\"><summary><code>.").append(Html.escape(group.extension())).append("</code> \u00d7 ")
                .append(Counts.number(group.files().size())).append("</summary>\n");
        Fold.rows(b, PATH_LIST, group.files().subList(0, listed),
                (out, file) -> out.append("<li><code>").append(Html.path(file.path())).append("</code></li>\n"));
        Fold.notListed(b, group.files().size() - listed, fullList);
        b.append("</details></li>\n");
    }
}
