package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import support.HtmlPages;

/** Excluded files: a section per reason, long ones folded, not_allowed summed by extension, every name escaped. */
class ExcludedSectionTest {

    /** The section as the page writes it, its lists pointing where the page's would. */
    static String rendered(StagerReport report) {
        return PageStreamTest.text(b -> ExcludedSection.write(b, report, HtmlReport.fullListIn(report)));
    }

    /** The text of one excluded reason's section. */
    static String section(String page, String reason) {
        int start = page.indexOf("<section id=\"excluded-" + reason + "\">");
        assertTrue(start >= 0, "a section for " + reason);
        return page.substring(start, page.indexOf("</section>", start));
    }

    @Test
    void nothingLeftOutSaysSo() {
        assertEquals("<h2>Excluded files <span class=\"count\">(0)</span></h2>\n<p>Nothing was left out.</p>\n",
                rendered(HtmlReportTest.report(StagerReport.DRY_RUN, List.of(), List.of())));
    }

    @Test
    void longListsShowFiveRowsFoldAHundredAndCountTheRest() {
        List<StagerReport.ExcludedFile> excluded = new ArrayList<>();
        excluded.addAll(HtmlReportTest.excluded("banned_type", ".tmp", 3_334));
        excluded.addAll(HtmlReportTest.excluded("no_extension", "", 12));
        excluded.addAll(HtmlReportTest.excluded("hidden", ".txt", 3));
        String html = rendered(HtmlReportTest.report(StagerReport.DRY_RUN, List.of(), excluded));
        assertTrue(html.startsWith("<h2>Excluded files <span class=\"count\">(3,349)</span></h2>\n"), html);

        String banned = section(html, "banned_type");
        assertEquals(Fold.LISTED_ROWS, HtmlPages.count(banned, "<li>"), "a hundred paths written, no more");
        int fold = banned.indexOf("<details");
        assertEquals(Fold.SHOWN_ROWS, HtmlPages.count(banned.substring(0, fold), "<li>"), "five before the fold");
        assertTrue(banned.substring(0, fold).contains(">banned_type/f00000.tmp<"), "the first paths, in report order");
        assertEquals(List.of("3,329 more paths"), HtmlPages.summaries(banned));
        assertTrue(banned.contains("3,234 more not listed on this page: the JSON report (<code>--json</code>) lists every one."), banned);
        assertFalse(banned.contains("f00100.tmp"), "the 101st path is not in the page");
        HtmlReportTest.assertCount(3_334, html, "excluded-count-banned_type");

        String noExtension = section(html, "no_extension");
        assertEquals(12, HtmlPages.count(noExtension, "<li>"));
        assertEquals(List.of("7 more paths"), HtmlPages.summaries(noExtension));
        assertFalse(noExtension.contains("class=\"more\""), "all written: nothing left to the JSON report");

        String hidden = section(html, "hidden");
        assertEquals(3, HtmlPages.count(hidden, "<li>"));
        assertFalse(hidden.contains("<details"), "a short list is not folded");
        HtmlPages.assertNoScript(html);
    }

    @Test
    void aPathsDetailFollowsIt() {
        String html = rendered(HtmlReportTest.report(StagerReport.DRY_RUN, List.of(),
                List.of(new StagerReport.ExcludedFile("a/b.exe", "banned_type", "banned by global_bans.json"))));
        assertTrue(html.contains("<li><code>a/b.exe</code> <span class=\"detail\">banned by global_bans.json</span></li>\n"), html);
    }

    @Test
    void notAllowedIsSummedByExtensionWithItsPathsFolded() {
        List<StagerReport.ExcludedFile> excluded = new ArrayList<>();
        excluded.addAll(HtmlReportTest.excluded("not_allowed", ".psd", 3_333));
        excluded.addAll(HtmlReportTest.excluded("not_allowed", ".mov", 3_333));
        excluded.addAll(HtmlReportTest.excluded("not_allowed", ".AI", 3_333));
        excluded.addAll(HtmlReportTest.excluded("not_allowed", ".xcf", 7));
        excluded.sort(java.util.Comparator.comparing(StagerReport.ExcludedFile::path));
        String html = rendered(HtmlReportTest.report(StagerReport.COMMIT, List.of(), excluded));

        String notAllowed = section(html, "not_allowed");
        assertEquals(List.of(".ai \u00d7 3,333", ".mov \u00d7 3,333", ".psd \u00d7 3,333", ".xcf \u00d7 7"),
                HtmlPages.summaries(notAllowed), "the largest first, ties by extension, lowercased as the classifier does");
        assertEquals(3 * ExcludedSection.LISTED_PER_EXTENSION + 7, HtmlPages.count(notAllowed, "<li><code>"), "each extension's paths, capped");
        assertEquals(3, HtmlPages.count(notAllowed, "3,313 more not listed on this page: <code>z.zip.report.json</code> lists every one."),
                "a commit's page names the report beside its zip");
        HtmlReportTest.assertCount(10_006, html, "excluded-count-not_allowed");
    }

    @Test
    void manyExtensionsFoldAfterFiveAndStopAtAHundred() {
        List<StagerReport.ExcludedFile> excluded = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            excluded.addAll(HtmlReportTest.excluded("not_allowed", String.format(Locale.ROOT, ".x%03d", i), i == 149 ? 2 : 1));
        }
        String notAllowed = section(rendered(HtmlReportTest.report(StagerReport.DRY_RUN, List.of(), excluded)), "not_allowed");
        List<String> summaries = HtmlPages.summaries(notAllowed);
        assertEquals(".x149 \u00d7 2", summaries.get(0), "the largest group first");
        assertEquals(Fold.LISTED_ROWS + 1, summaries.size(), "a hundred extensions and the fold's own summary");
        assertTrue(summaries.contains("145 more extensions"), summaries.toString());
        assertTrue(notAllowed.contains("50 more not listed on this page"));
    }

    @Test
    void byExtensionGroupsByTheNamesExtensionLargestFirst() {
        List<StagerReport.ExcludedFile> files = List.of(
                new StagerReport.ExcludedFile("a.b/c", "not_allowed", null),
                new StagerReport.ExcludedFile("x/one.PSD", "not_allowed", null),
                new StagerReport.ExcludedFile("x/two.psd", "not_allowed", null),
                new StagerReport.ExcludedFile("y/clip.mov", "not_allowed", null));
        List<ExcludedSection.ExtensionGroup> groups = ExcludedSection.byExtension(files);
        assertEquals(List.of("psd", "", "mov"), groups.stream().map(ExcludedSection.ExtensionGroup::extension).toList(),
                "the largest first, then by extension; a folder's dot is not the file's extension");
        assertEquals(List.of(files.get(1), files.get(2)), groups.get(0).files(), "in report order");
    }

    @Test
    void foldedNamesAreEscapedToo() {
        String evil = "<img src=x onerror=alert(1)>";
        List<StagerReport.ExcludedFile> excluded = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            excluded.add(new StagerReport.ExcludedFile("d/" + i + "\u202E" + evil + ".x" + evil, "not_allowed", null));
            excluded.add(new StagerReport.ExcludedFile("e/" + i + "\u0007" + evil, "no_extension", evil));
        }
        String html = rendered(HtmlReportTest.report(StagerReport.DRY_RUN, List.of(), excluded));
        assertFalse(html.contains("<img"), "no tag from data, folded or not");
        assertFalse(html.contains("\u202E") || html.contains("\u0007"), "no raw control or bidi character");
        assertTrue(html.contains("7\\u202E&lt;img"), "the bidi override of a folded row shown escaped");
        assertTrue(HtmlPages.summaries(html).contains(".x<img src=x onerror=alert(1)> \u00d7 8"), "an extension summary, as text");
        HtmlPages.assertNoScript(html);
    }
}
