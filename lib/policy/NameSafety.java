package policy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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
                    return Optional.of("'" + printable(component, QUOTED_CHARS) + "': " + problem.get());
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
            if (isBidiControl(cp)) {
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

    /** Unicode bidi embeddings, overrides, isolates and marks (UAX #9). */
    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200E || cp == 0x200F || cp == 0x061C;
    }

    /** The name with invisible characters shown as escapes, so a report cannot itself be spoofed. */
    public static String printable(String name) {
        return printable(name, Integer.MAX_VALUE);
    }

    /** Names quoted in messages: enough to find the file, never a megabyte of message per name. */
    public static final int QUOTED_CHARS = 256;

    /**
     * The same, of at most the name's first {@code maxCodePoints} characters, then how long it was: a
     * message quoting a hostile name costs a bounded amount whatever the name.
     */
    public static String printable(String name, int maxCodePoints) {
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
