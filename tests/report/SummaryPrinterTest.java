package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import provenance.RunRecord;

/** The text summary: here, the deflater's one line (the rest is held by the CLI tests' parsed summaries). */
class SummaryPrinterTest {
    private static String printed(RunRecord run) {
        StringWriter text = new StringWriter();
        SummaryPrinter.print(RunOverviewSectionTest.report(StagerReport.OK, null, true, null, run), new PrintWriter(text),
                CommandLine.Help.Ansi.OFF);
        return text.toString();
    }

    @Test
    void theToolkitsEncoderIsOneLineBeforeTheStatus() {
        List<String> lines = printed(RunOverviewSectionTest.runWith(new RunRecord.Deflater("toolkit", "PREZIP_DEFLATER=toolkit")))
                .lines().toList();
        int notice = lines.indexOf("  Deflate: the toolkit's own encoder (PREZIP_DEFLATER=toolkit); the zip's bytes are the same, only slower.");
        assertTrue(notice > 0, String.join("\n", lines));
        assertEquals("Status: ok", lines.get(notice + 2));
    }

    @Test
    void theJdksDeflaterIsNotMentioned() {
        String text = printed(RunOverviewSectionTest.runWith(new RunRecord.Deflater("jdk", "passed")));
        assertTrue(!text.contains("Deflate") && text.endsWith("Status: ok\n"), text);
    }
}
