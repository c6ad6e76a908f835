package report;

import java.util.List;

/**
 * A horizontal bar chart as inline SVG: a label column, bars scaled to the largest value, and the
 * value written after each bar. Column widths come from the longest texts, so nothing overlaps.
 */
final class BarChart {
    /** Chart geometry, in CSS pixels of the SVG's own coordinate system. */
    static final int BAR_HEIGHT = 20;
    static final int BAR_GAP = 8;
    static final int BAR_MAX_WIDTH = 460;
    static final int CHART_PADDING = 8;
    /** Average advance of a 12px monospace glyph: enough to size label and value columns without a layout engine. */
    static final double CHAR_WIDTH = 7.4;
    /** Longer chart labels are cut (the full text is in the bar's tooltip and in the table below). */
    static final int MAX_LABEL_CHARS = 18;
    static final String ELLIPSIS = "\u2026";

    private BarChart() {}

    /** One bar of a chart: {@code valueText} is drawn after the bar; {@code alert} draws it in the refusal colour. */
    record Bar(String label, long value, String valueText, boolean alert) {}

    static String svg(String title, String id, List<Bar> bars) {
        long max = bars.stream().mapToLong(Bar::value).max().orElse(0);
        int labelChars = bars.stream().mapToInt(bar -> Math.min(bar.label().length(), MAX_LABEL_CHARS)).max().orElse(0);
        int valueChars = bars.stream().mapToInt(bar -> bar.valueText().length()).max().orElse(0);
        int labelWidth = (int) Math.ceil(labelChars * CHAR_WIDTH) + CHART_PADDING * 2;
        int width = labelWidth + BAR_MAX_WIDTH + CHART_PADDING + (int) Math.ceil(valueChars * CHAR_WIDTH) + CHART_PADDING;
        int height = CHART_PADDING * 2 + bars.size() * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"chart\" id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\"><title>").append(Html.escape(title)).append("</title>\n");
        int y = CHART_PADDING;
        for (Bar bar : bars) {
            // A non-zero value always gets a visible sliver, so a tiny extension is not mistaken for none.
            long barWidth = max == 0 ? 0 : Math.max(bar.value() == 0 ? 0 : 2, Math.round((double) bar.value() / max * BAR_MAX_WIDTH));
            int textY = y + BAR_HEIGHT / 2 + 4;
            String label = bar.label().length() > MAX_LABEL_CHARS
                    ? bar.label().substring(0, MAX_LABEL_CHARS - 1) + ELLIPSIS : bar.label();
            b.append("<g><title>").append(Html.escape(bar.label() + ": " + bar.valueText())).append("</title>")
                    .append("<text x=\"").append(labelWidth - CHART_PADDING).append("\" y=\"").append(textY)
                    .append("\" text-anchor=\"end\">").append(Html.escape(label)).append("</text>")
                    .append("<rect class=\"").append(bar.alert() ? "refused" : "bar").append("\" x=\"").append(labelWidth)
                    .append("\" y=\"").append(y).append("\" width=\"").append(barWidth).append("\" height=\"").append(BAR_HEIGHT)
                    .append("\" rx=\"3\"/>")
                    .append("<text x=\"").append(labelWidth + barWidth + CHART_PADDING).append("\" y=\"").append(textY).append("\">")
                    .append(Html.escape(bar.valueText())).append("</text></g>\n");
            y += BAR_HEIGHT + BAR_GAP;
        }
        return b.append("</svg>\n").toString();
    }
}
