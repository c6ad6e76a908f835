package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import policy.PolicyPreset;
import provenance.RunRecord;
import support.HtmlPages;
import zip.ZipManifest;
import zip.ZipPackagingMetadataV1;

/** The top of the report: project, status, mode, folders, what must not be missed, why it stopped, the key numbers. */
class RunOverviewSectionTest {

    static StagerReport report(String status, StagerReport.Problem error, Boolean scanned, Integer leftOut) {
        return report(status, error, scanned, leftOut, null);
    }

    static StagerReport report(String status, StagerReport.Problem error, Boolean scanned, Integer leftOut, RunRecord run) {
        return new StagerReport(StagerReport.SCHEMA_VERSION, "p1", "/srv/content", "/srv/out/z.zip", StagerReport.COMMIT, status,
                List.of(new StagerReport.EligibleFile("a.txt", 3_000, "txt", null, null)), HtmlReportTest.excluded("hidden", ".txt", 2),
                new StagerReport.Totals(1, 3_000, Map.of("txt", new StagerReport.ExtensionTotal(1, 3_000)), Map.of("hidden", 2)),
                new PolicyPreset.Applied("strict", "ab".repeat(32)), "warn", List.of(), error, List.of(), scanned, null, leftOut, null, null, run, null);
    }

    static RunRecord runWith(RunRecord.Deflater deflater) {
        return new RunRecord("2026-01-02T10:00:00Z", "2026-01-02T10:00:01Z", 1_000, "alice", "host1", "1.4.0", "OpenJDK 17",
                List.of(), false, true, List.of(), deflater);
    }

    static String rendered(StagerReport report, ZipManifest manifest) {
        return PageStreamTest.text(b -> RunOverviewSection.write(b, report, manifest));
    }

    @Test
    void theHeadingAndCardsCarryTheReportsNumbers() {
        String html = rendered(report(StagerReport.OK, null, true, null), null);
        assertEquals("p1", HtmlPages.idText(html, "project-id"));
        assertEquals("ok", HtmlPages.idText(html, "status"));
        assertEquals("commit", HtmlPages.idText(html, "mode"));
        assertEquals("strict", HtmlPages.idText(html, "policy-name"));
        assertEquals("warn", HtmlPages.idText(html, "companion-mode"));
        assertEquals("/srv/content", HtmlPages.idText(html, "content-dir"));
        assertEquals("/srv/out/z.zip", HtmlPages.idText(html, "output-zip"));
        HtmlReportTest.assertCount(1, html, "eligible-files");
        HtmlReportTest.assertCount(3_000, html, "eligible-bytes");
        HtmlReportTest.assertCount(2, html, "excluded-total");
        assertTrue(html.contains("<div class=\"sub\">2.9 KiB</div>"), "bytes for people under the count");
        assertNull(HtmlPages.idText(html, "zip-bytes"), "no zip, no zip card");
        assertFalse(html.contains("class=\"problem"), "a clean run: nothing to warn of");
    }

    @Test
    void aWrittenZipAddsItsSizeCard() {
        ZipManifest manifest = new ZipManifest(ZipPackagingMetadataV1.current(0), null, null, List.of(), 1_234_567, "ab".repeat(32));
        String html = rendered(report(StagerReport.OK, null, true, null), manifest);
        HtmlReportTest.assertCount(1_234_567, html, "zip-bytes");
        assertTrue(html.endsWith("<div class=\"sub\">1.2 MiB</div></div>\n</section>\n"), html);
    }

    @Test
    void whatAnAuditorMustNotMissComesFirst() {
        String html = rendered(report(StagerReport.OK, null, null, 4), null);
        HtmlReportTest.assertCount(4, html, "left-out-by-allow-unknown");
        assertTrue(html.contains("<section class=\"problem refused\" id=\"content-not-scanned\"><strong>Content not scanned:</strong> "
                + "the run stopped before it read the files&#39; content; credentials inside them were not looked for, nor what they are by their bytes.</section>"), html);
        assertTrue(html.indexOf("id=\"allow-unknown\"") < html.indexOf("class=\"cards\""), "above the numbers");
    }

    @Test
    void whyTheRunStoppedInTheStatusColour() {
        String html = rendered(report(StagerReport.FAILED, new StagerReport.Problem("PZ_IO", "disk <full>"), true, null), null);
        assertTrue(html.contains("<section class=\"problem failed\"><strong>Why the run stopped:</strong> <code id=\"error-code\">PZ_IO</code>"));
        assertEquals("disk <full>", HtmlPages.idText(html, "error-message"));
        assertTrue(rendered(report("odd", new StagerReport.Problem("PZ_X", "x"), true, null), null).contains("<section class=\"problem other\">"));
    }

    @Test
    void theToolkitsEncoderIsNotedAndTheJdksIsNot() {
        String toolkit = rendered(report(StagerReport.OK, null, true, null,
                runWith(new RunRecord.Deflater("toolkit", "this JVM's zlib failed the single-stream check"))), null);
        assertEquals("Deflate: the toolkit's own encoder (this JVM's zlib failed the single-stream check); the zip's bytes are the"
                + " same, only slower.", HtmlPages.idText(toolkit, "deflater-notice"));
        assertFalse(toolkit.contains("class=\"problem"), "a note, not a problem");
        String jdk = rendered(report(StagerReport.OK, null, true, null, runWith(new RunRecord.Deflater("jdk", "passed"))), null);
        assertNull(HtmlPages.idText(jdk, "deflater-notice"));
        assertNull(HtmlPages.idText(rendered(report(StagerReport.OK, null, true, null, runWith(null)), null), "deflater-notice"),
                "a report of an older run names no deflater");
    }
}
