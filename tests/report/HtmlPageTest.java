package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import provenance.Toolkit;
import support.HtmlPages;

/** The page shell: an HTML5 document in UTF-8 with the one inline style sheet, nothing fetched, nothing run. */
class HtmlPageTest {

    @Test
    void aPageIsItsHeadItsBodyAndItsFoot() {
        String page = HtmlPage.page("a <title>", "<p>body</p>\n");
        assertEquals(HtmlPage.head("a <title>") + "<p>body</p>\n" + HtmlPage.FOOT, page);
        assertTrue(page.startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"));
        assertTrue(page.contains("<title>a &lt;title&gt;</title>"), "the title is text");
        assertTrue(page.contains("<meta name=\"generator\" content=\"prezip " + Toolkit.VERSION + "\">"));
        assertTrue(page.contains("<style>\n" + HtmlPage.CSS + "</style>\n</head>\n<body>\n<main>\n<p>body</p>\n<footer>"));
        assertTrue(page.endsWith("</footer>\n</main>\n</body>\n</html>\n"));
        assertEquals(1, HtmlPages.count(page, "<style>"), "one style sheet");
        HtmlPages.assertSelfContained(page);
        HtmlPages.assertNoScript(page);
    }

    @Test
    void theStyleSheetStylesWhatTheSectionsWrite() {
        for (String rule : new String[] {".badge.ok", ".badge.refused", ".badge.failed", ".cards", ".problem.refused", "table.runs",
                "table.narrow", "dl.kv", "ul.paths", "ul.groups", "p.more", "svg.chart rect.bar", "footer"}) {
            assertTrue(HtmlPage.CSS.contains(rule + " {") || HtmlPage.CSS.contains(rule + ","), rule);
        }
    }
}
