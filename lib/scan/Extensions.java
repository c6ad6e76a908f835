package scan;

import java.util.Locale;
import java.util.Optional;

/** The one definition of a file's extension, shared by inventory, the stager and the verifier. */
public final class Extensions {
    private Extensions() {}

    /** The text after the last dot of the file name, lowercased; none when there is no dot or it is last. */
    public static Optional<String> of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The extension of the file a slash-separated relative path names (its last part). */
    public static Optional<String> ofPath(String relativePath) {
        return of(relativePath.substring(relativePath.lastIndexOf('/') + 1));
    }

    /**
     * Whether a normalized extension can stand in an allowlist: not empty, and no dot, slash, backslash,
     * white space or control character (none of which a single extension can hold).
     */
    public static boolean isValid(String extension) {
        return !extension.isEmpty() && extension.codePoints().allMatch(c ->
                c > ' ' && c != '.' && c != '/' && c != '\\' && c != 0x7f && !Character.isWhitespace(c)
                        && Character.getType(c) != Character.CONTROL);
    }

    /** An extension as written in an allowlist or ban list: lowercase, without the dot. */
    public static String normalize(String extension) {
        String trimmed = extension.strip();
        return (trimmed.startsWith(".") ? trimmed.substring(1) : trimmed).toLowerCase(Locale.ROOT);
    }
}
