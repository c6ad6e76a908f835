package text;

import java.util.Locale;

/** Names as messages and reports quote them: invisible characters shown, hostile lengths cut. */
public final class Printable {
    /** Names quoted in messages: enough to find the file, never a megabyte of message per name. */
    public static final int QUOTED_CHARS = 256;

    /** A path in a summary line, a message or a page: room for a deep folder chain's start and the file's name. */
    public static final int PATH_CHARS = 160;
    /** The most of a path's end kept after the cut: its file name, unless the name alone is longer. */
    static final int PATH_TAIL_CHARS = 100;

    private Printable() {}

    /**
     * A path as people read it: shown as {@link #of(String)} shows a name, and past {@link #PATH_CHARS}
     * characters cut in the middle, so the start (where it is) and the file name (what it is) stay and a
     * hostile depth costs one bounded line: {@code docs/d/d/…/deep.txt (6,013 characters)}.
     */
    public static String path(String path) {
        String shown = of(path);
        int length = shown.codePointCount(0, shown.length());
        if (length <= PATH_CHARS) {
            return shown;
        }
        // The file name with the slash before it, so the cut reads as "start…/name".
        int nameStart = Math.max(0, shown.lastIndexOf('/'));
        int nameLength = shown.codePointCount(nameStart, shown.length());
        int tail = Math.min(nameLength, PATH_TAIL_CHARS);
        int head = PATH_CHARS - tail;
        return shown.substring(0, shown.offsetByCodePoints(0, head)) + "\u2026"
                + shown.substring(shown.offsetByCodePoints(shown.length(), -tail)) + " (" + String.format(Locale.ROOT, "%,d", path.length())
                + " characters)";
    }

    /** Unicode bidi embeddings, overrides, isolates and marks (UAX #9). */
    public static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200E || cp == 0x200F || cp == 0x061C;
    }

    /** The name with invisible characters shown as escapes, so a report cannot itself be spoofed. */
    public static String of(String name) {
        return of(name, Integer.MAX_VALUE);
    }

    /**
     * The same, of at most the name's first {@code maxCodePoints} characters, then how long it was: a
     * message quoting a hostile name costs a bounded amount whatever the name.
     */
    public static String of(String name, int maxCodePoints) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (shown++ == maxCodePoints) {
                return out.append("\u2026 (").append(name.length()).append(" characters)").toString();
            }
            if (Character.getType(cp) == Character.CONTROL || isBidiControl(cp)) {
                out.append(String.format(Locale.ROOT, "\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
