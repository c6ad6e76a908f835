package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cli.Bytes;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import policy.Companions;
import policy.PolicyPreset;
import support.CliRun;
import support.HtmlPages;
import support.StagerProject;
import support.TempTrees;
import zip.ZipManifest;

/** The stager's HTML report: written when it should be, the JSON report's numbers, and every data text escaped. */
class HtmlReportTest extends StagerProject {
    static final String ID = "h1";
    HtmlReportTest() {
        super(ID, List.of("txt", "png"), "h1.zip");
    }

    /** A tree that commits with --allow-unknown: two extensions, a banned log, a hidden script-named file. */
    void buildTree() {
        TempTrees.file(content, "a.txt", "alpha");
        TempTrees.file(content, "docs/readme.txt", "read me, twice as long as alpha");
        TempTrees.file(content, "img/b.png", "not really a png, but bytes");
        TempTrees.file(content, "notes/build.log", "banned type");
        TempTrees.file(content, HtmlPages.HIDDEN_SCRIPT_PATH, "hidden");
    }

    /** The page's key numbers against the JSON report (and the manifest when a zip was written). */
    static void assertMatchesReport(String html, JsonNode report, JsonNode manifest) {
        JsonNode totals = report.get("totals");
        assertEquals(report.get("projectId").asText(), HtmlPages.idText(html, "project-id"));
        assertEquals(report.get("mode").asText(), HtmlPages.idText(html, "mode"));
        assertEquals(report.get("status").asText(), HtmlPages.idText(html, "status"));
        assertEquals(totals.get("eligibleFiles").asText(), HtmlPages.idText(html, "eligible-files"));
        assertEquals(totals.get("eligibleBytes").asText(), HtmlPages.idText(html, "eligible-bytes"));
        assertEquals(String.valueOf(report.get("excluded").size()), HtmlPages.idText(html, "excluded-total"));
        totals.get("excludedByReason").fields().forEachRemaining(e ->
                assertEquals(e.getValue().asText(), HtmlPages.idText(html, "excluded-count-" + e.getKey()), e.getKey()));
        if (manifest == null) {
            assertNull(HtmlPages.idText(html, "zip-sha256"));
            assertTrue(html.contains("id=\"no-zip\""));
        } else {
            assertEquals(manifest.get("zip_sha256").asText(), HtmlPages.idText(html, "zip-sha256"));
            assertEquals(manifest.get("zip_bytes").asText(), HtmlPages.idText(html, "zip-bytes"));
            assertEquals(String.valueOf(manifest.get("entries").size()), HtmlPages.idText(html, "zip-entries"));
        }
        for (JsonNode excluded : report.get("excluded")) {
            assertTrue(html.contains(HtmlReport.escape(excluded.get("path").asText())), "every excluded path: " + excluded);
        }
    }

    @Test
    void commitWritesTheHtmlBesideTheJsonWithTheSameNumbers() {
        buildTree();
        CliRun run = stager("--allow-unknown", "--commit");
        assertEquals(0, run.exitCode(), run.describe());
        Path html = HtmlReport.pathFor(zip);
        assertEquals(out.resolve("h1.zip.report.html"), html);
        assertTrue(Files.isRegularFile(html));
        String page = HtmlPages.read(html);
        JsonNode report = HtmlPages.json(StagerReport.pathFor(zip));
        JsonNode manifest = HtmlPages.json(ZipManifest.pathFor(zip));
        assertMatchesReport(page, report, manifest);
        assertEquals("ok", HtmlPages.idText(page, "status"));
        assertEquals("3", HtmlPages.idText(page, "eligible-files"));
        assertEquals("commit", HtmlPages.idText(page, "mode"));
        HtmlPages.assertNoScript(page);
        HtmlPages.assertSelfContained(page);
        assertEquals(List.of(), TempTrees.list(out).stream().filter(n -> n.endsWith(".tmp")).toList(), "no temp file left");
    }

    @Test
    void theScriptNameRendersAsEscapedText() {
        buildTree();
        assertEquals(0, stager("--allow-unknown", "--commit").exitCode());
        String page = HtmlPages.read(HtmlReport.pathFor(zip));
        assertTrue(page.contains(".attic/" + HtmlPages.SCRIPT_NAME_ESCAPED), "the hidden file is listed, escaped");
        assertFalse(page.contains(HtmlPages.SCRIPT_NAME));
        HtmlPages.assertNoScript(page);
    }

    @Test
    void thePolicyBlockIsTheManifests() {
        buildTree();
        assertEquals(0, stager("--allow-unknown", "--commit").exitCode());
        String page = HtmlPages.read(HtmlReport.pathFor(zip));
        JsonNode metadata = HtmlPages.json(ZipManifest.pathFor(zip)).get("metadata");
        assertEquals(metadata.get("schema_version").asText(), HtmlPages.idText(page, "policy-schema-version"));
        assertEquals(metadata.get("entry_order").asText(), HtmlPages.idText(page, "policy-entry-order"));
        assertEquals(metadata.get("timestamp_policy").asText(), HtmlPages.idText(page, "policy-timestamp-policy"));
        assertEquals(metadata.get("fixed_time_utc").asText(), HtmlPages.idText(page, "policy-fixed-time-utc"));
        assertEquals(metadata.get("permission_policy").asText(), HtmlPages.idText(page, "policy-permission-policy"));
        assertEquals(metadata.get("file_mode").asText(), HtmlPages.idText(page, "policy-file-mode"));
        assertEquals(metadata.get("deflate_level").asText(), HtmlPages.idText(page, "policy-deflate-level"));
        List<String> stored = new ArrayList<>();
        metadata.get("stored_extensions").forEach(e -> stored.add(e.asText()));
        assertEquals(String.join(", ", stored), HtmlPages.idText(page, "policy-stored-extensions"));
        assertTrue(HtmlPages.idText(page, "policy-toolchain").contains(metadata.get("toolchain").get("java_version").asText()));
    }

    @Test
    void aRefusedCommitWritesThePageWithoutAZip() {
        TempTrees.file(content, "a.txt", "alpha");
        TempTrees.file(content, HtmlPages.SCRIPT_NAME, "an unsafe name refuses the run, even with --allow-unknown");
        CliRun run = stager("--allow-unknown", "--commit");
        assertEquals(1, run.exitCode(), run.describe());
        assertFalse(Files.exists(zip));
        String page = HtmlPages.read(HtmlReport.pathFor(zip));
        JsonNode report = HtmlPages.json(StagerReport.pathFor(zip));
        assertMatchesReport(page, report, null);
        assertEquals("refused", HtmlPages.idText(page, "status"));
        assertEquals("PZ_REFUSED", HtmlPages.idText(page, "error-code"));
        assertEquals(report.get("error").get("message").asText(), HtmlPages.idText(page, "error-message"));
        assertEquals("1", HtmlPages.idText(page, "excluded-count-unsafe_name"));
        assertTrue(page.contains("<code>" + HtmlPages.SCRIPT_NAME_ESCAPED + "</code>"));
        HtmlPages.assertNoScript(page);
        HtmlPages.assertSelfContained(page);
    }

    @Test
    void aDryRunWritesNothingWithoutHtml() {
        buildTree();
        var before = TempTrees.snapshot(tmp);
        CliRun run = stager("--allow-unknown");
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(before, TempTrees.snapshot(tmp));
    }

    @Test
    void aDryRunWithHtmlWritesExactlyThatFile() throws IOException {
        buildTree();
        Path pages = Files.createDirectories(tmp.resolve("pages"));
        Path html = pages.resolve("dry.html");
        var contentBefore = TempTrees.snapshot(content);
        CliRun run = stager("--allow-unknown", "--json", "--html", html.toString());
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(List.of(), TempTrees.list(out), "no zip, no report beside it");
        assertEquals(List.of("dry.html"), TempTrees.list(pages));
        assertEquals(contentBefore, TempTrees.snapshot(content));
        String page = HtmlPages.read(html);
        assertMatchesReport(page, run.json(), null);
        assertEquals("dry-run", HtmlPages.idText(page, "mode"));
        assertTrue(page.contains("This was a dry-run"));
        HtmlPages.assertNoScript(page);
    }

    @Test
    void aRefusedDryRunWithHtmlStillWritesThePage() {
        buildTree();
        Path html = tmp.resolve("refused.html");
        CliRun run = stager("--html", html.toString(), "--json");
        assertEquals(1, run.exitCode(), run.describe());
        String page = HtmlPages.read(html);
        assertMatchesReport(page, run.json(), null);
        assertEquals("refused", HtmlPages.idText(page, "status"));
        assertEquals(List.of(), TempTrees.list(out));
    }

    @Test
    void htmlWithACommitAlsoGoesWhereAsked() {
        buildTree();
        Path html = tmp.resolve("copy.html");
        assertEquals(0, stager("--allow-unknown", "--commit", "--html", html.toString()).exitCode());
        assertEquals(HtmlPages.read(HtmlReport.pathFor(zip)), HtmlPages.read(html));
    }

    @Test
    void htmlInsideTheContentFolderIsRefused() {
        buildTree();
        var before = TempTrees.snapshot(content);
        CliRun run = stager("--allow-unknown", "--html", content.resolve("report.html").toString());
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_OUTPUT_INSIDE_CONTENT"), run.describe());
        assertEquals(before, TempTrees.snapshot(content));
    }

    @Test
    void htmlNamingAFolderIsAUsageError() {
        buildTree();
        CliRun run = stager("--html", out.toString());
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_USAGE"), run.describe());
    }

    @Test
    void escapeCoversMarkupQuotesAndInvisibleCharacters() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
                HtmlReport.escape("<a href=\"x\" title='y'>&amp;</a>"));
        assertEquals("evil\\u202Etxt.exe", HtmlReport.escape("evil\u202Etxt.exe"), "a bidi override is shown, not obeyed");
        assertEquals("bell\\u0007", HtmlReport.escape("bell\u0007"));
        assertEquals("caf\u00e9 \u65e5\u672c", HtmlReport.escape("caf\u00e9 \u65e5\u672c"), "other text is kept as is");
        assertEquals("", HtmlReport.escape(null));
    }

    @Test
    void renderedFromARecordEveryTextIsEscaped() {
        String evil = "<img src=x onerror=alert(1)>";
        StagerReport report = new StagerReport(StagerReport.SCHEMA_VERSION, evil, evil, evil, StagerReport.DRY_RUN,
                StagerReport.REFUSED,
                List.of(new StagerReport.EligibleFile(evil + ".txt", 7, evil, 2)),
                List.of(new StagerReport.ExcludedFile(evil, "not_allowed", evil)),
                new StagerReport.Totals(1, 7, Map.of(evil, new StagerReport.ExtensionTotal(1, 7)), Map.of("not_allowed", 1)),
                new PolicyPreset.Applied(evil, evil), evil,
                List.of(new Companions.SplitGroup(evil, evil, List.of(new Companions.Member(evil, evil)))),
                new StagerReport.Problem(evil, evil), null, null, null, null);
        String page = HtmlReport.render(report, null);
        assertFalse(page.contains("<img"), "no tag from data");
        HtmlPages.assertNoScript(page);
        HtmlPages.assertSelfContained(page);
        assertEquals(evil, HtmlPages.idText(page, "project-id"));
        assertEquals(evil, HtmlPages.idText(page, "error-message"));
    }

    @Test
    void theChartHasABarPerExtensionLargestFirst() {
        StagerReport report = new StagerReport(StagerReport.SCHEMA_VERSION, "p", "/c", "/z.zip", StagerReport.DRY_RUN,
                StagerReport.OK, List.of(), List.of(),
                new StagerReport.Totals(3, 3000 + 2 * 1024 * 1024, Map.of("txt", new StagerReport.ExtensionTotal(2, 3000),
                        "png", new StagerReport.ExtensionTotal(1, 2 * 1024 * 1024)), Map.of()),
                null, "warn", List.of(), null, null, null, null, null);
        String page = HtmlReport.render(report, null);
        int svg = page.indexOf("<svg class=\"chart\" id=\"chart-extensions\"");
        assertTrue(svg > 0, "an inline SVG chart");
        String chart = page.substring(svg, page.indexOf("</svg>", svg));
        assertEquals(2, chart.split("<rect ", -1).length - 1, "one bar per extension");
        assertTrue(chart.indexOf(">.png<") < chart.indexOf(">.txt<"), "largest first");
        assertTrue(chart.contains(Bytes.human(2 * 1024 * 1024) + " \u00b7 1 file"), "labels and values");
        assertTrue(chart.contains(Bytes.human(3000) + " \u00b7 2 files"));
    }

    @Test
    void aPageLargerThanOneChunkIsStreamedWholeWithEveryCharacterIntact() throws Exception {
        // 5,000 rows of multi-byte names (emoji are surrogate pairs) cross many of the writer's chunks.
        List<StagerReport.EligibleFile> files = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            files.add(new StagerReport.EligibleFile(String.format("d%02d/caf\u00e9-\uD83D\uDE00-%05d.txt", i % 7, i), i, "txt", null));
        }
        StagerReport report = new StagerReport(StagerReport.SCHEMA_VERSION, "p", "/c", "/z.zip", StagerReport.DRY_RUN,
                StagerReport.OK, files, List.of(),
                new StagerReport.Totals(files.size(), 1, Map.of("txt", new StagerReport.ExtensionTotal(files.size(), 1)), Map.of()),
                null, "warn", List.of(), null, null, null, null, null);
        java.io.ByteArrayOutputStream streamed = new java.io.ByteArrayOutputStream();
        HtmlReport.write(report, null, streamed);
        String page = streamed.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(streamed.size() > 4 * 65536, "the page spans several chunks: " + streamed.size());
        assertFalse(page.contains("\uFFFD") || page.contains("?-"), "no character was split or replaced");
        for (StagerReport.EligibleFile file : files) {
            assertTrue(page.contains("<code>" + file.path() + "</code>"), file.path());
        }
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.endsWith("</html>\n"), "the page is whole");
    }
}
