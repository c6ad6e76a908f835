package report;

import java.util.List;
import java.util.function.BiConsumer;
import text.Counts;

/**
 * Long lists, folded and cut: the page of a 20,000-file run must open in a moment. A list shows its
 * first {@link #SHOWN_ROWS} rows, folds the next ones up to {@link #LISTED_ROWS}, and counts the rest,
 * naming where they are all listed ({@code fullList}, page text).
 */
final class Fold {
    /** Rows of a long list shown before its fold: enough to see at a glance what a group holds. */
    static final int SHOWN_ROWS = 5;
    /**
     * Rows of one list written into the page at all, shown and folded together; the rest are counted and
     * left to the JSON report, which lists every path. Every row costs parsing and layout: the page that
     * listed all 16,667 excluded paths of a 20,000-file run was 1.8 MB and took seconds to render.
     */
    static final int LISTED_ROWS = 100;

    private Fold() {}

    /** How a list opens and closes: a {@code <ul>}, or a table with its head. A fold repeats it. */
    record Frame(String open, String close) {}

    /**
     * A list of any length: its first {@link #SHOWN_ROWS} rows open, the next ones up to {@link #LISTED_ROWS}
     * under a fold whose summary counts all the rest, and a line counting those not written at all.
     */
    static <T> void folded(PageStream b, Frame frame, List<T> items, String noun, String fullList, BiConsumer<PageStream, T> row) {
        int shown = Math.min(items.size(), SHOWN_ROWS);
        rows(b, frame, items.subList(0, shown), row);
        if (items.size() == shown) {
            return;
        }
        int listed = Math.min(items.size(), LISTED_ROWS);
        b.append("<details class=\"fold\"><summary>").append(Counts.number(items.size() - shown)).append(" more ").append(noun)
                .append("</summary>\n");
        rows(b, frame, items.subList(shown, listed), row);
        notListed(b, items.size() - listed, fullList);
        b.append("</details>\n");
    }

    /** The rows in their frame; nothing at all for no rows. */
    static <T> void rows(PageStream b, Frame frame, List<T> items, BiConsumer<PageStream, T> row) {
        if (items.isEmpty()) {
            return;
        }
        b.append(frame.open());
        items.forEach(item -> row.accept(b, item));
        b.append(frame.close());
    }

    /** The line under a list cut at its cap: how many rows the page left out, and where they all are. */
    static void notListed(PageStream b, int count, String fullList) {
        if (count > 0) {
            b.append("<p class=\"more\">").append(Counts.number(count)).append(" more not listed on this page: ").append(fullList)
                    .append(" lists every one.</p>\n");
        }
    }
}
