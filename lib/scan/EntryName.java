package scan;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one definition of the name a content file ships under (since toolkit 1.4.0): its relative path in
 * Unicode NFC. macOS and many Mac tools write names decomposed (NFD), and libarchive (bsdtar, Windows'
 * {@code tar}) composes them when it extracts, so a zip holding NFD names gives those clients other names
 * than the manifest lists; composed names come out the same from every reader (git's
 * {@code core.precomposeunicode} makes the same choice). The zip, the manifest and the contents file
 * use these names; the content folder and staging keep the source's.
 */
public final class EntryName {
    /** The Unicode normal form of every entry name; the manifest records it as {@code entry_name_form}. */
    public static final Normalizer.Form FORM = Normalizer.Form.NFC;

    private EntryName() {}

    /** The entry name of a source path: the path itself when it is already composed, as every ASCII path is. */
    public static String of(String sourcePath) {
        return isAscii(sourcePath) || Normalizer.isNormalized(sourcePath, FORM) ? sourcePath : Normalizer.normalize(sourcePath, FORM);
    }

    /** Whether a name is in the entry names' form (a name read from a zip or a manifest). */
    public static boolean isComposed(String name) {
        return isAscii(name) || Normalizer.isNormalized(name, FORM);
    }

    /** Most names are ASCII, which no normal form changes: they never reach the Normalizer. */
    private static boolean isAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * These entries in the zip's order, the v1 order of their entry names: the list itself when no name
     * changes (the scan's order is then the zip's), else sorted again by the composed names.
     */
    public static List<ScannedEntry> inZipOrder(List<ScannedEntry> entries) {
        if (entries.stream().allMatch(e -> isComposed(e.relativePath()))) {
            return entries;
        }
        record Named(String name, ScannedEntry entry) {}
        List<Named> named = new ArrayList<>(entries.size());
        entries.forEach(e -> named.add(new Named(of(e.relativePath()), e)));
        named.sort(Comparator.comparing(Named::name, PathOrder.UTF8_BYTES));
        return named.stream().map(Named::entry).toList();
    }
}
