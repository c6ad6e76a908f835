import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A case-insensitive filename glob from global_bans.json. {@code *} and {@code ?} stay within one path
 * component. A glob without {@code /} is matched against the file name; a glob with {@code /} against
 * every run of consecutive path components, so {@code __MACOSX/*} catches everything under any
 * {@code __MACOSX} folder. Either way it compiles to one regex over the whole relative path.
 */
record GlobPattern(String glob, Pattern regex) {
    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    static GlobPattern compile(String glob) {
        return new GlobPattern(glob, Pattern.compile(pathRegex(glob), FLAGS));
    }

    /** The glob as a regex over a whole relative path: it must start and end on a component boundary. */
    static String pathRegex(String glob) {
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
        return "(?:.*/)?" + body + (spansComponents(glob) ? "(?:/.*)?" : "");
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
