package policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AsciiTest {
    @Test
    void lowercasesAsciiText() {
        assertEquals("d/thumbs.db", Ascii.lowerCaseOrNull("D/Thumbs.DB"));
        assertEquals("", Ascii.lowerCaseOrNull(""));
        assertEquals("a~\u007f", Ascii.lowerCaseOrNull("A~\u007f"));
    }

    @Test
    void anyNonAsciiCharacterGivesNull() {
        assertNull(Ascii.lowerCaseOrNull("caf\u00e9"));
        assertNull(Ascii.lowerCaseOrNull("notes.\u017Fwp"));
        assertNull(Ascii.lowerCaseOrNull("\uD83D\uDE00"));
    }
}
