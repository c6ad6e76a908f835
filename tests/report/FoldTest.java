package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import support.HtmlPages;

/** Long lists: five rows shown, the rest up to a hundred folded, what is left counted and pointed to. */
class FoldTest {
    static final Fold.Frame LIST = new Fold.Frame("<ul>\n", "</ul>\n");
    static final String FULL_LIST = "<code>z.zip.report.json</code>";

    static List<Integer> numbers(int count) {
        return IntStream.range(0, count).boxed().toList();
    }

    static String folded(int count) {
        return PageStreamTest.text(b -> Fold.folded(b, LIST, numbers(count), "rows", FULL_LIST,
                (out, n) -> out.append("<li>").append(n).append("</li>\n")));
    }

    @Test
    void aShortListIsShownWhole() {
        assertEquals("", folded(0), "no rows, no frame");
        assertEquals("<ul>\n<li>0</li>\n</ul>\n", folded(1));
        assertEquals(Fold.SHOWN_ROWS, HtmlPages.count(folded(Fold.SHOWN_ROWS), "<li>"));
        assertFalse(folded(Fold.SHOWN_ROWS).contains("<details"), "exactly the shown rows: no fold");
    }

    @Test
    void rowsPastTheShownOnesAreFoldedInTheSameFrame() {
        String html = folded(Fold.SHOWN_ROWS + 1);
        assertEquals("<ul>\n<li>0</li>\n<li>1</li>\n<li>2</li>\n<li>3</li>\n<li>4</li>\n</ul>\n"
                + "<details class=\"fold\"><summary>1 more rows</summary>\n<ul>\n<li>5</li>\n</ul>\n</details>\n", html);
    }

    @Test
    void rowsPastTheListedOnesAreCountedAndPointedTo() {
        String all = folded(Fold.LISTED_ROWS);
        assertEquals(Fold.LISTED_ROWS, HtmlPages.count(all, "<li>"));
        assertFalse(all.contains("class=\"more\""), "a hundred rows: all written");

        String cut = folded(1_250);
        assertEquals(Fold.LISTED_ROWS, HtmlPages.count(cut, "<li>"), "a hundred rows written, no more");
        assertEquals(List.of("1,245 more rows"), HtmlPages.summaries(cut), "the fold counts every row not shown");
        assertTrue(cut.contains("<li>99</li>\n</ul>\n<p class=\"more\">1,150 more not listed on this page: " + FULL_LIST
                + " lists every one.</p>\n</details>\n"), cut);
        assertFalse(cut.contains("<li>100</li>"));
    }

    @Test
    void notListedSaysNothingForNone() {
        assertEquals("", PageStreamTest.text(b -> Fold.notListed(b, 0, FULL_LIST)));
        assertEquals("<p class=\"more\">1 more not listed on this page: " + FULL_LIST + " lists every one.</p>\n",
                PageStreamTest.text(b -> Fold.notListed(b, 1, FULL_LIST)));
    }
}
