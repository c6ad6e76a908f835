package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import policy.Companions;
import support.HtmlPages;

/** Split companions: each group named by folder and stem, with every member's fate; folded when many. */
class CompanionSectionTest {

    static String rendered(String mode, List<Companions.SplitGroup> groups) {
        StagerReport report = new StagerReport(StagerReport.SCHEMA_VERSION, "p", "/c", "/out/z.zip", StagerReport.COMMIT, StagerReport.OK,
                List.of(), List.of(), new StagerReport.Totals(0, 0, java.util.Map.of(), java.util.Map.of()), null, mode, groups,
                null, null, null, null, null, null, null, null, null);
        return PageStreamTest.text(b -> CompanionSection.write(b, report, HtmlReport.fullListIn(report)));
    }

    static Companions.SplitGroup group(String folder, String stem) {
        String prefix = folder.isEmpty() ? "" : folder + "/";
        return new Companions.SplitGroup(folder, stem, List.of(new Companions.Member(prefix + stem + ".txt", "shipped"),
                new Companions.Member(prefix + stem + ".psd", "left out: not_allowed")));
    }

    @Test
    void noSplitGroupSaysSo() {
        String html = rendered(null, null);
        assertEquals("<h2>Split companions</h2>\n<p id=\"companions-none\">No companion group (same folder, same stem) is split between"
                + " shipped and left-out files.</p>\n", html);
        assertTrue(rendered("off", List.of()).startsWith("<h2>Split companions <span class=\"count\">(mode off)</span></h2>\n"));
    }

    @Test
    void aGroupIsNamedByFolderAndStemWithEachMembersFate() {
        String html = rendered("warn", List.of(group("img", "b"), group("", "top")));
        assertTrue(html.contains("<tr><td class=\"wrap\"><code>img/b</code></td><td><ul class=\"paths\"><li><code>img/b.txt</code>"
                + " <span class=\"detail\">shipped</span></li><li><code>img/b.psd</code> <span class=\"detail\">left out: not_allowed</span>"
                + "</li></ul></td></tr>\n"), html);
        assertTrue(html.contains("<code>top</code></td>"), "a group at the top has no folder");
        assertTrue(html.contains("<section id=\"companions\">\n<table class=\"narrow\">"));
    }

    @Test
    void manyGroupsAreFolded() {
        List<Companions.SplitGroup> groups = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            groups.add(group("d", "s" + i));
        }
        String html = rendered("warn", groups);
        assertEquals(List.of("115 more groups"), HtmlPages.summaries(html));
        assertEquals(Fold.LISTED_ROWS, HtmlPages.count(html, "<tr><td"));
        assertTrue(html.contains("20 more not listed on this page: <code>z.zip.report.json</code> lists every one."));
    }

    @Test
    void namesAreEscaped() {
        String html = rendered("<m>", List.of(group("<d>", "<s>")));
        assertTrue(html.contains("(mode &lt;m&gt;)") && html.contains("<code>&lt;d&gt;/&lt;s&gt;</code>"), html);
        HtmlPages.assertNoScript(html);
    }
}
