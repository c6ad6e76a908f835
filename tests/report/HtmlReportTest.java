package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import policy.Companions;
import policy.PolicyPreset;
import secrets.SecretFinding;
import support.CliRun;
import support.HtmlPages;
import support.StagerProject;
import support.TempTrees;
import zip.ZipManifest;
import zip.ZipPackagingMetadataV1;

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

    /** A count element against the JSON: the plain number in data-value, grouped in the text. */
    static void assertCount(long expected, String html, String id) {
        assertEquals(String.valueOf(expected), HtmlPages.idValue(html, id), id);
        assertEquals(String.format(Locale.ROOT, "%,d", expected), HtmlPages.idText(html, id), id);
    }

    /** The page's key numbers against the JSON report (and the manifest when a zip was written). */
    static void assertMatchesReport(String html, JsonNode report, JsonNode manifest) {
        JsonNode totals = report.get("totals");
        assertEquals(report.get("projectId").asText(), HtmlPages.idText(html, "project-id"));
        assertEquals(report.get("mode").asText(), HtmlPages.idText(html, "mode"));
        assertEquals(report.get("status").asText(), HtmlPages.idText(html, "status"));
        assertCount(totals.get("eligibleFiles").asLong(), html, "eligible-files");
        assertCount(totals.get("eligibleBytes").asLong(), html, "eligible-bytes");
        assertCount(report.get("excluded").size(), html, "excluded-total");
        totals.get("excludedByReason").fields().forEachRemaining(e ->
                assertCount(e.getValue().asLong(), html, "excluded-count-" + e.getKey()));
        if (manifest == null) {
            assertNull(HtmlPages.idText(html, "zip-sha256"));
            assertTrue(html.contains("id=\"no-zip\""));
        } else {
            assertEquals(manifest.get("zip_sha256").asText(), HtmlPages.idText(html, "zip-sha256"));
            assertCount(manifest.get("zip_bytes").asLong(), html, "zip-bytes");
            assertCount(manifest.get("entries").size(), html, "zip-entries");
        }
        for (JsonNode excluded : report.get("excluded")) {
            assertTrue(html.contains(Html.escape(excluded.get("path").asText())), "every excluded path: " + excluded);
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
    void renderedFromARecordEveryTextIsEscaped() {
        String evil = "<img src=x onerror=alert(1)>";
        StagerReport report = new StagerReport(StagerReport.SCHEMA_VERSION, evil, evil, evil, StagerReport.DRY_RUN,
                StagerReport.REFUSED,
                List.of(new StagerReport.EligibleFile(evil + ".txt", 7, evil, 2, null)),
                List.of(new StagerReport.ExcludedFile(evil, "not_allowed", evil)),
                new StagerReport.Totals(1, 7, Map.of(evil, new StagerReport.ExtensionTotal(1, 7)), Map.of("not_allowed", 1)),
                new PolicyPreset.Applied(evil, evil), evil,
                List.of(new Companions.SplitGroup(evil, evil, List.of(new Companions.Member(evil, evil)))),
                new StagerReport.Problem(evil, evil), null, null, null, null, null, null, null, null);
        String page = HtmlReport.render(report, null);
        assertFalse(page.contains("<img"), "no tag from data");
        HtmlPages.assertNoScript(page);
        HtmlPages.assertSelfContained(page);
        assertEquals(evil, HtmlPages.idText(page, "project-id"));
        assertEquals(evil, HtmlPages.idText(page, "error-message"));
    }

    /** The texts of a page's headings of one level, in page order, without their markup. */
    static List<String> headings(String html, String tag) {
        List<String> texts = new ArrayList<>();
        Matcher m = Pattern.compile("<" + tag + ">(.*?)</" + tag + ">", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            texts.add(HtmlPages.unescape(m.group(1).replaceAll("<[^>]*>", "")));
        }
        return texts;
    }

    /** A report of these files, dry-run and refused, its totals taken from the lists. */
    static StagerReport report(String mode, List<StagerReport.EligibleFile> eligible, List<StagerReport.ExcludedFile> excluded) {
        Map<String, Integer> byReason = new java.util.TreeMap<>();
        excluded.forEach(file -> byReason.merge(file.reason(), 1, Integer::sum));
        long bytes = eligible.stream().mapToLong(StagerReport.EligibleFile::bytes).sum();
        return new StagerReport(StagerReport.SCHEMA_VERSION, "p", "/c", "/out/z.zip", mode, StagerReport.REFUSED, eligible, excluded,
                new StagerReport.Totals(eligible.size(), bytes, Map.of("txt", new StagerReport.ExtensionTotal(eligible.size(), bytes)), byReason),
                null, "warn", List.of(), null, null, null, null, null, null, null, null, null);
    }

    static List<StagerReport.ExcludedFile> excluded(String reason, String extension, int count) {
        List<StagerReport.ExcludedFile> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(new StagerReport.ExcludedFile(String.format(Locale.ROOT, "%s/f%05d%s", reason, i, extension), reason, null));
        }
        return files;
    }

    @Test
    void numbersAreGroupedInThousandsWithCommas() {
        StagerReport.EligibleFile big = new StagerReport.EligibleFile("big.txt", 5_368_709_120L, "txt", null, null);
        String page = HtmlReport.render(report(StagerReport.DRY_RUN, List.of(big), List.of()), null);
        assertEquals("5,368,709,120", HtmlPages.idText(page, "eligible-bytes"));
        assertTrue(page.contains("<td class=\"num\">5,368,709,120</td>"), "in the extension table and the path list");
    }

    @Test
    void theSectionsComeInTheirOrderTheShellAroundThem() {
        StagerReport report = new StagerReport(StagerReport.SCHEMA_VERSION, "p", "/c", "/out/z.zip", StagerReport.COMMIT, StagerReport.OK,
                List.of(new StagerReport.EligibleFile("a.txt", 5, "txt", null, null)), excluded("hidden", ".txt", 1),
                new StagerReport.Totals(1, 5, Map.of("txt", new StagerReport.ExtensionTotal(1, 5)), Map.of("hidden", 1)),
                null, "warn", List.of(), null, List.of(new SecretFinding("a.txt", null, 1, 1, "r", "f".repeat(64), "AKIA", true)),
                true, null, null, null, null, ProvenanceSectionTest.run(), null);
        ZipManifest manifest = new ZipManifest(ZipPackagingMetadataV1.current(0), null, null, List.of(), 22, "ab".repeat(32));
        String page = HtmlReport.render(report, manifest);
        assertEquals(List.of("Zip", "Eligible bytes by extension", "Excluded files (1)", "Split companions (mode warn)",
                "Credentials in content (1)", "Provenance", "Packaging policy (manifest metadata)"), headings(page, "h2"));
        assertTrue(page.startsWith(HtmlPage.head("prezip report: p (ok)")), "the shell's head, the title naming project and status");
        assertTrue(page.endsWith("</dl>\n" + HtmlPage.FOOT), "the packaging policy last, then the shell's foot");
    }

    @Test
    void hugeMultiByteNamesAreListedCutInTheMiddleWithEveryCharacterIntact() throws Exception {
        // Names of 3,600 characters (emoji are surrogate pairs): each listed row shows the path's start and
        // file name, never a cut pair; PageStreamTest streams a pair across the writer's chunks.
        List<StagerReport.EligibleFile> files = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            files.add(new StagerReport.EligibleFile(String.format("d%02d/%s-%05d.txt", i % 7, "caf\u00e9-\uD83D\uDE00-".repeat(300), i),
                    i, "txt", null, null));
        }
        StagerReport report = report(StagerReport.DRY_RUN, files, List.of());
        java.io.ByteArrayOutputStream streamed = new java.io.ByteArrayOutputStream();
        HtmlReport.write(report, null, streamed);
        String page = streamed.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(page.contains("\uFFFD") || page.contains("?-"), "no character was split or replaced");
        for (StagerReport.EligibleFile file : files.subList(0, Fold.LISTED_ROWS)) {
            assertTrue(page.contains("<code>" + text.Printable.path(file.path()) + "</code>"), file.path());
        }
        assertFalse(page.contains("caf\u00e9-\uD83D\uDE00-".repeat(100)), "no path is listed whole");
        assertTrue(page.contains("4,900 more not listed on this page"));
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.endsWith("</html>\n"), "the page is whole");
    }
}
