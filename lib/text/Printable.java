package text;

import java.util.Locale;

/** Names as messages and reports quote them: invisible characters shown, hostile lengths cut. */
public final class Printable {
    /** Names quoted in messages: enough to find the file, never a megabyte of message per name. */
    public static final int QUOTED_CHARS = 256;

    private Printable() {}

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
