package text;

import java.util.ArrayList;
import java.util.List;

/**
 * A sentence of a summary in lines that fit a narrow terminal: broken at spaces only, so a path, a
 * digest or a number is never cut (a word longer than the line stands on a line of its own), and never
 * inside a group marked {@link #together} (a size and its unit).
 */
public final class Wrap {
    /** The narrowest terminal the summaries are laid out for: a split pane, or a laptop's side terminal. */
    public static final int COLUMNS = 60;

    /** Joins the words of a group that a line must not break, and prints as a space. */
    private static final char NO_BREAK = '\u00A0';

    private Wrap() {}

    /** {@code words} kept on one line when folded ("40 B", not "40" and "B" on two). */
    public static String together(String words) {
        return words.replace(' ', NO_BREAK);
    }

    /**
     * {@code text} as lines of at most {@link #COLUMNS} characters (words permitting): the first starts
     * with {@code indent}, the rest with two more spaces, so they read as one item.
     */
    public static List<String> lines(String indent, String text) {
        List<String> lines = new ArrayList<>();
        String continued = indent + "  ";
        StringBuilder line = new StringBuilder(indent);
        int lineStart = indent.length();
        for (String word : text.split(" ")) {
            boolean first = line.length() == lineStart;
            if (!first && line.length() + 1 + word.length() > COLUMNS) {
                lines.add(line.toString().replace(NO_BREAK, ' '));
                line.setLength(0);
                line.append(continued);
                lineStart = continued.length();
                first = true;
            }
            line.append(first ? "" : " ").append(word);
        }
        lines.add(line.toString().replace(NO_BREAK, ' '));
        return lines;
    }
}
