package policy;

import java.util.Locale;

/**
 * A case-insensitive filename glob from global_bans.json or a preset. {@code *} and {@code ?} stay within
 * one path component. A glob without {@code /} is matched against the file name; a glob with {@code /}
 * against every run of consecutive path components, so {@code __MACOSX/*} catches everything under any
 * {@code __MACOSX} folder. Matched by a wildcard matcher, not a regex: each component costs at most its
 * length times the glob's (no backtracking blows up), and a glob is at most {@link #MAX_GLOB_CHARS} long,
 * so matching is linear in the path whatever the pattern.
 *
 * @param components the glob's components, each as folded code points with {@link #STAR} and {@link #ANY}
 */
record GlobPattern(String glob, int[][] components, String requiredLiteral, String namePrefix, String nameSuffix) {
    /** Longer globs serve no ban; the bound keeps matching linear (cost per path character: the glob's length). */
    static final int MAX_GLOB_CHARS = 256;
    /** A glob's {@code *}: any run of characters within one component. */
    private static final int STAR = -1;
    /** A glob's {@code ?}: exactly one character of a component. */
    private static final int ANY = -2;

    /** @throws IllegalArgumentException saying why the glob is refused, for the data file's error message */
    static GlobPattern compile(String glob) {
        if (glob.length() > MAX_GLOB_CHARS) {
            throw new IllegalArgumentException("is longer than " + MAX_GLOB_CHARS + " characters");
        }
        String[] parts = glob.split("/", -1);
        int[][] components = new int[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty() || parts[i].equals(".") || parts[i].equals("..")) {
                throw new IllegalArgumentException("can never match a file: a path has no empty, '.' or '..' component"
                        + " (no '/' at its start or end, no '//')");
            }
            components[i] = parts[i].codePoints().map(c -> c == '*' ? STAR : c == '?' ? ANY : fold(c)).toArray();
        }
        // A glob without '/' matches the file name alone, from its first character to its last.
        boolean onName = parts.length == 1;
        String lowerCase = Ascii.lowerCaseOrNull(glob);
        int firstWildcard = firstWildcard(glob);
        int lastWildcard = Math.max(glob.lastIndexOf('*'), glob.lastIndexOf('?'));
        String prefix = onName && lowerCase != null && firstWildcard != 0
                ? lowerCase.substring(0, firstWildcard < 0 ? glob.length() : firstWildcard) : null;
        String suffix = onName && lowerCase != null && lastWildcard != glob.length() - 1
                ? lowerCase.substring(lastWildcard + 1) : null;
        return new GlobPattern(glob, components, requiredLiteral(glob), prefix, suffix);
    }

    /** Case folding as java.util.regex does it with CASE_INSENSITIVE and UNICODE_CASE (U+017F long s is an s). */
    private static int fold(int codePoint) {
        return Character.toLowerCase(Character.toUpperCase(codePoint));
    }

    private static int firstWildcard(String glob) {
        int star = glob.indexOf('*');
        int question = glob.indexOf('?');
        return star < 0 ? question : question < 0 ? star : Math.min(star, question);
    }

    /**
     * The longest run of the glob's literal text, lowercased, when it is ASCII: every path the glob
     * matches holds it (ignoring case). Null when the glob has none or it is not ASCII (Unicode case
     * folding can pair it with other characters), so such a glob is always left to the matcher.
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
     * required literal somewhere in the path. Most paths are ruled out so, without running the matcher.
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
     * A path folded once for every glob it is matched against: its code points case-folded, and where
     * each component starts (component i is [starts[i], starts[i + 1] - 1), with one past the last).
     */
    record Folded(int[] path, int[] starts) {
        static Folded of(String relativePath) {
            int[] path = relativePath.codePoints().map(c -> c == '/' ? '/' : fold(c)).toArray();
            int count = 1;
            for (int c : path) {
                count += c == '/' ? 1 : 0;
            }
            int[] starts = new int[count + 1];
            for (int i = 0, component = 1; i < path.length; i++) {
                if (path[i] == '/') {
                    starts[component++] = i + 1;
                }
            }
            starts[count] = path.length + 1;
            return new Folded(path, starts);
        }

        int components() {
            return starts.length - 1;
        }
    }

    /**
     * @param relativePath a content-relative path with {@code /} separators
     * @return whether the glob matches the file name (a glob without '/') or a run of consecutive components
     */
    boolean matches(String relativePath) {
        return matches(Folded.of(relativePath));
    }

    boolean matches(Folded folded) {
        int[] path = folded.path();
        int[] starts = folded.starts();
        int count = folded.components();
        int span = components.length;
        // A glob of one component is about the file name: only the last component is tried.
        int first = span == 1 ? count - 1 : 0;
        for (int at = first; at + span <= count; at++) {
            boolean all = true;
            for (int j = 0; j < span && all; j++) {
                all = wildcard(components[j], path, starts[at + j], starts[at + j + 1] - 1);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a glob component matches path[from, to): the classic matcher that returns to the last
     * {@code *} only, at most (to - from) times, so never more than the two lengths multiplied.
     */
    private static boolean wildcard(int[] glob, int[] path, int from, int to) {
        int g = 0;
        int p = from;
        int star = -1;
        int resume = from;
        while (p < to) {
            if (g < glob.length && glob[g] == STAR) {
                star = g++;
                resume = p;
            } else if (g < glob.length && (glob[g] == ANY || glob[g] == path[p])) {
                g++;
                p++;
            } else if (star >= 0) {
                g = star + 1;
                p = ++resume;
            } else {
                return false;
            }
        }
        while (g < glob.length && glob[g] == STAR) {
            g++;
        }
        return g == glob.length;
    }

    @Override
    public String toString() {
        return glob.toLowerCase(Locale.ROOT);
    }
}
