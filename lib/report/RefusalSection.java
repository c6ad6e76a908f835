package report;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import text.Counts;

/** The dashboard's refusals over time: a row per UTC day, its refused share as a bar, a column per reason. */
final class RefusalSection {
    /** Width of the largest per-day bar. */
    static final int DAY_BAR_WIDTH = 140;
    static final int DAY_BAR_HEIGHT = 12;

    private RefusalSection() {}

    /** @param days as {@link DashboardPage#refusalsByDay} counts them, newest first */
    static void write(StringBuilder b, Map<String, DashboardPage.DayRefusals> days) {
        b.append("<h2>Refusals by reason over time <span class=\"count\">(UTC days, newest first)</span></h2>\n");
        Set<String> reasons = new TreeSet<>();
        days.values().forEach(d -> reasons.addAll(d.byReason().keySet()));
        int maxRefused = days.values().stream().mapToInt(DashboardPage.DayRefusals::refusedRuns).max().orElse(0);
        b.append("<p class=\"muted\">A reason's column counts the refused runs that left out files for that reason (a run can count under several; <code>")
                .append(DashboardPage.OTHER_REASON).append("</code>: refused for another cause; <code>PZ_*</code> columns count refusals by their error code, such as split companions).</p>\n");
        b.append("<table id=\"refusals\"><thead><tr><th>day</th><th class=\"num\">runs</th><th class=\"num\">refused</th><th></th>");
        reasons.forEach(r -> b.append("<th class=\"num\"><code>").append(Html.escape(r)).append("</code></th>"));
        b.append("</tr></thead><tbody>\n");
        for (Map.Entry<String, DashboardPage.DayRefusals> day : days.entrySet()) {
            day(b, day.getKey(), day.getValue(), maxRefused, reasons);
        }
        b.append("</tbody></table>\n");
    }

    private static void day(StringBuilder b, String day, DashboardPage.DayRefusals d, int maxRefused, Set<String> reasons) {
        String id = Html.idPart(day);
        int width = maxRefused == 0 ? 0 : Math.max(d.refusedRuns() == 0 ? 0 : 2, d.refusedRuns() * DAY_BAR_WIDTH / maxRefused);
        b.append("<tr><td class=\"mono\">").append(Html.escape(day)).append("</td>")
                .append(Html.countElement("td", "day-runs-" + id, "num", d.runs()))
                .append(Html.countElement("td", "day-refused-" + id, "num", d.refusedRuns()))
                .append("<td><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(DAY_BAR_WIDTH).append("\" height=\"").append(DAY_BAR_HEIGHT).append("\"><title>")
                .append(Counts.number(d.refusedRuns())).append(" of ").append(Counts.number(d.runs())).append(" run(s) refused</title><rect x=\"0\" y=\"0\" width=\"")
                .append(DAY_BAR_WIDTH).append("\" height=\"").append(DAY_BAR_HEIGHT).append("\" fill=\"#eaeef2\" rx=\"2\"/>")
                .append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(DAY_BAR_HEIGHT)
                .append("\" fill=\"#bc4c00\" rx=\"2\"/></svg></td>");
        for (String reason : reasons) {
            Integer n = d.byReason().get(reason);
            b.append("<td class=\"num\">").append(n == null ? "<span class=\"muted\">&middot;</span>" : Counts.number(n)).append("</td>");
        }
        b.append("</tr>\n");
    }
}
