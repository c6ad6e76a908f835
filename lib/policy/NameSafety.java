package policy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import text.Printable;

/**
 * Names that would break, or mislead, on the client's machine: Windows cannot create them, or they
 * hide what a file really is. Checked on every component of a path.
 */
public final class NameSafety {
    /** Windows refuses these device names as a file or folder name, with or without an extension. */
    private static final Set<String> WINDOWS_RESERVED = Set.of(
            "CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");
    /** Characters Windows forbids in names ('/' cannot occur inside a component). */
    private static final String WINDOWS_FORBIDDEN = "<>:\"|?*\\";
    /**
     * What Java decodes a file name's invalid UTF-8 bytes to: such a name would ship renamed. A name
     * really holding U+FFFD cannot be told apart from one, so it is refused too (rare, and fails closed).
     */
    private static final int UNDECODABLE = 0xFFFD;
    /** Most file systems cap one name at 255 bytes. */
    static final int MAX_COMPONENT_UTF8_BYTES = 255;

    private NameSafety() {}

    /** What is wrong with the path, or empty when every component is safe. */
    public static Optional<String> problem(String relativePath) {
        for (int start = 0; ; ) {
            int slash = relativePath.indexOf('/', start);
            int end = slash < 0 ? relativePath.length() : slash;
            if (!isPlainAscii(relativePath, start, end)) {
                String component = relativePath.substring(start, end);
                Optional<String> problem = componentProblem(component);
                if (problem.isPresent()) {
                    return Optional.of("'" + Printable.of(component, Printable.QUOTED_CHARS) + "': " + problem.get());
                }
            }
            if (slash < 0) {
                return Optional.empty();
            }
            start = slash + 1;
        }
    }

    /**
     * The common case, told in one pass over the characters (a scan checks every component of every
     * path): printable ASCII, none of Windows' forbidden characters, not ending in a dot or space, short,
     * and a stem no device name can be. Anything else goes through {@link #componentProblem}.
     */
    private static boolean isPlainAscii(String path, int start, int end) {
        if (end == start || end - start > MAX_COMPONENT_UTF8_BYTES) {
            return false;
        }
        int stemEnd = end;
        for (int i = start; i < end; i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c >= 0x7f || WINDOWS_FORBIDDEN.indexOf(c) >= 0) {
                return false;
            }
            if (c == '.' && stemEnd == end) {
                stemEnd = i;
            }
        }
        char last = path.charAt(end - 1);
        if (last == '.' || last == ' ') {
            return false;
        }
        // Windows ignores trailing spaces of the stem: "CON .txt" is CON, so such stems take the full check.
        int stemLength = stemEnd - start;
        return stemLength < 3 || (path.charAt(stemEnd - 1) != ' '
                && (stemLength > 4 || !WINDOWS_RESERVED.contains(path.substring(start, stemEnd).toUpperCase(Locale.ROOT))));
    }

    /** The full check of one component (every path that is not plain ASCII comes here). */
    static Optional<String> componentProblem(String name) {
        if (name.isEmpty()) {
            return Optional.of("empty path component");
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (Character.getType(cp) == Character.CONTROL) {
                return Optional.of(String.format(Locale.ROOT, "control character U+%04X", cp));
            }
            if (cp == UNDECODABLE) {
                return Optional.of("U+FFFD: bytes that are not valid UTF-8 (or a literal replacement character); the name would not ship as it is");
            }
            if (Printable.isBidiControl(cp)) {
                return Optional.of(String.format(Locale.ROOT, "bidirectional control U+%04X can disguise the real extension", cp));
            }
            if (WINDOWS_FORBIDDEN.indexOf(cp) >= 0) {
                return Optional.of("character '" + Character.toString(cp) + "' is not allowed on Windows");
            }
            i += Character.charCount(cp);
        }
        if (name.endsWith(".") || name.endsWith(" ")) {
            return Optional.of("ends with a dot or space, which Windows strips");
        }
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).stripTrailing().toUpperCase(Locale.ROOT);
        if (WINDOWS_RESERVED.contains(stem)) {
            return Optional.of("reserved device name on Windows");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_COMPONENT_UTF8_BYTES) {
            return Optional.of("longer than " + MAX_COMPONENT_UTF8_BYTES + " UTF-8 bytes");
        }
        return Optional.empty();
    }
}
