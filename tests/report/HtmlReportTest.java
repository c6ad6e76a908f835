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
import org.junit.jupiter.api.Test;
import policy.Companions;
import policy.PolicyPreset;
import support.CliRun;
import support.HtmlPages;
import support.StagerProject;
import support.TempTrees;
import text.Bytes;
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
                Html.escape("<a href=\"x\" title='y'>&amp;</a>"));
        assertEquals("evil\\u202Etxt.exe", Html.escape("evil\u202Etxt.exe"), "a bidi override is shown, not obeyed");
        assertEquals("bell\\u0007", Html.escape("bell\u0007"));
        assertEquals("caf\u00e9 \u65e5\u672c", Html.escape("caf\u00e9 \u65e5\u672c"), "other text is kept as is");
        assertEquals("", Html.escape(null));
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
                new StagerReport.Problem(evil, evil), null, null, null, null, null);
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
                null, "warn", List.of(), null, null, null, null, null, null);
        String page = HtmlReport.render(report, null);
        int svg = page.indexOf("<svg class=\"chart\" id=\"chart-extensions\"");
        assertTrue(svg > 0, "an inline SVG chart");
        String chart = page.substring(svg, page.indexOf("</svg>", svg));
        assertEquals(2, chart.split("<rect ", -1).length - 1, "one bar per extension");
        assertTrue(chart.indexOf(">.png<") < chart.indexOf(">.txt<"), "largest first");
        assertTrue(chart.contains(Bytes.human(2 * 1024 * 1024) + " \u00b7 1 file"), "labels and values");
        assertTrue(chart.contains(Bytes.human(3000) + " \u00b7 2 files"));
    }

    /** A report of these files, dry-run and refused, its totals taken from the lists. */
    static StagerReport report(String mode, List<StagerReport.EligibleFile> eligible, List<StagerReport.ExcludedFile> excluded) {
        Map<String, Integer> byReason = new java.util.TreeMap<>();
        excluded.forEach(file -> byReason.merge(file.reason(), 1, Integer::sum));
        long bytes = eligible.stream().mapToLong(StagerReport.EligibleFile::bytes).sum();
        return new StagerReport(StagerReport.SCHEMA_VERSION, "p", "/c", "/out/z.zip", mode, StagerReport.REFUSED, eligible, excluded,
                new StagerReport.Totals(eligible.size(), bytes, Map.of("txt", new StagerReport.ExtensionTotal(eligible.size(), bytes)), byReason),
                null, "warn", List.of(), null, null, null, null, null, null);
    }

    static List<StagerReport.ExcludedFile> excluded(String reason, String extension, int count) {
        List<StagerReport.ExcludedFile> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(new StagerReport.ExcludedFile(String.format(Locale.ROOT, "%s/f%05d%s", reason, i, extension), reason, null));
        }
        return files;
    }

    /** The text of one excluded reason's section. */
    static String section(String page, String reason) {
        int start = page.indexOf("<section id=\"excluded-" + reason + "\">");
        assertTrue(start >= 0, "a section for " + reason);
        return page.substring(start, page.indexOf("</section>", start));
    }

    @Test
    void longListsShowFiveRowsFoldAHundredAndCountTheRest() {
        List<StagerReport.ExcludedFile> excluded = new ArrayList<>();
        excluded.addAll(excluded("banned_type", ".tmp", 3_334));
        excluded.addAll(excluded("no_extension", "", 12));
        excluded.addAll(excluded("hidden", ".txt", 3));
        List<StagerReport.EligibleFile> eligible = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            eligible.add(new StagerReport.EligibleFile("ok/" + i + ".txt", 1_000, "txt", null));
        }
        String page = HtmlReport.render(report(StagerReport.DRY_RUN, eligible, excluded), null);

        String banned = section(page, "banned_type");
        assertEquals(Fold.LISTED_ROWS, HtmlPages.count(banned, "<li>"), "a hundred paths written, no more");
        int fold = banned.indexOf("<details");
        assertEquals(Fold.SHOWN_ROWS, HtmlPages.count(banned.substring(0, fold), "<li>"), "five before the fold");
        assertTrue(banned.substring(0, fold).contains(">banned_type/f00000.tmp<"), "the first paths, in report order");
        assertEquals(List.of("3,329 more paths"), HtmlPages.summaries(banned));
        assertTrue(banned.contains("3,234 more not listed on this page: the JSON report (<code>--json</code>) lists every one."), banned);
        assertFalse(banned.contains("f00100.tmp"), "the 101st path is not in the page");
        assertCount(3_334, page, "excluded-count-banned_type");

        String noExtension = section(page, "no_extension");
        assertEquals(12, HtmlPages.count(noExtension, "<li>"));
        assertEquals(List.of("7 more paths"), HtmlPages.summaries(noExtension));
        assertFalse(noExtension.contains("class=\"more\""), "all written: nothing left to the JSON report");

        String hidden = section(page, "hidden");
        assertEquals(3, HtmlPages.count(hidden, "<li>"));
        assertFalse(hidden.contains("<details"), "a short list is not folded");

        int list = page.indexOf("<details id=\"eligible-list\"");
        String eligibleList = page.substring(list, page.indexOf("</details>", list));
        assertEquals(Fold.LISTED_ROWS, HtmlPages.count(eligibleList, "<tr><td"));
        assertEquals("Eligible files by path (250)", HtmlPages.summaries(eligibleList).get(0));
        assertTrue(eligibleList.contains("150 more not listed on this page"));
        assertCount(3_349, page, "excluded-total");
        assertCount(250_000, page, "eligible-bytes");
        HtmlPages.assertNoScript(page);
        HtmlPages.assertSelfContained(page);
    }

    @Test
    void notAllowedIsSummedByExtensionWithItsPathsFolded() {
        List<StagerReport.ExcludedFile> excluded = new ArrayList<>();
        excluded.addAll(excluded("not_allowed", ".psd", 3_333));
        excluded.addAll(excluded("not_allowed", ".mov", 3_333));
        excluded.addAll(excluded("not_allowed", ".AI", 3_333));
        excluded.addAll(excluded("not_allowed", ".xcf", 7));
        excluded.sort(java.util.Comparator.comparing(StagerReport.ExcludedFile::path));
        String page = HtmlReport.render(report(StagerReport.COMMIT, List.of(), excluded), null);

        String notAllowed = section(page, "not_allowed");
        assertEquals(List.of(".ai \u00d7 3,333", ".mov \u00d7 3,333", ".psd \u00d7 3,333", ".xcf \u00d7 7"),
                HtmlPages.summaries(notAllowed), "the largest first, ties by extension, lowercased as the classifier does");
        assertEquals(3 * ExcludedSection.LISTED_PER_EXTENSION + 7, HtmlPages.count(notAllowed, "<li><code>"), "each extension's paths, capped");
        assertEquals(3, HtmlPages.count(notAllowed, "3,313 more not listed on this page: <code>z.zip.report.json</code> lists every one."),
                "a commit's page names the report beside its zip");
        assertCount(10_006, page, "excluded-count-not_allowed");
    }

    @Test
    void manyExtensionsFoldAfterFiveAndStopAtAHundred() {
        List<StagerReport.ExcludedFile> excluded = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            excluded.addAll(excluded("not_allowed", String.format(Locale.ROOT, ".x%03d", i), i == 149 ? 2 : 1));
        }
        String notAllowed = section(HtmlReport.render(report(StagerReport.DRY_RUN, List.of(), excluded), null), "not_allowed");
        List<String> summaries = HtmlPages.summaries(notAllowed);
        assertEquals(".x149 \u00d7 2", summaries.get(0), "the largest group first");
        assertEquals(Fold.LISTED_ROWS + 1, summaries.size(), "a hundred extensions and the fold's own summary");
        assertTrue(summaries.contains("145 more extensions"), summaries.toString());
        assertTrue(notAllowed.contains("50 more not listed on this page"));
    }

    @Test
    void foldedNamesAreEscapedToo() {
        String evil = "<img src=x onerror=alert(1)>";
        List<StagerReport.ExcludedFile> excluded = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            excluded.add(new StagerReport.ExcludedFile("d/" + i + "\u202E" + evil + ".x" + evil, "not_allowed", null));
            excluded.add(new StagerReport.ExcludedFile("e/" + i + "\u0007" + evil, "no_extension", evil));
        }
        String page = HtmlReport.render(report(StagerReport.DRY_RUN, List.of(), excluded), null);
        assertFalse(page.contains("<img"), "no tag from data, folded or not");
        assertFalse(page.contains("\u202E") || page.contains("\u0007"), "no raw control or bidi character");
        assertTrue(page.contains("7\\u202E&lt;img"), "the bidi override of a folded row shown escaped");
        assertTrue(HtmlPages.summaries(page).contains(".x<img src=x onerror=alert(1)> \u00d7 8"), "an extension summary, as text");
        HtmlPages.assertNoScript(page);
    }

    @Test
    void numbersAreGroupedInThousandsWithCommas() {
        assertEquals("<td id=\"n\" class=\"num\" data-value=\"20000\">20,000</td>", Html.countElement("td", "n", "num", 20_000));
        StagerReport.EligibleFile big = new StagerReport.EligibleFile("big.txt", 5_368_709_120L, "txt", null);
        String page = HtmlReport.render(report(StagerReport.DRY_RUN, List.of(big), List.of()), null);
        assertEquals("5,368,709,120", HtmlPages.idText(page, "eligible-bytes"));
        assertTrue(page.contains("<td class=\"num\">5,368,709,120</td>"), "in the extension table and the path list");
    }

    @Test
    void aPageLargerThanOneChunkIsStreamedWholeWithEveryCharacterIntact() throws Exception {
        // Long multi-byte names (emoji are surrogate pairs) make the hundred listed rows cross many of the writer's chunks.
        List<StagerReport.EligibleFile> files = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            files.add(new StagerReport.EligibleFile(String.format("d%02d/%s-%05d.txt", i % 7, "caf\u00e9-\uD83D\uDE00-".repeat(300), i),
                    i, "txt", null));
        }
        StagerReport report = report(StagerReport.DRY_RUN, files, List.of());
        java.io.ByteArrayOutputStream streamed = new java.io.ByteArrayOutputStream();
        HtmlReport.write(report, null, streamed);
        String page = streamed.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(streamed.size() > 4 * 65536, "the page spans several chunks: " + streamed.size());
        assertFalse(page.contains("\uFFFD") || page.contains("?-"), "no character was split or replaced");
        for (StagerReport.EligibleFile file : files.subList(0, Fold.LISTED_ROWS)) {
            assertTrue(page.contains("<code>" + file.path() + "</code>"), file.path());
        }
        assertTrue(page.contains("4,900 more not listed on this page"));
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.endsWith("</html>\n"), "the page is whole");
    }
}
