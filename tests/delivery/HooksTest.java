package delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import commit.OutputLock;
import datadir.DataDir;
import datadir.ProjectId;
import errors.ErrorCode;
import errors.PrezipException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import report.DashboardLog;
import report.DashboardPage;
import report.StagerReport;
import support.HookTrees;
import support.SecretCorpus;
import support.StagerProject;
import support.StagerRequest;
import support.TempTrees;
import text.Bytes;
import zip.ZipManifest;

/** The hooks in the data folder: what a commit checks before it starts, the project manifest, the dashboard's log and page. */
class HooksTest extends StagerProject {
    static final ProjectId ID = new ProjectId("p1");
    static final String ZIP_SHA256 = "ab".repeat(32);

    /** A dry-run of the project, for its report; the hooks say their notices to it too. */
    StagerRequest run;

    HooksTest() {
        super("p1", List.of("png", "txt"), "p1.zip");
    }

    @BeforeEach
    void request() {
        run = new StagerRequest("p1", content, data, zip);
    }

    DataDir dataDir() {
        return new DataDir(data);
    }

    /** The report of a dry-run of the content as it is. */
    StagerReport report() {
        return Delivery.run(run.build()).report();
    }

    @Test
    void aCommitCannotStartWhileAnotherRunHoldsTheZipsLock() {
        try (OutputLock held = OutputLock.acquire(zip)) {
            PrezipException refused = assertThrows(PrezipException.class, () -> Hooks.requireCommitCanStart(zip, dataDir(), ID));
            assertEquals(ErrorCode.PZ_OUTPUT_LOCKED, refused.code());
        }
        Map<String, String> before = TempTrees.snapshot(tmp);
        Hooks.requireCommitCanStart(zip, dataDir(), ID);
        assertEquals(before, TempTrees.snapshot(tmp), "checked without writing anything");
    }

    @Test
    void aProjectManifestThatCannotBeUpdatedStopsTheCommitBeforeItStarts() {
        TempTrees.writeString(HookTrees.projectManifest(data, "p1"), "{ not json");
        assertEquals(ErrorCode.PZ_PROJECT_MANIFEST_INVALID,
                assertThrows(PrezipException.class, () -> Hooks.requireCommitCanStart(zip, dataDir(), ID)).code());
        assertEquals(ErrorCode.PZ_PROJECT_MANIFEST_INVALID,
                assertThrows(PrezipException.class, () -> Hooks.requireReady(dataDir(), ID)).code());
    }

    @Test
    void aDeliveryIsRecordedInTheProjectManifestAndTheHooksNameTheFilesTheyWrite() {
        TempTrees.file(content, "a.png", "png");
        TempTrees.file(content, "b.txt", "text");
        StagerReport report = report();
        Hooks.recordDelivery(dataDir(), ID, report, new ZipManifest(null, null, null, List.of(), 1234, ZIP_SHA256), System.nanoTime());
        JsonNode metrics = TempTrees.readJson(HookTrees.projectManifest(data, "p1")).get("metrics");
        assertEquals(2, metrics.get("eligibleFiles").asInt());
        assertEquals(7, metrics.get("eligibleBytes").asLong());
        assertEquals(1234, metrics.get("zipBytes").asLong());
        assertEquals(ZIP_SHA256, metrics.get("zipSha256").asText());

        Hooks.logAttempt(dataDir(), report, ZIP_SHA256, run.notices::add);
        for (Path file : Hooks.files(dataDir(), ID)) {
            assertTrue(Files.isRegularFile(file), file.toString());
        }
    }

    @Test
    void anAttemptIsOneLineInTheLogSaidAsALogLineAndThePageIsRenderedAgain() {
        Hooks.logAttempt(dataDir(), report(), ZIP_SHA256, run.notices::add);
        List<String> lines = HookTrees.dashboardLines(data);
        assertEquals(1, lines.size());
        assertEquals(lines, run.said(Notice.Kind.LOG_LINE));
        JsonNode line = HookTrees.parseJson(lines.get(0));
        assertEquals("p1", line.get("projectId").asText());
        assertEquals("ok", line.get("status").asText());
        assertEquals(ZIP_SHA256, line.get("zipSha256").asText());
        assertTrue(TempTrees.readString(DashboardPage.defaultPath(dataDir())).contains("p1"));
        assertEquals(List.of(), run.said(Notice.Kind.SAID));
    }

    @Test
    void aRefusedAttemptsLineNamesItsFirstCredentialsNeverTheirText() {
        SecretCorpus corpus = new SecretCorpus(30);
        int planted = DashboardLog.SECRETS_PER_LINE + 1;
        String firstSecret = null;
        for (int i = 0; i < planted; i++) {
            SecretCorpus.Planted token = corpus.onePerRule().get("github-token");
            TempTrees.file(content, "keys/k" + (char) ('a' + i) + ".txt", token.text());
            firstSecret = firstSecret == null ? token.secret() : firstSecret;
        }
        Hooks.logAttempt(dataDir(), report(), null, run.notices::add);
        String text = HookTrees.dashboardLines(data).get(0);
        JsonNode secrets = HookTrees.parseJson(text).get("secrets");
        assertEquals(DashboardLog.SECRETS_PER_LINE, secrets.size());
        assertEquals("keys/ka.txt:1:8 github-token", secrets.get(0).asText());
        assertFalse(text.contains(firstSecret));
    }

    @Test
    void pastTheRefreshLimitThePageIsLeftToTheDashboardCommandAndThatIsSaid() throws IOException {
        Path log = Files.createDirectories(HookTrees.dashboard(data).getParent()).resolve("summary.jsonl");
        long large = DashboardPage.REFRESH_MAX_LOG_BYTES + 1;
        try (RandomAccessFile sparse = new RandomAccessFile(log.toFile(), "rw")) {
            sparse.setLength(large);
        }
        Hooks.logAttempt(dataDir(), report(), ZIP_SHA256, run.notices::add);
        List<String> logged = run.said(Notice.Kind.LOG_LINE);
        assertEquals(1, logged.size());
        assertEquals(large + logged.get(0).getBytes(StandardCharsets.UTF_8).length + 1, Files.size(log), "the line is appended");
        assertFalse(Files.exists(DashboardPage.defaultPath(dataDir())));
        assertEquals(List.of("the dashboard page was not refreshed (" + log + " is " + Bytes.human(Files.size(log))
                + "); run dashboard to render it"), run.said(Notice.Kind.SAID));
    }

    @Test
    void aPageThatCannotBeRefreshedIsSaidAsAnErrorAndTheLineStays() throws IOException {
        Files.createDirectories(DashboardPage.defaultPath(dataDir()).resolve("in the way"));
        Hooks.logAttempt(dataDir(), report(), ZIP_SHA256, run.notices::add);
        assertEquals(1, HookTrees.dashboardLines(data).size());
        List<Notice> errors = run.notices.stream().filter(n -> n.kind() == Notice.Kind.ERROR).toList();
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).text().startsWith("the dashboard page could not be refreshed: "), errors.get(0).text());
    }
}
