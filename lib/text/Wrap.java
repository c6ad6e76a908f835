package text;

import java.util.ArrayList;
import java.util.List;

/**
 * A sentence of a summary in lines that fit a narrow terminal: broken at spaces only, so a path, a
 * digest or a number is never cut (a word longer than the line stands on a line of its own).
 */
public final class Wrap {
    /** The narrowest terminal the summaries are laid out for: a split pane, or a laptop's side terminal. */
    public static final int COLUMNS = 60;

    private Wrap() {}

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
                lines.add(line.toString());
                line.setLength(0);
                line.append(continued);
                lineStart = continued.length();
                first = true;
            }
            line.append(first ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
