package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The inline SVG bar chart: bars scaled to the largest, labels cut, every text escaped. */
class BarChartTest {

    /** The widths of the chart's bars, in order. */
    static List<Integer> widths(String svg) {
        List<Integer> widths = new ArrayList<>();
        Matcher m = Pattern.compile("<rect class=\"[a-z]+\" x=\"\\d+\" y=\"\\d+\" width=\"(\\d+)\"").matcher(svg);
        while (m.find()) {
            widths.add(Integer.parseInt(m.group(1)));
        }
        return widths;
    }

    @Test
    void barsAreScaledToTheLargestAndATinyOneStillShows() {
        String svg = BarChart.svg("t", "c", List.of(new BarChart.Bar("a", 1_000_000, "1 MB", false),
                new BarChart.Bar("b", 500_000, "0.5 MB", false), new BarChart.Bar("c", 1, "1 B", false),
                new BarChart.Bar("d", 0, "0 B", true)));
        assertEquals(List.of(BarChart.BAR_MAX_WIDTH, BarChart.BAR_MAX_WIDTH / 2, 2, 0), widths(svg));
        assertTrue(svg.startsWith("<svg class=\"chart\" id=\"c\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""));
        assertTrue(svg.contains("<rect class=\"refused\""), "an alert bar in the refusal colour");
        int height = BarChart.CHART_PADDING * 2 + 4 * (BarChart.BAR_HEIGHT + BarChart.BAR_GAP) - BarChart.BAR_GAP;
        assertTrue(svg.contains(" height=\"" + height + "\" viewBox=\"0 0 "), svg);
        assertTrue(svg.endsWith("</svg>\n"));
    }

    @Test
    void allZeroDrawsNoBar() {
        assertEquals(List.of(0, 0), widths(BarChart.svg("t", "c", List.of(new BarChart.Bar("a", 0, "0", false),
                new BarChart.Bar("b", 0, "0", false)))));
    }

    @Test
    void aLongLabelIsCutWithItsWholeTextInTheTooltip() {
        String label = "x".repeat(BarChart.MAX_LABEL_CHARS + 5);
        String svg = BarChart.svg("t", "c", List.of(new BarChart.Bar(label, 3, "3 B", false)));
        assertTrue(svg.contains(">" + "x".repeat(BarChart.MAX_LABEL_CHARS - 1) + BarChart.ELLIPSIS + "</text>"), svg);
        assertTrue(svg.contains("<g><title>" + label + ": 3 B</title>"), "the full label in the tooltip");
        int labelWidth = (int) Math.ceil(BarChart.MAX_LABEL_CHARS * BarChart.CHAR_WIDTH) + BarChart.CHART_PADDING * 2;
        assertTrue(svg.contains("<rect class=\"bar\" x=\"" + labelWidth + "\""), "the label column fits the cut label");
    }

    @Test
    void everyTextIsEscaped() {
        String svg = BarChart.svg("<t>", "c", List.of(new BarChart.Bar(".<b>", 1, "1 <i>", false)));
        assertFalse(svg.contains("<t>") || svg.contains("<b>") || svg.contains("<i>"), svg);
        assertTrue(svg.contains("<title>&lt;t&gt;</title>"));
        assertTrue(svg.contains(">.&lt;b&gt;</text>"));
        assertTrue(svg.contains(">1 &lt;i&gt;</text>"));
    }
}
