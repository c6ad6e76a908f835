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
 * browser built holds the JSON report's numbers and shows the script-named file as text, the page
 * renders to a screenshot, and the report of a refused 20,000-file dry-run renders within the issue's
 * bound (the figure is printed). Skipped where chromium is not installed (.ci/run installs it when it can).
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

    /** The refused dry-run the issue measured: 20,000 files, 16,667 of them left out. */
    static final int SCALE_FILES = 20_000;
    /** Files per folder of that tree, as a client's export folders hold them. */
    static final int SCALE_FILES_PER_FOLDER = 100;
    /**
     * What the i-th file of that tree is, by i modulo the list's size: a banned type, a name without an
     * extension, three types the allowlist lacks, and the type that ships. So 3,334 + 3,334 + 3 x 3,333
     * are left out and 3,333 ship.
     */
    static final List<String> SCALE_KINDS = List.of(".tmp", "", ".psd", ".mov", ".ai", ".txt");
    /**
     * The bound for rendering that report in headless chromium, timed inside the browser (see
     * {@link #render}): the browser's start-up, seconds whatever the page, would swamp any difference.
     */
    static final long RENDER_LIMIT_MS = 2_000;
    /**
     * Reading the frame's layout height forces style and layout, so the time covers reading, parsing,
     * style and layout (painting one screen of it is not counted).
     */
    static final String HARNESS = """
            <!DOCTYPE html><html><body><p id="result">pending</p>
            <iframe id="frame" style="width:%dpx;height:%dpx;border:0"></iframe>
            <script>
            const frame = document.getElementById('frame');
            let start;
            frame.onload = () => {
              const doc = frame.contentDocument;
              const height = doc.documentElement.scrollHeight;
              const ms = performance.now() - start;
              document.getElementById('result').textContent = Math.round(ms) + ' ' + height + ' '
                  + doc.querySelectorAll('li, tr').length + ' ' + doc.querySelectorAll('*').length;
            };
            start = performance.now();
            frame.src = '%s';
            </script></body></html>
            """;

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

    /** What loading a page in a frame cost the browser, and what it built. */
    record Render(long ms, long heightPx, int rows, int elements) {}

    /**
     * Times one page from its request to its finished layout, inside the browser: a test-only harness
     * page (the one place with a script) loads it in a frame of the screenshot's size. The browser's
     * own start-up, seconds whatever the page, is not counted.
     */
    Render render(Path page) throws Exception {
        Path harness = page.resolveSibling("harness-" + page.getFileName());
        Files.writeString(harness, String.format(Locale.ROOT, HARNESS, WIDTH, HEIGHT, page.getFileName()));
        // The harness reads the frame's document, which chromium allows between file: pages only with this flag.
        String[] result = HtmlPages.idText(chromium("--allow-file-access-from-files", "--dump-dom", harness.toUri().toString()),
                "result").split(" ");
        assertEquals(4, result.length, "the harness measured: " + String.join(" ", result));
        return new Render(Long.parseLong(result[0]), Long.parseLong(result[1]), Integer.parseInt(result[2]), Integer.parseInt(result[3]));
    }

    /** The tree of {@link #SCALE_KINDS}, in folders of {@link #SCALE_FILES_PER_FOLDER}. */
    Path scaleTree() {
        Path tree = tmp.resolve("scale");
        for (int i = 0; i < SCALE_FILES; i++) {
            TempTrees.file(tree, String.format(Locale.ROOT, "shots/s%03d/shot_%05d%s", i / SCALE_FILES_PER_FOLDER, i,
                    SCALE_KINDS.get(i % SCALE_KINDS.size())), "frame " + i);
        }
        return tree;
    }

    /** Milliseconds of a whole screenshot run, browser start-up included: how the issue timed pages. */
    long timedScreenshot(Path page) throws Exception {
        long start = System.nanoTime();
        assertScreenshot(page);
        return (System.nanoTime() - start) / 1_000_000;
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

    @Test
    void theReportOfARefused20000FileDryRunRendersInUnderTwoSeconds() throws Exception {
        Path page = tmp.resolve("scale.html");
        CliRun run = CliRun.stager(TempTrees.args(ID, scaleTree(), data, zip, "--html", page.toString(), "--json"));
        assertEquals(1, run.exitCode(), run.err());
        JsonNode report = run.json();
        assertEquals("refused", report.get("status").asText());
        assertEquals(16_667, report.get("excluded").size());
        assertEquals(3_333, report.get("totals").get("eligibleFiles").asInt());

        String dom = dumpDom(page);
        assertEquals("16,667", HtmlPages.idText(dom, "excluded-total"));
        assertEquals("16667", HtmlPages.idValue(dom, "excluded-total"));
        assertEquals("9,999", HtmlPages.idText(dom, "excluded-count-not_allowed"));
        assertEquals("3,334", HtmlPages.idText(dom, "excluded-count-banned_type"));
        assertEquals("3,333", HtmlPages.idText(dom, "eligible-files"));
        List<String> summaries = HtmlPages.summaries(dom);
        for (String type : List.of(".ai", ".mov", ".psd")) {
            assertTrue(summaries.contains(type + " \u00d7 3,333"), type + " summed in " + summaries);
        }
        assertTrue(summaries.contains("3,329 more paths"), "banned_type and no_extension folded after five: " + summaries);

        Path small = tmp.resolve("small.html");
        assertEquals(1, stager("--html", small.toString()).exitCode(), "the small tree's banned log refuses it too");
        Render big = render(page);
        Render little = render(small);
        long bigShot = timedScreenshot(page);
        long smallShot = timedScreenshot(small);
        System.out.printf(Locale.ROOT, "BrowserRenderTest: the refused dry-run report of %,d files (%,d left out) is %,d bytes,"
                        + " %,d rows and %,d elements, %,d px tall; headless chromium parses, styles and lays it out in %,d ms"
                        + " (a 4-file report of %,d bytes: %,d ms); a whole screenshot run, start-up included, %,d ms (4-file: %,d ms)%n",
                SCALE_FILES, report.get("excluded").size(), Files.size(page), big.rows(), big.elements(), big.heightPx(), big.ms(),
                Files.size(small), little.ms(), bigShot, smallShot);
        assertTrue(big.ms() < RENDER_LIMIT_MS, "the 20,000-file report took " + big.ms() + " ms to render");
    }
}
