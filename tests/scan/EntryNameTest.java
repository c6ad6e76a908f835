package scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The name a source path ships under: its NFC form, and the zip's order of those names. */
class EntryNameTest {
    static final String DECOMPOSED = "cafe\u0301/notes.txt";
    static final String COMPOSED = "caf\u00e9/notes.txt";

    static ScannedEntry entry(String path) {
        return new ScannedEntry(path, Path.of("/content"), ScannedEntry.Kind.REGULAR, 1, 0, null);
    }

    @Test
    void aDecomposedPathShipsComposedAndAComposedOneAsItIs() {
        assertEquals(COMPOSED, EntryName.of(DECOMPOSED));
        assertEquals(COMPOSED.length() + 1, DECOMPOSED.length(), "one character fewer composed");
        String composed = new String(COMPOSED);
        assertSame(composed, EntryName.of(composed), "nothing to compose: the very string");
        String ascii = new String("a/b/plain name.txt");
        assertSame(ascii, EntryName.of(ascii), "ASCII never reaches the Normalizer");
        // Hangul jamo compose to one syllable; a singleton (Kelvin sign) maps to a letter; an emoji stays.
        assertEquals("\uD55C.txt", EntryName.of("\u1112\u1161\u11AB.txt"));
        assertEquals("K.txt", EntryName.of("\u212A.txt"));
        assertEquals("\uD83D\uDE00.txt", EntryName.of("\uD83D\uDE00.txt"));
    }

    @Test
    void isComposedTellsTheNamesTheZipMayHold() {
        assertTrue(EntryName.isComposed(COMPOSED));
        assertTrue(EntryName.isComposed("plain/ascii.txt"));
        assertFalse(EntryName.isComposed(DECOMPOSED));
        assertEquals("nfc", EntryName.FORM.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void randomNamesAreTheJdksNfcOfThem() {
        int[] pieces = {'a', 'e', 'A', '/', '.', 0x0301, 0x0308, 0x00e9, 0x1100, 0x1161, 0x11AB, 0x212B, 0x0958, 0x1F600};
        Random random = new Random(31);
        for (int i = 0; i < 3000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = random.nextInt(8); n >= 0; n--) {
                name.appendCodePoint(pieces[random.nextInt(pieces.length)]);
            }
            String path = name.toString();
            String expected = Normalizer.normalize(path, Normalizer.Form.NFC);
            assertEquals(expected, EntryName.of(path), path);
            assertEquals(expected.equals(path), EntryName.isComposed(path), path);
        }
    }

    @Test
    void theZipsOrderIsTheV1OrderOfTheComposedNames() {
        // Decomposed, "cafe\u0301" sorts before "cafz"; composed, "caf\u00e9" sorts after it.
        List<ScannedEntry> scanned = List.of(entry("cafe\u0301.txt"), entry("cafz.txt"), entry("zz.txt"));
        List<String> zipOrder = EntryName.inZipOrder(scanned).stream().map(ScannedEntry::relativePath).toList();
        assertEquals(List.of("cafz.txt", "cafe\u0301.txt", "zz.txt"), zipOrder);
        List<byte[]> names = new ArrayList<>();
        zipOrder.forEach(p -> names.add(EntryName.of(p).getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i + 1 < names.size(); i++) {
            assertTrue(Arrays.compareUnsigned(names.get(i), names.get(i + 1)) < 0, "ascending unsigned UTF-8 bytes");
        }
        List<ScannedEntry> composedAlready = List.of(entry("a.txt"), entry(COMPOSED));
        assertSame(composedAlready, EntryName.inZipOrder(composedAlready), "nothing composed: the scan's order is the zip's");
    }
}
