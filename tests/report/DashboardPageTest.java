package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import support.CliRun;
import support.HtmlPages;
import support.StagerProject;
import support.TempTrees;
import zip.ZipManifest;

/** The dashboard: summary.jsonl read leniently, rendered to one self-contained page, summarised as JSON. */
class DashboardPageTest extends StagerProject {
    static final String ID = "dash2";

    DashboardPageTest() {
        super(ID, List.of("txt"), "dash2.zip");
    }

    @BeforeEach
    void files() {
        TempTrees.file(content, "a.txt", "alpha");
        TempTrees.file(content, "notes/build.log", "a banned type refuses the run unless --allow-unknown");
    }

    static CliRun dashboard(String... args) {
        return CliRun.dashboard(args);
    }

    Path summaryFile() {
        return data.resolve("dashboard").resolve("summary.jsonl");
    }

    void appendLines(String... lines) throws IOException {
        Files.createDirectories(summaryFile().getParent());
        Files.writeString(summaryFile(), String.join("\n", lines) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static String line(String at, String project, String status, String reasons, String sha) {
        return "{\"at\":\"" + at + "\",\"projectId\":\"" + project + "\",\"status\":\"" + status
                + "\",\"eligibleFiles\":2,\"eligibleBytes\":2048,\"excludedByReason\":" + reasons
                + (sha == null ? "" : ",\"zipSha256\":\"" + sha + "\"") + ",\"outputZip\":\"/srv/out/" + project + ".zip\"}";
    }

    @Test
    void noSummaryYetIsAPageThatSaysSo() {
        CliRun run = dashboard("--data-dir", data.toString());
        assertEquals(0, run.exitCode(), run.describe());
        Path page = data.resolve("dashboard").resolve("index.html");
        assertTrue(Files.isRegularFile(page), "the default page, its folder created");
        String html = HtmlPages.read(page);
        assertTrue(html.contains("id=\"no-runs\""));
        assertTrue(html.contains("No runs yet"));
        assertFalse(Files.exists(summaryFile()), "reading never creates the log");
        HtmlPages.assertSelfContained(html);
        assertTrue(run.out().contains(page.toString()), run.describe());
    }

    @Test
    void noSummaryYetInJson() {
        CliRun run = dashboard("--data-dir", data.toString(), "--json");
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode json = run.json();
        assertEquals(DashboardPage.SCHEMA_VERSION, json.get("schemaVersion").asInt());
        assertEquals(0, json.get("runs").asInt());
        assertEquals(0, json.get("projects").size());
        assertEquals(0, json.get("byStatus").size());
    }

    @Test
    void commitsOkAndRefusedShowUpWithTheirNumbers() {
        assertEquals(1, stager("--commit").exitCode(), "refused: a banned log");
        CliRun ok = stager("--commit", "--allow-unknown");
        assertEquals(0, ok.exitCode(), ok.describe());
        assertEquals(0, stager("--commit", "--allow-unknown").exitCode());
        String sha = HtmlPages.json(ZipManifest.pathFor(zip)).get("zip_sha256").asText();

        Path page = tmp.resolve("dash.html");
        // Every commit refreshed the default page; --output writes its own page and leaves that one alone.
        Path defaultPage = data.resolve("dashboard").resolve("index.html");
        byte[] refreshedByCommits = TempTrees.readBytes(defaultPage);
        CliRun run = dashboard("--data-dir", data.toString(), "--output", page.toString(), "--json");
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode json = run.json();
        assertEquals(3, json.get("runs").asInt());
        assertEquals(0, json.get("malformedLines").asInt());
        assertEquals(2, json.get("byStatus").get("ok").asInt());
        assertEquals(1, json.get("byStatus").get("refused").asInt());
        JsonNode project = json.get("projects").get(ID);
        assertEquals(3, project.get("runs").asInt());
        assertEquals("ok", project.get("lastStatus").asText());
        assertEquals(sha, project.get("lastZipSha256").asText());
        assertEquals(page.toString(), json.get("page").asText());
        org.junit.jupiter.api.Assertions.assertArrayEquals(refreshedByCommits, TempTrees.readBytes(defaultPage), "--output replaces the default");
        assertTrue(TempTrees.readString(defaultPage).contains(sha.substring(0, 8)), "the default page shows the last commit");

        String html = HtmlPages.read(page);
        assertEquals("3", HtmlPages.idText(html, "total-runs"));
        assertEquals("1", HtmlPages.idText(html, "project-count"));
        assertEquals("2", HtmlPages.idText(html, "status-count-ok"));
        assertEquals("1", HtmlPages.idText(html, "status-count-refused"));
        assertEquals("0", HtmlPages.idText(html, "status-count-failed"));
        assertTrue(html.contains(">" + sha.substring(0, DashboardPage.SHORT_SHA_CHARS) + "</code>"), "the short sha");
        assertTrue(html.contains("title=\"" + sha + "\""), "the full sha in the tooltip");
        assertTrue(html.contains("href=\"out/dash2.zip.report.html\""), "the latest run links its report, from the page's folder");
        assertEquals(1, html.split("href=", -1).length - 1, "only the latest run of a zip links the report beside it");
        HtmlPages.assertNoScript(html);
        HtmlPages.assertSelfContained(html);
    }

    @Test
    void malformedLinesAreSkippedAndCounted() throws IOException {
        appendLines(
                line("2025-10-06T10:00:00Z", "p1", "ok", "{\"hidden\":1}", "ab".repeat(32)),
                "not json",
                "[1,2,3]",
                "{\"at\":\"yesterday\",\"projectId\":\"p1\",\"status\":\"ok\",\"eligibleFiles\":1,\"eligibleBytes\":1}",
                "{\"at\":\"2025-10-06T10:00:00Z\",\"projectId\":\"p1\",\"status\":\"ok\",\"eligibleFiles\":\"many\",\"eligibleBytes\":1}",
                "{\"at\":\"2025-10-06T10:00:00Z\",\"status\":\"ok\",\"eligibleFiles\":1,\"eligibleBytes\":1}",
                "{\"at\":\"2025-10-06T10:00:00Z\",\"projectId\":\"p1\",\"status\":\"ok\",\"eligibleFiles\":1,\"eligibleBytes\":-5}",
                "{\"at\":\"2025-10-06T10:00:00Z\",\"projectId\":\"p1\",\"status\":\"ok\",\"eligibleFiles\":1,\"eligibleBytes\":1,\"excludedByReason\":[]}",
                "",
                "{\"at\":\"2025-10-06T11:00:00Z\",\"projectId\":\"p1\",\"status\":\"refu");
        Files.write(summaryFile(), new byte[] {(byte) 0xff, (byte) 0xfe, '\n'}, StandardOpenOption.APPEND);
        CliRun run = dashboard("--data-dir", data.toString(), "--json");
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode json = run.json();
        assertEquals(1, json.get("runs").asInt());
        assertEquals(9, json.get("malformedLines").asInt(), "every non-blank bad line, the torn last one and the bad bytes included");
        assertTrue(run.err().contains("skipped 9 malformed line(s)"), run.describe());
        String html = HtmlPages.read(data.resolve("dashboard").resolve("index.html"));
        assertEquals("9", HtmlPages.idText(html, "malformed-lines"));
        assertEquals("1", HtmlPages.idText(html, "total-runs"));
    }

    @Test
    void quietPrintsNothing() throws IOException {
        appendLines("garbage");
        CliRun run = dashboard("--data-dir", data.toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals("", run.out());
        assertEquals("", run.err());
    }

    @Test
    void everyDataTextIsEscaped() throws IOException {
        String evil = "<script>alert(1)</script>";
        appendLines("{\"at\":\"2025-10-06T10:00:00Z\",\"projectId\":\"" + evil.replace("/", "\\/") + "\",\"status\":\""
                + evil + "\",\"eligibleFiles\":1,\"eligibleBytes\":1,\"excludedByReason\":{\"" + evil + "\":1},"
                + "\"zipSha256\":\"" + evil + "\",\"outputZip\":\"/tmp/" + evil + "\\\"x.zip\"}");
        CliRun run = dashboard("--data-dir", data.toString());
        assertEquals(0, run.exitCode(), run.describe());
        String html = HtmlPages.read(data.resolve("dashboard").resolve("index.html"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        HtmlPages.assertNoScript(html);
        HtmlPages.assertSelfContained(html);
    }

    @Test
    void projectsAndRunsAreNewestFirst() {
        List<DashboardPage.Run> runs = List.of(
                run("2025-10-01T10:00:00Z", "old", "ok", Map.of(), 0),
                run("2025-10-03T10:00:00Z", "new", "ok", Map.of(), 1),
                run("2025-10-02T10:00:00Z", "old", "refused", Map.of("not_allowed", 1), 2),
                run("2025-10-02T10:00:00Z", "old", "ok", Map.of(), 3));
        Map<String, List<DashboardPage.Run>> projects = DashboardPage.byProject(runs);
        assertEquals(List.of("new", "old"), List.copyOf(projects.keySet()));
        assertEquals(List.of(3, 2, 0), projects.get("old").stream().map(DashboardPage.Run::order).toList(),
                "the same instant: the later line first");

        String html = DashboardPage.render(new DashboardPage.Log(tmp.resolve("summary.jsonl"), true, runs, 0), tmp.resolve("index.html"), Instant.EPOCH);
        assertTrue(html.indexOf("id=\"project-new\"") < html.indexOf("id=\"project-old\""));
    }

    @Test
    void refusalsAreCountedPerDayAndReason() {
        List<DashboardPage.Run> runs = List.of(
                run("2025-10-01T23:59:59Z", "p", "refused", Map.of("not_allowed", 3, "banned_type", 1, "hidden", 4), 0),
                run("2025-10-02T00:00:00Z", "p", "refused", Map.of("hidden", 2), 1),
                run("2025-10-02T08:00:00Z", "p", "refused", Map.of("not_allowed", 1), 2),
                run("2025-10-02T09:00:00Z", "p", "ok", Map.of("not_allowed", 1), 3),
                run("2025-10-02T10:00:00Z", "p", "failed", Map.of(), 4));
        Map<String, DashboardPage.DayRefusals> days = DashboardPage.refusalsByDay(runs);
        assertEquals(List.of("2025-10-02", "2025-10-01"), List.copyOf(days.keySet()), "UTC days, newest first");
        assertEquals(new DashboardPage.DayRefusals(4, 2, Map.of("not_allowed", 1, DashboardPage.OTHER_REASON, 1)),
                days.get("2025-10-02"), "hidden files never refuse a run: that refusal had another cause");
        assertEquals(new DashboardPage.DayRefusals(1, 1, Map.of("not_allowed", 1, "banned_type", 1)), days.get("2025-10-01"));
        assertFalse(DashboardPage.REFUSING_REASONS.contains("hidden"));
        assertTrue(DashboardPage.REFUSING_REASONS.contains("unsafe_name"));

        String html = DashboardPage.render(new DashboardPage.Log(tmp.resolve("summary.jsonl"), true, runs, 0), tmp.resolve("index.html"), Instant.EPOCH);
        assertEquals("2", HtmlPages.idText(html, "day-refused-2025-10-02"));
        assertEquals("4", HtmlPages.idText(html, "day-runs-2025-10-02"));
        assertEquals("1", HtmlPages.idText(html, "status-count-failed"));
    }

    @Test
    void onlyTheMostRecentDaysAndRunsAreShown() {
        List<DashboardPage.Run> runs = new java.util.ArrayList<>();
        int days = DashboardPage.MAX_DAYS + 5;
        for (int i = 0; i < days; i++) {
            runs.add(run(Instant.parse("2025-01-01T12:00:00Z").plusSeconds(86_400L * i).toString(), "p", "ok", Map.of(), i));
        }
        assertEquals(DashboardPage.MAX_DAYS, DashboardPage.refusalsByDay(runs).size());
        String html = DashboardPage.render(new DashboardPage.Log(tmp.resolve("s.jsonl"), true, runs, 0), tmp.resolve("index.html"), Instant.EPOCH);
        assertTrue(html.contains((days - ProjectRunsSection.RECENT_RUNS_PER_PROJECT) + " older run(s) not shown"));
        assertEquals(String.valueOf(days), HtmlPages.idText(html, "total-runs"));
    }

    @Test
    void parseAcceptsTheHooksLineAndNothingElse() {
        DashboardPage.Run parsed = DashboardPage.parse(line("2025-10-06T10:00:00.123456Z", "p1", "ok", "{\"hidden\":1}", "cd".repeat(32)), 7);
        assertNotNull(parsed);
        assertEquals(Instant.parse("2025-10-06T10:00:00.123456Z"), parsed.at());
        assertEquals(Map.of("hidden", 1), parsed.excludedByReason());
        assertEquals(2048, parsed.eligibleBytes());
        assertEquals(7, parsed.order());
        assertEquals("cd".repeat(32), parsed.zipSha256());
        assertNull(DashboardPage.parse(line("2025-10-06", "p1", "ok", "{}", null), 0), "a date is not an instant");
        assertNull(DashboardPage.parse(line("2025-10-06T10:00:00Z", "", "ok", "{}", null), 0));
        assertNull(DashboardPage.parse(line("2025-10-06T10:00:00Z", "p1", "ok", "{\"hidden\":1.5}", null), 0));
        assertNull(DashboardPage.parse("null", 0));
        assertNull(DashboardPage.parse("{}", 0));
        assertNull(DashboardPage.parse(line("2025-10-06T10:00:00Z", "p1", "ok", "{}", null) + " trailing", 0));
    }

    @Test
    void outputNamingAFolderIsAUsageError() {
        CliRun run = dashboard("--data-dir", data.toString(), "--output", tmp.toString());
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_USAGE"), run.describe());
    }

    @Test
    void aMissingDataDirIsAConfigurationError() {
        CliRun run = dashboard("--data-dir", tmp.resolve("nope").toString());
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_DATA_DIR_INVALID"), run.describe());
    }

    static DashboardPage.Run run(String at, String project, String status, Map<String, Integer> reasons, int order) {
        return run(at, project, status, reasons, null, order);
    }

    static DashboardPage.Run run(String at, String project, String status, Map<String, Integer> reasons, String errorCode,
                                 int order) {
        return new DashboardPage.Run(Instant.parse(at), project, status, 1, 10, reasons, null, null, errorCode, order);
    }

    @Test
    void aRefusalOtherThanFilesThatMayNotShipCountsUnderItsErrorCode() {
        List<DashboardPage.Run> runs = List.of(
                run("2026-01-02T10:00:00Z", "p", "refused", Map.of("not_allowed", 2), "PZ_COMPANIONS_SPLIT", 0),
                run("2026-01-02T11:00:00Z", "p", "refused", Map.of("not_allowed", 2), "PZ_REFUSED", 1),
                run("2026-01-02T12:00:00Z", "p", "refused", Map.of(), null, 2));
        DashboardPage.DayRefusals day = DashboardPage.refusalsByDay(runs).get("2026-01-02");
        assertEquals(3, day.refusedRuns());
        assertEquals(Map.of("PZ_COMPANIONS_SPLIT", 1, "not_allowed", 1, DashboardPage.OTHER_REASON, 1), day.byReason());
    }

    /** The one report link of a page, resolved against the page's folder as a browser would. */
    static Path linkTarget(Path page) {
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(HtmlPages.read(page));
        assertTrue(href.find(), "a link in " + page);
        return Path.of(page.getParent().toUri().resolve(href.group(1)));
    }

    @Test
    void reportLinksStillWorkAfterTheFolderHoldingPageAndReportsMoves() throws IOException {
        assertEquals(0, stager("--commit", "--allow-unknown").exitCode());
        assertEquals(0, dashboard("--data-dir", data.toString()).exitCode());
        Path page = data.resolve("dashboard").resolve("index.html");
        assertTrue(HtmlPages.read(page).contains("href=\"../../out/dash2.zip.report.html\""), HtmlPages.read(page));
        assertEquals(HtmlReport.pathFor(zip), linkTarget(page));

        Path moved = Files.createDirectories(tmp.resolve("moved"));
        Files.move(data, moved.resolve("data"), StandardCopyOption.ATOMIC_MOVE);
        Files.move(out, moved.resolve("out"), StandardCopyOption.ATOMIC_MOVE);
        Path report = linkTarget(moved.resolve("data").resolve("dashboard").resolve("index.html"));
        assertEquals(moved.resolve("out").resolve("dash2.zip.report.html"), report);
        assertTrue(Files.isRegularFile(report), "the moved page still reaches the moved report");
    }

    @Test
    void timesAreToTheSecondAndThePageSaysHowOldItIs() {
        List<DashboardPage.Run> runs = List.of(
                run("2026-11-29T16:59:01.123456789Z", "p", "ok", Map.of(), 0),
                run("2026-11-29T17:01:02.999999Z", "q", "refused", Map.of("not_allowed", 1), 1),
                run("2026-11-28T09:00:00Z", "p", "ok", Map.of(), 2));
        String html = DashboardPage.render(new DashboardPage.Log(tmp.resolve("summary.jsonl"), true, runs, 0), tmp.resolve("index.html"),
                Instant.parse("2026-11-29T17:04:37.987654321Z"));
        assertEquals("2026-11-29 17:04:37Z", HtmlPages.idText(html, "generated-at"));
        assertEquals("2026-11-29 17:01:02Z", HtmlPages.idText(html, "newest-run"), "the newest run, whatever its line's place");
        assertTrue(html.contains(">2026-11-29 16:59:01Z</td>"), "a run's time in its row");
        String text = html.replaceAll("<[^>]*>", " ");
        assertFalse(text.contains(".123") || text.contains(".987") || text.contains(".999"), "no fraction of a second as page text");
        assertTrue(html.contains("title=\"2026-11-29T16:59:01.123456789Z\""), "the log's own precision in the tooltip");
        assertTrue(HtmlPages.idText(html, "snapshot").startsWith("A snapshot of the log when it was rendered"));
    }

    @Test
    void countsAreGroupedInThousands() {
        DashboardPage.Run big = new DashboardPage.Run(Instant.parse("2026-01-02T10:00:00Z"), "p", "refused", 16_667, 5_368_709_120L,
                new java.util.TreeMap<>(Map.of("not_allowed", 9_999, "banned_type", 3_334)), null, null, null, 0);
        String html = DashboardPage.render(new DashboardPage.Log(summaryFile(), true, List.of(big), 1_234), tmp.resolve("index.html"),
                Instant.EPOCH);
        assertTrue(html.contains("<td class=\"num\">16,667</td>"), "eligible files");
        assertTrue(html.contains("title=\"5,368,709,120 bytes\""));
        assertTrue(html.contains("title=\"banned_type 3,334, not_allowed 9,999\">13,333</td>"), "excluded, with its reasons");
        assertEquals("1,234", HtmlPages.idText(html, "malformed-lines"));
        assertEquals("1234", HtmlPages.idValue(html, "malformed-lines"));
        assertEquals("1", HtmlPages.idValue(html, "total-runs"));
    }
}
