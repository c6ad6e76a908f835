package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import support.HtmlPages;
import text.Bytes;

/** What ships: bytes by extension as a chart and a table, then the shipped paths, folded and cut. */
class EligibleSectionTest {

    static String rendered(StagerReport report) {
        return PageStreamTest.text(b -> EligibleSection.write(b, report, HtmlReport.fullListIn(report)));
    }

    @Test
    void theChartHasABarPerExtensionLargestFirst() {
        StagerReport report = new StagerReport(StagerReport.SCHEMA_VERSION, "p", "/c", "/z.zip", StagerReport.DRY_RUN,
                StagerReport.OK, List.of(), List.of(),
                new StagerReport.Totals(3, 3000 + 2 * 1024 * 1024, Map.of("txt", new StagerReport.ExtensionTotal(2, 3000),
                        "png", new StagerReport.ExtensionTotal(1, 2 * 1024 * 1024)), Map.of()),
                null, "warn", List.of(), null, null, null, null, null, null, null, null, null);
        String html = rendered(report);
        int svg = html.indexOf("<svg class=\"chart\" id=\"chart-extensions\"");
        assertTrue(svg > 0, "an inline SVG chart");
        String chart = html.substring(svg, html.indexOf("</svg>", svg));
        assertEquals(2, chart.split("<rect ", -1).length - 1, "one bar per extension");
        assertTrue(chart.indexOf(">.png<") < chart.indexOf(">.txt<"), "largest first");
        assertTrue(chart.contains(Bytes.human(2 * 1024 * 1024) + " \u00b7 1 file"), "labels and values");
        assertTrue(chart.contains(Bytes.human(3000) + " \u00b7 2 files"));
        String table = html.substring(html.indexOf("<table class=\"narrow\" id=\"by-extension\">"));
        assertTrue(table.indexOf("<code>.png</code>") < table.indexOf("<code>.txt</code>"), "the table in the chart's order");
        assertTrue(table.contains("<tr><th>total</th><th class=\"num\">3</th><th class=\"num\">2,100,152</th>"), table);
        assertFalse(html.contains("eligible-list"), "no files listed: no list");
    }

    @Test
    void noEligibleFileNoChart() {
        assertEquals("<h2>Eligible bytes by extension</h2>\n<p>No eligible files.</p>\n", rendered(new StagerReport(StagerReport.SCHEMA_VERSION,
                "p", "/c", "/z.zip", StagerReport.DRY_RUN, StagerReport.REFUSED, List.of(), List.of(),
                new StagerReport.Totals(0, 0, Map.of(), Map.of()), null, null, null, null, null, null, null, null, null, null, null, null)));
    }

    @Test
    void theListWritesAHundredPathsAndCountsTheRest() {
        List<StagerReport.EligibleFile> eligible = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            eligible.add(new StagerReport.EligibleFile("ok/" + i + ".txt", 1_000, "txt", null, null));
        }
        String html = rendered(HtmlReportTest.report(StagerReport.DRY_RUN, eligible, List.of()));
        int list = html.indexOf("<details id=\"eligible-list\"");
        String eligibleList = html.substring(list, html.indexOf("</details>", list));
        assertEquals(Fold.LISTED_ROWS, HtmlPages.count(eligibleList, "<tr><td"));
        assertEquals("Eligible files by path (250)", HtmlPages.summaries(eligibleList).get(0));
        assertTrue(eligibleList.contains("150 more not listed on this page"));
        assertTrue(eligibleList.contains("<code>ok/99.txt</code>") && !eligibleList.contains("<code>ok/100.txt</code>"));
    }

    @Test
    void hardLinksAndLargeNumbersAreShown() {
        StagerReport.EligibleFile big = new StagerReport.EligibleFile("big.txt", 5_368_709_120L, "txt", 3, null);
        String html = rendered(HtmlReportTest.report(StagerReport.DRY_RUN, List.of(big), List.of()));
        assertTrue(html.contains("<tr><td class=\"wrap\"><code>big.txt</code> <span class=\"detail\">3 hard links</span></td>"
                + "<td class=\"num\">5,368,709,120</td></tr>"), html);
        assertEquals(3, HtmlPages.count(html, "<td class=\"num\">5,368,709,120</td>") + HtmlPages.count(html, "<th class=\"num\">5,368,709,120</th>"),
                "in the extension table, its total and the path list");
    }
}
