package verify;

import text.Printable;

/**
 * One failed check: the stable code, the entry it concerns (null for the archive as a whole) and a
 * sentence naming what was found and what was expected.
 */
record VerifyFinding(VerifyCheck check, String entry, String message) {

    static VerifyFinding archive(VerifyCheck check, String message) {
        return new VerifyFinding(check, null, message);
    }

    static VerifyFinding entry(VerifyCheck check, String entry, String message) {
        return new VerifyFinding(check, entry, message);
    }

    /** A name as a message quotes it: control characters escaped, at most a few hundred characters. */
    static String quote(String name) {
        return Printable.of(name, Printable.QUOTED_CHARS);
    }
}
