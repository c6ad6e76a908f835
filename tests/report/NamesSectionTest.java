package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import support.HtmlPages;

/** The names' notes on the report page: composed names counted, long paths a warning naming the longest. */
class NamesSectionTest {
    static String rendered(StagerReport.Names names) {
        return PageStreamTest.text(b -> NamesSection.write(b, names));
    }

    @Test
    void composedNamesAreCountedAndTheLongestPathNamedEscaped() {
        String longest = "<b>/" + "d".repeat(200) + "/x.txt";
        String html = rendered(new StagerReport.Names(3, new StagerReport.LongPathsFound(160, 2, longest, 210)));
        assertEquals("3", HtmlPages.idValue(html, "names-composed-count"));
        assertEquals("2", HtmlPages.idValue(html, "long-paths-count"));
        assertEquals("210", HtmlPages.idValue(html, "long-paths-longest-characters"));
        assertTrue(html.contains("longer than 160 characters; Windows may fail to extract them"), html);
        assertTrue(html.contains("&lt;b&gt;/ddd") && !html.contains("<b>/"), "escaped, and cut as every path is: " + html);
    }

    @Test
    void nothingToSayWritesNothing() {
        assertEquals("", rendered(new StagerReport.Names(0, null)));
        assertEquals("", rendered(null), "a report from before names were counted");
    }
}
