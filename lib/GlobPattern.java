import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A case-insensitive filename glob from global_bans.json. {@code *} and {@code ?} stay within one path
 * component. A glob without {@code /} is matched against the file name; a glob with {@code /} against
 * every run of consecutive path components, so {@code __MACOSX/*} catches everything under any
 * {@code __MACOSX} folder.
 */
record GlobPattern(String glob, Pattern regex, boolean spansComponents) {

    static GlobPattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new GlobPattern(glob,
                Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                glob.indexOf('/') >= 0);
    }

    /** @param relativePath a content-relative path with {@code /} separators */
    boolean matches(String relativePath) {
        String[] parts = relativePath.split("/");
        if (!spansComponents) {
            return regex.matcher(parts[parts.length - 1]).matches();
        }
        for (int from = 0; from < parts.length; from++) {
            StringBuilder run = new StringBuilder();
            for (int to = from; to < parts.length; to++) {
                if (to > from) {
                    run.append('/');
                }
                run.append(parts[to]);
                if (regex.matcher(run).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return glob.toLowerCase(Locale.ROOT);
    }
}
