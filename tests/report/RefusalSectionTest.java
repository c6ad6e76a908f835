package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import support.HtmlPages;

/** The refusal timeline: a row per day, a bar scaled to the day with most refusals, a column per reason seen. */
class RefusalSectionTest {

    static String rendered(Map<String, DashboardPage.DayRefusals> days) {
        StringBuilder b = new StringBuilder();
        RefusalSection.write(b, days);
        return b.toString();
    }

    /** The width of the refused bar in the row of a day. */
    static String barWidth(String html, String day) {
        String row = html.substring(html.indexOf("<tr><td class=\"mono\">" + day + "</td>"));
        row = row.substring(0, row.indexOf("</tr>"));
        return row.replaceAll("(?s).*<rect x=\"0\" y=\"0\" width=\"(\\d+)\"[^>]*fill=\"#bc4c00\".*", "$1");
    }

    @Test
    void aRowPerDayItsBarScaledToTheWorstDay() {
        Map<String, DashboardPage.DayRefusals> days = new LinkedHashMap<>();
        days.put("2026-01-03", new DashboardPage.DayRefusals(9, 0, Map.of()));
        days.put("2026-01-02", new DashboardPage.DayRefusals(200, 100, Map.of("not_allowed", 100)));
        days.put("2026-01-01", new DashboardPage.DayRefusals(5, 1, Map.of("PZ_COMPANIONS_SPLIT", 1)));
        String html = rendered(days);
        assertEquals("9", HtmlPages.idText(html, "day-runs-2026-01-03"));
        assertEquals("100", HtmlPages.idText(html, "day-refused-2026-01-02"));
        assertEquals("0", barWidth(html, "2026-01-03"));
        assertEquals(String.valueOf(RefusalSection.DAY_BAR_WIDTH), barWidth(html, "2026-01-02"));
        assertEquals("2", barWidth(html, "2026-01-01"), "one refusal still shows");
        assertTrue(html.contains("<title>100 of 200 run(s) refused</title>"));
        assertTrue(html.indexOf("2026-01-03") < html.indexOf("2026-01-02"), "in the order given: newest first");
    }

    @Test
    void aColumnPerReasonSeenADotWhereADayHasNone() {
        Map<String, DashboardPage.DayRefusals> days = new LinkedHashMap<>();
        days.put("2026-01-02", new DashboardPage.DayRefusals(3, 2, Map.of("not_allowed", 1, DashboardPage.OTHER_REASON, 1)));
        days.put("2026-01-01", new DashboardPage.DayRefusals(1, 1, Map.of("banned_type", 1)));
        String html = rendered(days);
        assertTrue(html.contains("<th></th><th class=\"num\"><code>banned_type</code></th><th class=\"num\"><code>not_allowed</code></th>"
                + "<th class=\"num\"><code>other</code></th></tr>"), "reasons sorted");
        assertTrue(html.contains("</svg></td><td class=\"num\"><span class=\"muted\">&middot;</span></td><td class=\"num\">1</td>"
                + "<td class=\"num\">1</td></tr>"), html);
        assertTrue(html.contains("<code>" + DashboardPage.OTHER_REASON + "</code>: refused for another cause"), "the legend");
    }

    @Test
    void reasonsFromTheLogAreEscaped() {
        String html = rendered(Map.of("2026-01-01", new DashboardPage.DayRefusals(1, 1, Map.of("<b>", 1))));
        assertTrue(html.contains("<code>&lt;b&gt;</code>"));
        HtmlPages.assertNoScript(html);
    }
}
