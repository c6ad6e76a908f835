package support;

import java.nio.file.Path;
import java.util.List;

/**
 * Content trees of names as clients' machines see them: decomposed (NFD, as macOS writes them) and composed
 * (NFC) names, 255-byte components, paths longer than Windows extracts, empty files, and names with each of
 * the characters Windows forbids.
 */
public final class NameTrees {
    private NameTrees() {}

    /** A decomposed path and the composed name it ships under. */
    public static final String DECOMPOSED = "notes/cafe\u0301_notes.txt";
    public static final String DECOMPOSED_SHIPS_AS = "notes/caf\u00e9_notes.txt";
    /** Characters Windows forbids in a file name ('/' cannot be in one anywhere). */
    public static final List<String> WINDOWS_FORBIDDEN = List.of("<", ">", ":", "\"", "|", "?", "*", "\\");

    /** A relative path of exactly {@code length} characters ending in {@code .txt}, in folders of 20 characters. */
    public static String pathOf(int length) {
        return pathOf(length, 'f');
    }

    /** The same, its folders named with {@code letter}, so several such paths differ. */
    public static String pathOf(int length, char letter) {
        StringBuilder path = new StringBuilder();
        while (path.length() + 21 < length - 4) {
            path.append(String.valueOf(letter).repeat(20)).append('/');
        }
        path.append("x".repeat(length - 4 - path.length())).append(".txt");
        return path.toString();
    }

    /**
     * A tree every reader must extract as the manifest lists it: NFD and NFC names (a decomposed folder
     * and files, a composed one, Hangul jamo, a non-BMP name), components of exactly 255 UTF-8 bytes
     * (ASCII, and two-byte letters), a 280-character path, empty files.
     */
    public static Path clientTree(Path content) {
        TempTrees.file(content, DECOMPOSED, "written decomposed, as macOS does\n");
        TempTrees.file(content, "notes/r\u00e9sum\u00e9.txt", "written composed\n");
        TempTrees.file(content, "Photos de l'e\u0301te\u0301/plage.txt", "a decomposed folder\n");
        TempTrees.file(content, "\u1112\u1161\u11ab\u1100\u1173\u11af/\u110b\u1175\u1105\u1173\u11b7.txt", "Hangul jamo compose to syllables\n");
        TempTrees.file(content, "emoji/\uD83D\uDE00 smile.txt", "non-BMP\n");
        TempTrees.file(content, "long/" + "a".repeat(251) + ".txt", "a 255-byte ASCII name\n");
        TempTrees.file(content, "long/" + "\u00e9".repeat(125) + "1.txt", "a 255-byte name of two-byte letters\n");
        TempTrees.file(content, pathOf(280), "a path longer than Windows extracts: shipped, with a warning\n");
        TempTrees.file(content, "empty.txt", "");
        TempTrees.file(content, "notes/empty-e\u0301.txt", "");
        return content;
    }
}
