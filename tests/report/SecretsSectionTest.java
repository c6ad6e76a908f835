package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import secrets.NotScanned;
import secrets.SecretFinding;
import support.HtmlPages;

/** Credentials in content: where, which rule, the preview and fingerprint, the verdict; never more of the secret. */
class SecretsSectionTest {

    static String rendered(List<SecretFinding> secrets) {
        return rendered(secrets, null);
    }

    static String rendered(List<SecretFinding> secrets, List<NotScanned> notScanned) {
        StagerReport report = new StagerReport(StagerReport.SCHEMA_VERSION, "p", "/c", "/out/z.zip", StagerReport.DRY_RUN,
                StagerReport.REFUSED, List.of(), List.of(), new StagerReport.Totals(0, 0, Map.of(), Map.of()), null, null, null, null,
                secrets, secrets != null, notScanned, null, null, null, null, null);
        return PageStreamTest.text(b -> SecretsSection.write(b, report, HtmlReport.fullListIn(report)));
    }

    static SecretFinding finding(String path, String entry, boolean approved) {
        return new SecretFinding(path, entry, 3, 7, "aws-access-key", "ab".repeat(32), "AKIA", approved);
    }

    @Test
    void noFindingOrNoScanWritesNothing() {
        assertEquals("", rendered(null), "not scanned: the notice at the top says so");
        assertEquals("", rendered(List.of()));
    }

    @Test
    void aFindingIsARowWithItsVerdict() {
        String html = rendered(List.of(finding("cfg/.env", null, false), finding("doc.docx", "word/document.xml", true)));
        assertTrue(html.startsWith("<h2>Credentials in content <span class=\"count\">(2)</span></h2>\n<section id=\"secrets\">\n"), html);
        assertTrue(html.contains("<tr><td><code class=\"wrap\">cfg/.env:3:7</code></td><td><code>aws-access-key</code></td>"
                + "<td><code>AKIA</code></td><td><code class=\"wrap\">" + "ab".repeat(32) + "</code></td><td>"
                + "<span class=\"badge refused\">refused</span></td></tr>\n"), html);
        assertTrue(html.contains("<code class=\"wrap\">doc.docx!word/document.xml:3:7</code>"), "a container member in its place");
        assertTrue(html.contains("<span class=\"badge other\">approved</span>"), "an approved finding ships, shown neutral");
    }

    @Test
    void manyFindingsAreFoldedAndNamesEscaped() {
        List<SecretFinding> findings = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            findings.add(finding("<script>" + i + "\u202E.env", null, false));
        }
        String html = rendered(findings);
        assertEquals(List.of("3 more findings"), HtmlPages.summaries(html));
        assertFalse(html.contains("<script") || html.contains("\u202E"), html);
        assertTrue(html.contains("&lt;script&gt;7\\u202E.env:3:7"));
    }

    @Test
    void filesWhoseContentWasNotReadAreListedWithWhy() {
        String html = rendered(List.of(), List.of(new NotScanned("frames/<f>.png", NotScanned.MEDIA), new NotScanned("blob.bin", NotScanned.BINARY)));
        assertTrue(html.startsWith("<h2>Content not read <span class=\"count\">(2)</span></h2>\n<section id=\"not-scanned\">\n"), html);
        assertTrue(html.contains("<tr><td><code class=\"wrap\">frames/&lt;f&gt;.png</code></td><td>media</td></tr>"), html);
        assertTrue(html.contains("<td>binary</td>"), html);
        assertFalse(html.contains("id=\"secrets\""), "no finding, no findings table");
    }
}
