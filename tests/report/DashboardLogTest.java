package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import datadir.DataDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import support.CliRun;
import support.HookTrees;
import support.StagerProject;
import support.TempTrees;

/** The dashboard hook: one compact JSON line per commit attempt in DATA/dashboard/summary.jsonl, and on stderr. */
class DashboardLogTest extends StagerProject {
    static final String ID = "dash1";

    DashboardLogTest() {
        super(ID, List.of("txt", "png"), "dash1.zip");
    }

    @BeforeEach
    void files() {
        TempTrees.file(content, "a.txt", "alpha");
        TempTrees.file(content, "img/b.png", "bee");
        TempTrees.file(content, ".DS_Store", "hidden");
    }


    @Test
    void anOkCommitAppendsOneLineWithTheZipSha256() throws Exception {
        assertFalse(TempTrees.exists(HookTrees.dashboard(data)));
        Instant before = Instant.now();
        CliRun run = stager("--commit", "--json");
        assertEquals(0, run.exitCode(), run.describe());

        List<String> lines = HookTrees.dashboardLines(data);
        assertEquals(1, lines.size(), lines.toString());
        JsonNode line = HookTrees.parseDashboardLine(lines.get(0), true);
        assertEquals(ID, line.get("projectId").asText());
        assertEquals("ok", line.get("status").asText());
        assertEquals(2, line.get("eligibleFiles").asInt());
        assertEquals(8, line.get("eligibleBytes").asLong());
        assertEquals(Json.MAPPER.readTree("{\"hidden\":1}"), line.get("excludedByReason"));
        assertEquals(TempTrees.sha256(Files.readAllBytes(zip)), line.get("zipSha256").asText());
        assertEquals(zip.toAbsolutePath().normalize().toString(), line.get("outputZip").asText());
        assertFalse(Instant.parse(line.get("at").asText()).isBefore(before.minusSeconds(1)));

        JsonNode report = run.json();
        assertEquals(report.get("outputZip"), line.get("outputZip"));
        assertEquals(report.get("totals").get("excludedByReason"), line.get("excludedByReason"));

        assertEquals(List.of(lines.get(0)), HookTrees.jsonLinesOf(run.err()), "the same line, once, on stderr:\n" + run.err());
    }

    @Test
    void aRefusedCommitAppendsARefusedLineWithoutZipSha256() throws Exception {
        TempTrees.file(content, "notes.pdf", "not in the allowlist");
        TempTrees.file(content, "run.log", "banned");
        CliRun run = stager("--commit");
        assertEquals(1, run.exitCode(), run.describe());

        List<String> lines = HookTrees.dashboardLines(data);
        assertEquals(1, lines.size(), lines.toString());
        JsonNode line = HookTrees.parseDashboardLine(lines.get(0), false);
        assertEquals("refused", line.get("status").asText());
        assertEquals(ID, line.get("projectId").asText());
        assertEquals(2, line.get("eligibleFiles").asInt());
        assertEquals(Json.MAPPER.readTree("{\"banned_type\":1,\"hidden\":1,\"not_allowed\":1}"),
                line.get("excludedByReason"));
        assertEquals(zip.toAbsolutePath().normalize().toString(), line.get("outputZip").asText());
        assertEquals(List.of(lines.get(0)), HookTrees.jsonLinesOf(run.err()), run.err());
        assertTrue(run.err().contains("PZ_REFUSED"), run.err());
    }

    @Test
    void aCompanionRefusalIsARefusedLineToo() throws Exception {
        TempTrees.file(content, "img/b.psd", "companion left out");
        CliRun run = stager("--commit", "--allow-unknown", "--companions", "strict");
        assertEquals(1, run.exitCode(), run.describe());
        List<String> lines = HookTrees.dashboardLines(data);
        assertEquals(1, lines.size(), lines.toString());
        assertEquals("refused", HookTrees.parseDashboardLine(lines.get(0), false).get("status").asText());
    }

    @Test
    void aFailedCommitAppendsAFailedLineWithoutZipSha256() throws Exception {
        // A non-empty folder where the checksum file must go: an I/O failure after the zip is written.
        TempTrees.file(zip.resolveSibling("dash1.zip.sha256"), "blocker", "x");
        CliRun run = stager("--commit");
        assertEquals(3, run.exitCode(), run.describe());
        List<String> lines = HookTrees.dashboardLines(data);
        assertEquals(1, lines.size(), lines.toString());
        JsonNode line = HookTrees.parseDashboardLine(lines.get(0), false);
        assertEquals("failed", line.get("status").asText());
        assertEquals(List.of(lines.get(0)), HookTrees.jsonLinesOf(run.err()), run.err());
    }

    @Test
    void dryRunsAppendNothing() throws Exception {
        assertEquals(0, stager().exitCode());
        assertEquals(0, stager("--json").exitCode());
        TempTrees.file(content, "notes.pdf", "not in the allowlist");
        CliRun refused = stager();
        assertEquals(1, refused.exitCode(), refused.describe());
        assertFalse(TempTrees.exists(data.resolve("dashboard")), "a dry-run creates no dashboard folder");
        assertEquals(List.of(), HookTrees.jsonLinesOf(refused.err()), refused.err());
    }

    @Test
    void eachAttemptAppendsOneMoreLineInOrder() throws Exception {
        assertEquals(0, stager("--commit").exitCode());
        TempTrees.file(content, "notes.pdf", "not in the allowlist");
        assertEquals(1, stager("--commit").exitCode());
        assertEquals(0, stager("--allow-unknown").exitCode(), "a dry-run in between adds nothing");
        assertEquals(0, stager("--commit", "--allow-unknown").exitCode());

        List<String> lines = HookTrees.dashboardLines(data);
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("ok", HookTrees.parseDashboardLine(lines.get(0), true).get("status").asText());
        assertEquals("refused", HookTrees.parseDashboardLine(lines.get(1), false).get("status").asText());
        JsonNode last = HookTrees.parseDashboardLine(lines.get(2), true);
        assertEquals("ok", last.get("status").asText());
        assertEquals(Json.MAPPER.readTree("{\"hidden\":1,\"not_allowed\":1}"), last.get("excludedByReason"));
    }

    @Test
    void aCommitWhoseProjectManifestIsMalformedStillAppendsALine() throws Exception {
        // The zip is written, then the project-manifest hook fails (exit 2): the attempt must still be logged.
        TempTrees.write(HookTrees.projectManifest(data, ID), "[1, 2]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CliRun run = stager("--commit");
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_PROJECT_MANIFEST_INVALID"), run.err());
        List<String> lines = HookTrees.dashboardLines(data);
        assertEquals(1, lines.size(), "every commit attempt appends one line: " + lines + "\n" + run.describe());
    }

    @Test
    void anUnwritableDashboardNeverLeavesTheExitCodeAndTheDeliveryDisagreeing() throws Exception {
        Files.writeString(data.resolve("dashboard"), "a file where the dashboard folder goes");
        CliRun run = stager("--commit");
        String status = TempTrees.readJson(StagerReport.pathFor(zip)).get("status").asText();
        if (run.exitCode() == 0) {
            assertTrue(TempTrees.exists(zip), run.describe());
            assertEquals("ok", status);
        } else {
            assertFalse(TempTrees.exists(zip), "a failed commit delivers no zip\n" + run.describe());
            assertNotEquals("ok", status, run.describe());
            assertFalse(TempTrees.exists(HookTrees.projectManifest(data, ID)), "nor updates the project manifest");
        }
    }

    @Test
    void appendWritesExactlyTheLineItReturns() throws Exception {
        DataDir dir = new DataDir(data);
        String ok = DashboardLog.append(dir, new DashboardLog.Line("2025-10-06T16:20:00Z", "p1", "ok", 3, 30L,
                Map.of("not_allowed", 2, "hidden", 1), "ab".repeat(32), "/out/p1.zip"));
        String refused = DashboardLog.append(dir, new DashboardLog.Line("2025-10-06T16:21:00Z", "p1", "refused", 3, 30L,
                Map.of(), null, "/out/p1.zip", "PZ_REFUSED", null));
        assertEquals(List.of(ok, refused), HookTrees.dashboardLines(data));
        JsonNode first = HookTrees.parseDashboardLine(ok, true);
        assertEquals("ab".repeat(32), first.get("zipSha256").asText());
        assertEquals("{\"hidden\":1,\"not_allowed\":2}", first.get("excludedByReason").toString(), "reasons sorted");
        HookTrees.parseDashboardLine(refused, false);
        assertEquals(TempTrees.readString(HookTrees.dashboard(data)), ok + "\n" + refused + "\n");
    }

    @Test
    void appendKeepsALineWhateverTheOutputPathHolds() {
        String odd = "/out/new\nline \"quoted\" tab\t zoë 日本.zip";
        String line = DashboardLog.append(new DataDir(data), new DashboardLog.Line("2025-10-06T16:20:00Z", "p1", "ok", 0, 0L,
                Map.of(), null, odd));
        List<String> lines = HookTrees.dashboardLines(data);
        assertEquals(List.of(line), lines);
        assertEquals(odd, HookTrees.parseDashboardLine(lines.get(0), false).get("outputZip").asText());
    }

    @Test
    void concurrentAppendsFromThreadsNeverInterleave() throws Exception {
        int threads = 8;
        int perThread = 50;
        DataDir dir = new DataDir(data);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String tag = "t" + t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    DashboardLog.append(dir, HookTrees.line(tag, i, 2000 + i * 37));
                }
                return null;
            }));
        }
        start.countDown();
        List<Throwable> failures = new ArrayList<>();
        for (Future<?> f : futures) {
            try {
                f.get(120, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        pool.shutdownNow();
        assertEquals(List.of(), failures.stream().map(String::valueOf).toList(), "no append may fail");
        assertAllLinesWhole(threads, perThread, "t");
    }

    @Test
    void concurrentAppendsFromProcessesNeverInterleave() throws Exception {
        int processes = 4;
        int perProcess = 50;
        List<Process> children = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            children.add(HookTrees.startAppender(data, "p" + p, perProcess, 9000 + p * 113));
        }
        for (Process child : children) {
            assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child JVM hung");
            assertEquals(0, child.exitValue(), "child JVM failed");
        }
        assertAllLinesWhole(processes, perProcess, "p");
    }

    /** Every line parses on its own, and each writer's lines are all there, in its own order. */
    void assertAllLinesWhole(int writers, int perWriter, String prefix) {
        List<String> lines = HookTrees.dashboardLines(data);
        assertEquals(writers * perWriter, lines.size());
        Map<String, List<Integer>> seen = new HashMap<>();
        for (String l : lines) {
            JsonNode node = HookTrees.parseDashboardLine(l, true);
            String tag = node.get("projectId").asText().substring(2);
            seen.computeIfAbsent(tag, k -> new ArrayList<>()).add(node.get("eligibleFiles").asInt());
            int n = node.get("eligibleFiles").asInt();
            assertEquals(HookTrees.line(tag, n, 0).outputZip().replace(".zip", ""),
                    node.get("outputZip").asText().replaceAll("x+\\.zip$", ""), "outputZip intact");
        }
        assertEquals(writers, seen.size(), seen.keySet().toString());
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < perWriter; i++) {
            expected.add(i);
        }
        for (int w = 0; w < writers; w++) {
            assertEquals(expected, seen.get(prefix + w), "writer " + prefix + w);
        }
    }

    @Test
    void aLinkPlantedAtTheLogsPathIsRefusedNeverWrittenThrough() throws Exception {
        Path target = data.resolveSibling("elsewhere.jsonl");
        Files.createDirectories(data.resolve("dashboard"));
        Files.createSymbolicLink(data.resolve("dashboard/summary.jsonl"), target);
        DataDir dir = new DataDir(data);
        assertThrows(errors.PrezipException.class, () -> DashboardLog.requireWritable(dir));
        assertThrows(errors.PrezipException.class, () -> DashboardLog.append(dir, new DashboardLog.Line("2025-10-06T16:20:00Z", "p1",
                "ok", 0, 0L, Map.of(), null, "/out/p1.zip")));
        assertFalse(Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS), "the link's target was not created");
    }
}
