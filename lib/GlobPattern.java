import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A case-insensitive filename glob from global_bans.json. {@code *} and {@code ?} stay within one path
 * component. A glob without {@code /} is matched against the file name; a glob with {@code /} against
 * every run of consecutive path components, so {@code __MACOSX/*} catches everything under any
 * {@code __MACOSX} folder. Either way it compiles to one regex over the whole relative path.
 */
record GlobPattern(String glob, String body, Pattern regex) {
    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    static GlobPattern compile(String glob) {
        String body = bodyRegex(glob);
        return new GlobPattern(glob, body, Pattern.compile(onPath(body, spansComponents(glob)), FLAGS));
    }

    /**
     * The regex of a glob's body applied to a whole relative path: it starts and ends on a component
     * boundary, and ends the path unless the glob spans folders.
     */
    static String onPath(String body, boolean spansComponents) {
        return "(?:.*/)?(?:" + body + ")" + (spansComponents ? "(?:/.*)?" : "");
    }

    /** The glob as a regex of its own text: '*' and '?' never cross a '/'. */
    static String bodyRegex(String glob) {
        StringBuilder body = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    body.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                body.append(c == '*' ? "[^/]*" : "[^/]");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            body.append(Pattern.quote(literal.toString()));
        }
        return body.toString();
    }

    /** A glob with a '/' is about folders too, not just the file name. */
    boolean spansComponents() {
        return spansComponents(glob);
    }

    private static boolean spansComponents(String glob) {
        return glob.indexOf('/') >= 0;
    }

    /** @param relativePath a content-relative path with {@code /} separators */
    boolean matches(String relativePath) {
        return regex.matcher(relativePath).matches();
    }

    @Override
    public String toString() {
        return glob.toLowerCase(Locale.ROOT);
    }
}
