import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A case-insensitive filename glob from global_bans.json. {@code *} and {@code ?} stay within one path
 * component. A glob without {@code /} is matched against the file name; a glob with {@code /} against
 * every run of consecutive path components, so {@code __MACOSX/*} catches everything under any
 * {@code __MACOSX} folder. Either way it compiles to one regex over the whole relative path.
 */
record GlobPattern(String glob, Pattern regex, String requiredLiteral) {
    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    static GlobPattern compile(String glob) {
        return new GlobPattern(glob, Pattern.compile(onPath(bodyRegex(glob), spansComponents(glob)), FLAGS),
                requiredLiteral(glob));
    }

    /**
     * The longest run of the glob's literal text, lowercased, when it is ASCII: every path the glob
     * matches holds it (ignoring case). Null when the glob has none or it is not ASCII (Unicode case
     * folding can pair it with other characters), so such a glob is always left to its regex.
     */
    private static String requiredLiteral(String glob) {
        String longest = "";
        for (String literal : glob.split("[*?]")) {
            if (literal.length() > longest.length()) {
                longest = literal;
            }
        }
        return longest.isEmpty() ? null : Ascii.lowerCaseOrNull(longest);
    }

    /**
     * False only when the glob cannot match: the path (given lowercased, or null when not ASCII) lacks
     * the glob's required literal. Most paths are ruled out by this, without running any regex.
     */
    boolean mayMatch(String asciiLowerCasePath) {
        return requiredLiteral == null || asciiLowerCasePath == null || asciiLowerCasePath.contains(requiredLiteral);
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

    private static boolean spansComponents(String glob) {
        return glob.indexOf('/') >= 0;
    }

    /** A glob with a '/' is about folders too, not just the file name. */
    boolean spansComponents() {
        return spansComponents(glob);
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
