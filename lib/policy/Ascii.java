package policy;

import java.util.Locale;

/** Checks made on every path of a scan, where most names are ASCII and Unicode rules are not needed. */
final class Ascii {
    private Ascii() {}

    /** The text lowercased when it is all ASCII (then case folding is exactly this), else null. */
    static String lowerCaseOrNull(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return null;
            }
        }
        return text.toLowerCase(Locale.ROOT);
    }
}
