package text;

import java.util.regex.Pattern;

/** Words of a command printed for the operator to paste into a POSIX shell. */
public final class Shell {
    /** Characters that never need quoting in a shell word. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._/=:@%+,-]+");

    private Shell() {}

    /** The word as is when it is plain, else in single quotes (a quote inside closed, escaped, reopened). */
    public static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
