package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import provenance.RunRecord;

/** The text summary: here, the deflater's one line and the names' lines (the rest is held by the CLI tests' parsed summaries). */
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

    private static String printed(StagerReport.Names names) {
        StagerReport plain = RunOverviewSectionTest.report(StagerReport.OK, null, true, null, null);
        StagerReport report = new StagerReport(plain.schemaVersion(), plain.projectId(), plain.contentDir(), plain.outputZip(), plain.mode(),
                plain.status(), plain.eligible(), plain.excluded(), plain.totals(), plain.policy(), plain.companionMode(),
                plain.companions(), plain.error(), plain.secrets(), plain.contentScanned(), plain.notScanned(), plain.leftOutByAllowUnknown(), names,
                plain.typeMismatches(), plain.run(), plain.delivery());
        StringWriter text = new StringWriter();
        SummaryPrinter.print(report, new PrintWriter(text), CommandLine.Help.Ansi.OFF);
        return text.toString();
    }

    @Test
    void composedNamesAndLongPathsAreSaidTheLongestNamed() {
        String longest = "shots/" + "s".repeat(300) + "/plate.exr";
        String text = printed(new StagerReport.Names(2, new StagerReport.LongPathsFound(160, 3, longest, 316)));
        assertTrue(text.contains("  Names: 2 names were decomposed (as macOS writes them) and ship composed, Unicode NFC,"
                + " as the manifest lists them.\n"), text);
        assertTrue(text.contains("  Long paths: 3 paths are longer than 160 characters; Windows may fail to extract them.\n"), text);
        assertTrue(text.contains("    longest (316): shots/sss"), text);
        assertTrue(text.contains("/plate.exr (316 characters)") && !text.contains(longest), "cut in its middle, as every path: " + text);
    }

    @Test
    void namesThatNeedNoWordSayNothing() {
        String text = printed(new StagerReport.Names(0, null));
        assertTrue(!text.contains("Names:") && !text.contains("Long paths"), text);
    }
}
