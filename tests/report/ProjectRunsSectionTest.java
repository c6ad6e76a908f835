package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.HtmlPages;

/** The dashboard's run tables: recent runs per project, short digests, and links to the reports that are still each run's own. */
class ProjectRunsSectionTest {
    @TempDir
    Path tmp;

    static DashboardPage.Run run(String at, String status, String sha, String zip, int order) {
        return new DashboardPage.Run(Instant.parse(at), "p", status, 1, 10, Map.of(), sha, zip, null, order);
    }

    static String rendered(List<DashboardPage.Run> runs, Path folder) {
        StringBuilder b = new StringBuilder();
        ProjectRunsSection.write(b, DashboardPage.byProject(runs), folder);
        return b.toString();
    }

    @Test
    void linksEncodeEveryByteThatIsNotPlainText() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("out dir#1").resolve("caf\u00e9 %?"));
        Path zipFile = folder.resolve("a:b.zip");
        Files.writeString(HtmlReport.pathFor(zipFile), "a report");
        DashboardPage.Run run = new DashboardPage.Run(Instant.parse("2026-01-02T10:00:00Z"), "p", "ok", 1, 1, Map.of(), null,
                zipFile.toString(), null, 0);
        Path page = Files.createDirectories(tmp.resolve("pages")).resolve("index.html");
        DashboardPage.write(new DashboardPage.Log(tmp.resolve("summary.jsonl"), true, List.of(run), 0), page, Instant.EPOCH);
        String html = HtmlPages.read(page);
        assertTrue(html.contains("href=\"../out%20dir%231/caf%C3%A9%20%25%3F/a%3Ab.zip.report.html\""), html);
        assertEquals(HtmlReport.pathFor(zipFile), DashboardPageTest.linkTarget(page), "the browser's resolution lands on the report");
        HtmlPages.assertNoScript(html);
    }

    @Test
    void hrefKeepsOnlyUnreservedBytes() {
        assertEquals("../a%20b/c%25~_-.html", ProjectRunsSection.href(Path.of("..", "a b", "c%~_-.html")));
        assertEquals("%E6%97%A5", ProjectRunsSection.href(Path.of("\u65e5")));
    }

    @Test
    void onlyTheNewestRunOfAZipOnThisMachineLinksItsReport() throws IOException {
        Path zip = tmp.resolve("out").resolve("p.zip");
        Files.createDirectories(zip.getParent());
        Files.writeString(HtmlReport.pathFor(zip), "r");
        Path noReport = tmp.resolve("out").resolve("gone.zip");
        String html = rendered(List.of(
                run("2026-01-01T10:00:00Z", "ok", null, zip.toString(), 0),
                run("2026-01-02T10:00:00Z", "refused", null, zip.toString(), 1),
                run("2026-01-02T11:00:00Z", "ok", null, noReport.toString(), 2),
                run("2026-01-02T12:00:00Z", "ok", null, "relative/r.zip", 3),
                run("2026-01-02T13:00:00Z", "ok", null, null, 4),
                run("2026-01-02T14:00:00Z", "ok", null, "/bad\u0000name.zip", 5)), tmp);
        assertEquals(1, HtmlPages.count(html, "href="), html);
        assertTrue(html.contains("<a href=\"out/p.zip.report.html\" title=\"" + HtmlReport.pathFor(zip) + "\"><code>p.zip</code></a>"), html);
        assertTrue(html.indexOf("<a href=") < html.indexOf("2026-01-01 10:00:00Z"), "the newer run of the zip links, the older does not");
        assertTrue(html.contains("<code title=\"" + noReport + "\">gone.zip</code>"), "no report on this machine: the name");
        assertTrue(html.contains("<code title=\"relative/r.zip\">r.zip</code>"), "a relative zip is not resolved");
        assertTrue(html.contains("<span class=\"muted\">unknown</span>"), "no zip logged");
        assertTrue(html.contains("<code title=\"/bad\\u0000name.zip\">/bad\\u0000name.zip</code>"), "not a path here: shown as text");
    }

    @Test
    void latestPerZipIsTheNewestRunOfEachZipTheLaterLineOnATie() {
        List<DashboardPage.Run> runs = List.of(
                run("2026-01-01T10:00:00Z", "ok", null, "/a.zip", 0),
                run("2026-01-03T10:00:00Z", "ok", null, "/a.zip", 1),
                run("2026-01-02T10:00:00Z", "ok", null, "/b.zip", 2),
                run("2026-01-02T10:00:00Z", "ok", null, "/b.zip", 3),
                run("2026-01-04T10:00:00Z", "ok", null, null, 4));
        assertEquals(java.util.Set.of(1, 3), ProjectRunsSection.latestPerZip(runs));
    }

    @Test
    void aProjectShowsItsRecentRunsAndCountsTheOlderOnes() {
        List<DashboardPage.Run> runs = new ArrayList<>();
        for (int i = 0; i < ProjectRunsSection.RECENT_RUNS_PER_PROJECT + 2; i++) {
            runs.add(run(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * i).toString(), i % 3 == 0 ? "refused" : "ok",
                    i % 2 == 0 ? "ab".repeat(32) : null, null, i));
        }
        String html = rendered(runs, tmp);
        assertTrue(html.startsWith("<h2>Recent runs per project</h2>\n<section class=\"project\" id=\"project-p\"><h3><code>p</code> "
                + "<span class=\"badge ok\">ok</span> <span class=\"count\">12 runs &middot; 8 ok &middot; 4 refused</span></h3>\n"), html);
        assertTrue(html.contains(ProjectRunsSection.RUN_COLUMNS), "columns aligned across projects");
        assertEquals(ProjectRunsSection.RECENT_RUNS_PER_PROJECT, HtmlPages.count(html, "<tr><td class=\"mono\""));
        assertTrue(html.contains("<p class=\"muted\">2 older run(s) not shown.</p>\n</section>\n"));
        assertTrue(html.contains("<code title=\"" + "ab".repeat(32) + "\">" + "ab".repeat(DashboardPage.SHORT_SHA_CHARS / 2) + "</code>"));
        assertTrue(html.contains("<span class=\"muted\">none</span>"), "a run without a zip has no digest");
        assertEquals("short", ProjectRunsSection.shortSha("short"));
    }
}
