package policy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A case-insensitive filename glob from global_bans.json. {@code *} and {@code ?} stay within one path
 * component. A glob without {@code /} is matched against the file name; a glob with {@code /} against
 * every run of consecutive path components, so {@code __MACOSX/*} catches everything under any
 * {@code __MACOSX} folder. Either way it compiles to one regex over the whole relative path.
 */
record GlobPattern(String glob, Pattern regex, String requiredLiteral, String namePrefix, String nameSuffix) {
    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    static GlobPattern compile(String glob) {
        // A glob without '/' matches the file name alone, from its first character to its last.
        boolean onName = !spansComponents(glob);
        String lowerCase = Ascii.lowerCaseOrNull(glob);
        int firstWildcard = firstWildcard(glob);
        int lastWildcard = Math.max(glob.lastIndexOf('*'), glob.lastIndexOf('?'));
        String prefix = onName && lowerCase != null && firstWildcard != 0
                ? lowerCase.substring(0, firstWildcard < 0 ? glob.length() : firstWildcard) : null;
        String suffix = onName && lowerCase != null && lastWildcard != glob.length() - 1
                ? lowerCase.substring(lastWildcard + 1) : null;
        return new GlobPattern(glob, Pattern.compile(onPath(bodyRegex(glob), !onName), FLAGS),
                requiredLiteral(glob), prefix, suffix);
    }

    private static int firstWildcard(String glob) {
        int star = glob.indexOf('*');
        int question = glob.indexOf('?');
        return star < 0 ? question : question < 0 ? star : Math.min(star, question);
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
     * False only when the glob cannot match the path (given lowercased, or null when not ASCII): a glob on
     * the file name needs the name to start with its text before the first wildcard and end with its text
     * after the last (a few characters compared, where most names differ); any other glob needs its
     * required literal somewhere in the path. Most paths are ruled out so, without running any regex.
     */
    boolean mayMatch(String asciiLowerCasePath) {
        if (asciiLowerCasePath == null) {
            return true;
        }
        if (namePrefix != null || nameSuffix != null) {
            return (namePrefix == null || asciiLowerCasePath.startsWith(namePrefix, asciiLowerCasePath.lastIndexOf('/') + 1))
                    && (nameSuffix == null || asciiLowerCasePath.endsWith(nameSuffix));
        }
        return requiredLiteral == null || asciiLowerCasePath.contains(requiredLiteral);
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
