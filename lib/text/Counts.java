package text;

import java.util.Locale;

/** Counts as people read them: "1 file", "16,667 files" (grouped the same under every locale). */
public final class Counts {
    private Counts() {}

    public static String of(long n, String one, String many) {
        return number(n) + " " + (n == 1 ? one : many);
    }

    /** Thousands separated by commas, whatever the JVM's default locale. */
    public static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
