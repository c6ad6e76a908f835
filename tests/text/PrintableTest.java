package text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Names and paths as messages, summaries and pages quote them: invisible characters shown, lengths bounded. */
class PrintableTest {
    @Test
    void controlAndBidiCharactersAreShownAsEscapes() {
        assertEquals("a\\u0007b\\u202Ec.txt", Printable.of("a\u0007b\u202Ec.txt"));
        assertEquals("abc\u2026 (6 characters)", Printable.of("abcdef", 3));
    }

    @Test
    void aPathWithinTheBoundIsShownWhole() {
        String path = "shots/sq010/" + "x".repeat(100) + "/plate.exr";
        assertEquals(path, Printable.path(path));
        assertEquals("docs/\\u202Egnp.exe", Printable.path("docs/\u202Egnp.exe"));
    }

    @Test
    void aDeepPathKeepsItsStartAndItsFileNameAndSaysHowLongItWas() {
        String deep = "docs/" + "d/".repeat(3_000) + "deep.txt";
        String shown = Printable.path(deep);
        assertTrue(shown.startsWith("docs/d/d/"), shown);
        assertTrue(shown.endsWith("/d/\u2026/deep.txt (6,013 characters)"), shown);
        assertTrue(shown.length() <= Printable.PATH_CHARS + 1 + " (6,013 characters)".length(), shown.length() + ": " + shown);
    }

    @Test
    void aFileNameLongerThanTheTailKeepsItsEnd() {
        String name = "n".repeat(200) + ".txt";
        String shown = Printable.path("a/b/" + name);
        assertTrue(shown.startsWith("a/b/nnn") && shown.contains("\u2026") && shown.endsWith("nnn.txt (208 characters)"), shown);
    }
}
