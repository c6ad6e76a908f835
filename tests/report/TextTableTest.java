package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

class TextTableTest {
    @Test
    void colourMarkupRendersOnlyWhenAsked() {
        TextTable table = new TextTable(Ansi.ON, false).row("@|yellow x|@", "1").row("longer", "22");
        String coloured = table.render("");
        assertTrue(coloured.contains("\u001b["), coloured);
        String plain = new TextTable(Ansi.OFF, false).row("@|yellow x|@", "1").row("longer", "22").render("");
        assertEquals("x        1\nlonger  22\n", plain.replace(System.lineSeparator(), "\n"));
        // Alignment is measured on the text without markup, so colour does not shift the columns.
        assertEquals(plain.replace(System.lineSeparator(), "\n"),
                Ansi.OFF.string(coloured).replaceAll("\u001b\\[[0-9;]*m", "").replace(System.lineSeparator(), "\n"));
    }
}
