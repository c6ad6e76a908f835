package report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import provenance.RunRecord;
import support.HtmlPages;

/** Provenance: when, by whom, with what, and every input that decided the run, under stable ids. */
class ProvenanceSectionTest {

    static RunRecord run() {
        return new RunRecord("2026-01-02T10:00:00Z", "2026-01-02T10:00:03.5Z", 3_500, "alice", "host1", "1.2.3", "OpenJDK 17",
                List.of("--commit", "--project-id", "p"), true, false,
                List.of(new RunRecord.Input("allowlist", "/d/p_allowed_ext.json", "ab".repeat(32), "2026-01-01T00:00:00Z"),
                        new RunRecord.Input("secrets_allow", "/d/p_secrets_allow.json", null, null)),
                new RunRecord.Deflater("toolkit", "PREZIP_DEFLATER=toolkit"));
    }

    static String rendered(RunRecord run) {
        return PageStreamTest.text(b -> ProvenanceSection.write(b, run));
    }

    @Test
    void noRecordNoSection() {
        assertEquals("", rendered(null));
    }

    @Test
    void everyFieldHasItsId() {
        String html = rendered(run());
        assertEquals("2026-01-02T10:00:00Z", HtmlPages.idText(html, "run-started"));
        assertEquals("2026-01-02T10:00:03.5Z (3,500 ms)", HtmlPages.idText(html, "run-ended"));
        assertEquals("alice on host1", HtmlPages.idText(html, "run-user"));
        assertEquals("prezip 1.2.3, OpenJDK 17", HtmlPages.idText(html, "run-toolkit"));
        assertEquals("--commit --project-id p", HtmlPages.idText(html, "run-arguments"));
        assertEquals("true", HtmlPages.idText(html, "run-allow-unknown"));
        assertEquals("false", HtmlPages.idText(html, "run-content-scanned"));
        assertEquals("/d/p_allowed_ext.json sha256 " + "ab".repeat(32) + ", snapshot 2026-01-01T00:00:00Z",
                HtmlPages.idText(html, "run-input-allowlist"));
        assertEquals("/d/p_secrets_allow.json (absent)", HtmlPages.idText(html, "run-input-secrets-allow"), "an input's id: its role, hyphenated");
    }
}
