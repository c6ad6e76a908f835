import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import report.DashboardPage;
import report.HtmlReport;
import report.StagerReport;
import support.CliRun;
import support.HtmlPages;
import support.SecretCorpus;
import support.StagerProject;
import support.TempTrees;
import zip.ZipManifest;

/**
 * The HTML report and the dashboard opened in a real browser (Debian's headless chromium): the DOM the
 * browser built holds the JSON report's numbers and shows the script-named file as text, and the page
 * renders to a screenshot. Skipped where chromium is not installed (.ci/run installs it when it can).
 */
class BrowserRenderTest extends StagerProject {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** A cold headless start on a busy CI machine takes seconds; a hang must not stall the suite. */
    static final long BROWSER_TIMEOUT_SECONDS = 60;
    static final int WIDTH = 1200;
    static final int HEIGHT = 1600;
    /** Flags that keep a headless run offline, root-capable and free of first-run work. */
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");
    static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    static final String ID = "b1";

    BrowserRenderTest() {
        super(ID, List.of("txt", "png"), "b1.zip");
    }

    @BeforeEach
    void files() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed at " + CHROMIUM);
        TempTrees.file(content, "a.txt", "alpha");
        TempTrees.file(content, "img/b.png", "bee bytes");
        TempTrees.file(content, "notes/build.log", "banned");
        TempTrees.file(content, HtmlPages.HIDDEN_SCRIPT_PATH, "hidden, listed as text");
    }

    /** What one browser run printed on stdout; the process and its children never outlive the call. */
    String chromium(String... args) throws Exception {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        Path stdout = tmp.resolve("chromium-" + System.nanoTime() + ".out");
        Path stderr = tmp.resolve("chromium-" + System.nanoTime() + ".err");
        List<String> command = new ArrayList<>();
        command.add(CHROMIUM.toString());
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile);
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            boolean done = process.waitFor(BROWSER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertTrue(done, "chromium did not finish within " + BROWSER_TIMEOUT_SECONDS + " s: " + command);
            assertEquals(0, process.exitValue(), "chromium failed: " + command + "\n" + Files.readString(stderr));
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(BROWSER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    String dumpDom(Path page) throws Exception {
        String dom = chromium("--dump-dom", page.toUri().toString());
        assertTrue(dom.contains("</html>"), "a whole document:\n" + dom);
        return dom;
    }

    void assertScreenshot(Path page) throws Exception {
        Path png = tmp.resolve(page.getFileName() + ".png");
        chromium("--screenshot=" + png, "--window-size=" + WIDTH + "," + HEIGHT, page.toUri().toString());
        assertTrue(Files.isRegularFile(png), "no screenshot of " + page);
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > PNG_MAGIC.length + 16, "an empty screenshot");
        assertTrue(Arrays.equals(PNG_MAGIC, Arrays.copyOf(bytes, PNG_MAGIC.length)), "not a PNG");
        // IHDR follows the magic and its length/type: width and height, big-endian.
        ByteBuffer ihdr = ByteBuffer.wrap(bytes, PNG_MAGIC.length + 8, 8);
        assertEquals(WIDTH, ihdr.getInt(), "screenshot width");
        assertEquals(HEIGHT, ihdr.getInt(), "screenshot height");
    }

    @Test
    void theReportOpensWithTheJsonReportsNumbersAndTheScriptNameAsText() throws Exception {
        CliRun run = stager("--commit", "--allow-unknown");
        assertEquals(0, run.exitCode(), run.describe());
        Path page = HtmlReport.pathFor(zip);
        JsonNode report = HtmlPages.json(StagerReport.pathFor(zip));
        JsonNode manifest = HtmlPages.json(ZipManifest.pathFor(zip));

        String dom = dumpDom(page);
        JsonNode totals = report.get("totals");
        assertEquals(totals.get("eligibleFiles").asText(), HtmlPages.idText(dom, "eligible-files"));
        assertEquals(totals.get("eligibleBytes").asText(), HtmlPages.idText(dom, "eligible-bytes"));
        assertEquals(String.valueOf(report.get("excluded").size()), HtmlPages.idText(dom, "excluded-total"));
        assertEquals(manifest.get("zip_sha256").asText(), HtmlPages.idText(dom, "zip-sha256"));
        assertEquals(manifest.get("zip_bytes").asText(), HtmlPages.idText(dom, "zip-bytes"));
        assertEquals("ok", HtmlPages.idText(dom, "status"));
        // The browser parsed the name as text: serialized back, its brackets are entities, and no element came of it.
        assertTrue(dom.contains(".attic/" + HtmlPages.SCRIPT_NAME_ESCAPED), "the script name as text");
        assertFalse(dom.toLowerCase(Locale.ROOT).contains("<script"), "no script element in the DOM");
        // An --allow-unknown run says so at the top, with what it left out; the provenance names the run.
        assertEquals(report.get("leftOutByAllowUnknown").asText(), HtmlPages.idText(dom, "left-out-by-allow-unknown"));
        assertTrue(dom.indexOf("id=\"allow-unknown\"") < dom.indexOf("id=\"eligible-files\""), "the notice comes first");
        assertEquals(manifest.get("run").get("started_at").asText(), HtmlPages.idText(dom, "run-started"));
        assertEquals("true", HtmlPages.idText(dom, "run-content-scanned"));

        assertScreenshot(page);
    }

    @Test
    void aCommitRefusedForACredentialShowsWhereAndWhichRuleButNeverTheSecret() throws Exception {
        SecretCorpus.Planted planted = new SecretCorpus(17).onePerRule().get("gitlab-token");
        TempTrees.file(content, "deploy.txt", "ci settings\n" + planted.text() + "\n");
        CliRun run = stager("--commit", "--allow-unknown");
        assertEquals(1, run.exitCode(), run.describe());
        String dom = dumpDom(HtmlReport.pathFor(zip));
        JsonNode finding = HtmlPages.json(StagerReport.pathFor(zip)).get("secrets").get(0);
        assertEquals("PZ_SECRET_FOUND", HtmlPages.idText(dom, "error-code"));
        assertTrue(dom.contains("id=\"secrets\"") && dom.contains(finding.get("fingerprint").asText()), "the finding's row");
        assertTrue(dom.contains("deploy.txt:2:"), "where");
        assertFalse(dom.contains(planted.secret()), "never the secret");
        assertScreenshot(HtmlReport.pathFor(zip));
    }

    @Test
    void aRefusedCommitsReportOpensToo() throws Exception {
        TempTrees.file(content, HtmlPages.SCRIPT_NAME, "an unsafe name refuses even with --allow-unknown");
        CliRun run = stager("--commit", "--allow-unknown");
        assertEquals(1, run.exitCode(), run.describe());
        String dom = dumpDom(HtmlReport.pathFor(zip));
        JsonNode report = HtmlPages.json(StagerReport.pathFor(zip));
        assertEquals("refused", HtmlPages.idText(dom, "status"));
        assertEquals("PZ_REFUSED", HtmlPages.idText(dom, "error-code"));
        assertEquals(report.get("totals").get("eligibleBytes").asText(), HtmlPages.idText(dom, "eligible-bytes"));
        assertEquals("1", HtmlPages.idText(dom, "excluded-count-unsafe_name"));
        assertTrue(dom.contains(">" + HtmlPages.SCRIPT_NAME_ESCAPED + "<"), "the unsafe name as text");
        assertFalse(dom.toLowerCase(Locale.ROOT).contains("<script"));
    }

    @Test
    void theDashboardOpensWithTheRunsOfSeveralCommits() throws Exception {
        assertEquals(1, stager("--commit").exitCode(), "refused: a banned log without --allow-unknown");
        assertEquals(0, stager("--commit", "--allow-unknown").exitCode());
        assertEquals(0, stager("--commit", "--allow-unknown").exitCode());
        String sha = HtmlPages.json(ZipManifest.pathFor(zip)).get("zip_sha256").asText();
        CliRun run = CliRun.dashboard("--data-dir", data.toString());
        assertEquals(0, run.exitCode(), run.describe());
        Path page = data.resolve("dashboard").resolve("index.html");

        String dom = dumpDom(page);
        assertEquals("3", HtmlPages.idText(dom, "total-runs"));
        assertEquals("2", HtmlPages.idText(dom, "status-count-ok"));
        assertEquals("1", HtmlPages.idText(dom, "status-count-refused"));
        assertEquals("1", HtmlPages.idText(dom, "project-count"));
        assertTrue(dom.contains(sha.substring(0, DashboardPage.SHORT_SHA_CHARS)), "the latest zip's short sha");
        assertFalse(dom.toLowerCase(Locale.ROOT).contains("<script"));

        assertScreenshot(page);
    }
}
