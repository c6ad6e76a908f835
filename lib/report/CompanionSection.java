package report;

import java.util.List;
import policy.Companions;

/** Split companion groups (same folder, same stem): which members ship and which were left out. */
final class CompanionSection {
    private static final Fold.Frame TABLE = new Fold.Frame(
            "<table class=\"narrow\"><thead><tr><th>group</th><th>members</th></tr></thead><tbody>\n", "</tbody></table>\n");

    private CompanionSection() {}

    static void write(PageStream b, StagerReport report, String fullList) {
        b.append("<h2>Split companions");
        if (report.companionMode() != null) {
            b.append(" <span class=\"count\">(mode ").append(Html.escape(report.companionMode())).append(")</span>");
        }
        b.append("</h2>\n");
        List<Companions.SplitGroup> groups = report.companions() == null ? List.of() : report.companions();
        if (groups.isEmpty()) {
            b.append("<p id=\"companions-none\">No companion group (same folder, same stem) is split between shipped and left-out files.</p>\n");
            return;
        }
        b.append("<section id=\"companions\">\n");
        Fold.folded(b, TABLE, groups, "groups", fullList, CompanionSection::group);
        b.append("</section>\n");
    }

    private static void group(PageStream b, Companions.SplitGroup group) {
        String name = group.folder().isEmpty() ? group.stem() : group.folder() + "/" + group.stem();
        b.append("<tr><td class=\"wrap\"><code>").append(Html.escape(name)).append("</code></td><td><ul class=\"paths\">");
        for (Companions.Member member : group.members()) {
            b.append("<li><code>").append(Html.escape(member.path())).append("</code> <span class=\"detail\">")
                    .append(Html.escape(member.fate())).append("</span></li>");
        }
        b.append("</ul></td></tr>\n");
    }
}
