package scan;

import java.util.Comparator;

/**
 * Deterministic ZIP v1 entry order: unsigned bytes of the UTF-8 name. UTF-8 keeps code point order, so
 * names are compared by code point straight from their chars, without encoding them for each of the
 * million comparisons a large sort makes. (String.compareTo compares UTF-16 units, which puts characters
 * above U+FFFF, stored as surrogates, below U+E000..U+FFFF; the comparison below corrects that.)
 */
public final class PathOrder {
    public static final Comparator<String> UTF8_BYTES = PathOrder::compare;

    private PathOrder() {}

    private static int compare(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return x >= Character.MIN_SURROGATE && y >= Character.MIN_SURROGATE
                        ? Integer.compare(inCodePointOrder(x), inCodePointOrder(y)) : Integer.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /** Moves surrogates (which encode code points above U+FFFF) above U+E000..U+FFFF. */
    private static int inCodePointOrder(char c) {
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
