package report;

import java.util.Locale;
import text.Counts;
import text.Printable;

/**
 * The small pieces of markup both pages are made of, as text: escaping, ids from data, counts,
 * status badges, cards and key-value rows. Every text that comes from data goes through {@link #escape}:
 * file names are chosen by whoever filled the content folder, and the dashboard log is hand-editable.
 */
final class Html {
    /** What a key-value row shows for a value its record does not hold (an older manifest). */
    static final String NOT_RECORDED = "(not recorded)";

    private Html() {}

    /**
     * Text for HTML element content and attribute values. The five markup characters become entities;
     * control and bidi characters are shown as {@code \\uXXXX} (as in the terminal summary), so a name
     * cannot reorder or hide what the page says.
     */
    /** A path as the page shows it: cut in the middle past {@link Printable#PATH_CHARS}, then escaped. */
    static String path(String path) {
        return escape(Printable.path(path));
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        String visible = Printable.of(text);
        StringBuilder out = new StringBuilder(visible.length() + 16);
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A data text made safe for an id attribute: anything but {@code [a-z0-9_-]} becomes {@code _}. */
    static String idPart(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
    }

    /** An element holding a count: grouped for people, the plain number in {@code data-value} for scripts. */
    static String countElement(String tag, String id, String cssClass, long n) {
        return "<" + tag + " id=\"" + id + "\"" + (cssClass == null ? "" : " class=\"" + cssClass + "\"")
                + " data-value=\"" + n + "\">" + Counts.number(n) + "</" + tag + ">";
    }

    /** A status badge; known statuses get their colour, anything else the neutral one. */
    static String badge(String id, String status) {
        return "<span class=\"badge " + statusClass(status) + "\"" + (id == null ? "" : " id=\"" + id + "\"") + ">"
                + escape(status) + "</span>";
    }

    /** The style class of a status: its own for the three the style sheet colours, else "other". */
    static String statusClass(String status) {
        return StagerReport.OK.equals(status) || StagerReport.REFUSED.equals(status) || StagerReport.FAILED.equals(status)
                ? status : "other";
    }

    /** One card of a page's key numbers: a label, the count, and a line under it when {@code sub} is not null. */
    static String card(String label, String id, long value, String sub) {
        return "<div class=\"card\"><div class=\"label\">" + escape(label) + "</div>" + countElement("div", id, "value", value)
                + (sub == null ? "" : "<div class=\"sub\">" + escape(sub) + "</div>") + "</div>\n";
    }

    /** One row of a {@code dl.kv} list, its value in monospace under a stable id. */
    static String kv(String key, String id, String value) {
        return "<dt>" + escape(key) + "</dt><dd class=\"mono\" id=\"" + id + "\">" + escape(value == null ? NOT_RECORDED : value)
                + "</dd>";
    }
}
