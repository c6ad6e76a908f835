package report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import support.CliRun;
import support.HookTrees;
import support.StagerProject;
import support.TempTrees;
import zip.ZipManifest;

/** The project-manifest hook: DATA/projects/ID_manifest.json after commits, dry-runs, refusals and failures. */
class ProjectManifestTest extends StagerProject {
    static final String ID = "p";
    static final String EXISTING = "{\"projectId\":\"p\",\"client\":\"ACME\",\"nested\":{\"k\":[1,2]}}";

    ProjectManifestTest() {
        super(ID, List.of("txt", "png"), "p.zip");
    }

    Path projectManifest;

    @BeforeEach
    void files() {
        projectManifest = HookTrees.projectManifest(data, ID);
        TempTrees.file(content, "a.txt", "alpha");
        TempTrees.file(content, "b/c.png", "cee");
        TempTrees.file(content, "x.pdf", "left out with --allow-unknown");
        TempTrees.file(content, ".hidden", "hidden");
    }

    /** A pre-existing project manifest with an old mtime, so any rewrite shows. */
    byte[] writeExisting(String json) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        TempTrees.write(projectManifest, bytes);
        Files.setLastModifiedTime(projectManifest, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        return bytes;
    }

    void assertUntouched(byte[] before) throws Exception {
        assertArrayEquals(before, Files.readAllBytes(projectManifest), "the project manifest must stay byte-identical");
        assertEquals(Instant.parse("2020-01-01T00:00:00Z"), Files.getLastModifiedTime(projectManifest).toInstant(),
                "the project manifest must not even be rewritten");
    }

    @Test
    void aCommitCreatesTheManifestWithFinishedAtAndMetrics() throws Exception {
        assertFalse(TempTrees.exists(projectManifest));
        Instant before = Instant.now();
        CliRun run = stager("--commit", "--allow-unknown", "--json");
        Instant after = Instant.now();
        assertEquals(0, run.exitCode(), run.describe());

        JsonNode pm = TempTrees.readJson(projectManifest);
        assertTrue(pm.isObject());
        Instant finishedAt = Instant.parse(pm.get("finishedAt").asText());
        assertTrue(pm.get("finishedAt").asText().endsWith("Z"), "ISO-8601 UTC: " + pm.get("finishedAt"));
        assertFalse(finishedAt.isBefore(before.minusSeconds(1)), finishedAt + " before the run began " + before);
        assertFalse(finishedAt.isAfter(after.plusSeconds(1)), finishedAt + " after the run ended " + after);

        JsonNode metrics = pm.get("metrics");
        assertEquals(Set.of("eligibleFiles", "eligibleBytes", "excludedByReason", "zipBytes", "zipSha256", "durationMs"),
                fieldNames(metrics));
        assertEquals(2, metrics.get("eligibleFiles").asInt());
        assertEquals(8, metrics.get("eligibleBytes").asLong(), "alpha (5) + cee (3)");
        assertEquals(Json.MAPPER.readTree("{\"hidden\":1,\"not_allowed\":1}"), metrics.get("excludedByReason"));
        byte[] zipBytes = Files.readAllBytes(zip);
        assertTrue(metrics.get("zipBytes").isIntegralNumber());
        assertEquals(zipBytes.length, metrics.get("zipBytes").asLong());
        assertEquals(Files.size(zip), metrics.get("zipBytes").asLong());
        assertEquals(TempTrees.sha256(zipBytes), metrics.get("zipSha256").asText());
        assertTrue(metrics.get("durationMs").isIntegralNumber(), metrics.toString());
        assertTrue(metrics.get("durationMs").asLong() >= 0, metrics.toString());

        // The same numbers as the report the run printed and wrote.
        JsonNode totals = run.json().get("totals");
        assertEquals(totals.get("eligibleFiles"), metrics.get("eligibleFiles"));
        assertEquals(totals.get("eligibleBytes").asLong(), metrics.get("eligibleBytes").asLong());
        assertEquals(totals.get("excludedByReason"), metrics.get("excludedByReason"));
        assertEquals(TempTrees.readJson(ZipManifest.pathFor(zip)).get("zip_sha256").asText(),
                metrics.get("zipSha256").asText());
    }

    @Test
    void existingFieldsSurviveAndFinishedAtAndMetricsAreReplaced() throws Exception {
        String stale = "{\"projectId\":\"p\",\"client\":\"ACME\",\"nested\":{\"k\":[1,2]},"
                + "\"finishedAt\":\"1999-01-01T00:00:00Z\",\"metrics\":{\"stale\":true},"
                + "\"owner\":{\"name\":\"Zoë\",\"emails\":[\"a@b.c\"],\"active\":true,\"quota\":null,\"ratio\":0.5}}";
        writeExisting(stale);
        JsonNode before = Json.MAPPER.readTree(stale);

        CliRun run = stager("--commit", "--allow-unknown");
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode after = TempTrees.readJson(projectManifest);
        for (Iterator<String> it = before.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!field.equals("finishedAt") && !field.equals("metrics")) {
                assertEquals(before.get(field), after.get(field), "field " + field + " must keep its value");
            }
        }
        Set<String> expected = new TreeSet<>(fieldNames(before));
        assertEquals(expected, fieldNames(after), "no field lost, none added beyond finishedAt and metrics");
        assertTrue(Instant.parse(after.get("finishedAt").asText()).isAfter(Instant.parse("2020-01-01T00:00:00Z")));
        assertFalse(after.get("metrics").has("stale"), "metrics is replaced, not merged: " + after.get("metrics"));
        assertEquals(TempTrees.sha256(Files.readAllBytes(zip)), after.get("metrics").get("zipSha256").asText());
    }

    @Test
    void theIssueExampleSurvivesTwoCommits() throws Exception {
        writeExisting(EXISTING);
        assertEquals(0, stager("--commit", "--allow-unknown").exitCode());
        String firstSha = TempTrees.readJson(projectManifest).get("metrics").get("zipSha256").asText();

        TempTrees.file(content, "d.txt", "a second delivery");
        CliRun run = stager("--commit", "--allow-unknown");
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode after = TempTrees.readJson(projectManifest);
        assertEquals("p", after.get("projectId").asText());
        assertEquals("ACME", after.get("client").asText());
        assertEquals(Json.MAPPER.readTree("{\"k\":[1,2]}"), after.get("nested"));
        assertEquals(Set.of("projectId", "client", "nested", "finishedAt", "metrics"), fieldNames(after));
        JsonNode metrics = after.get("metrics");
        assertEquals(3, metrics.get("eligibleFiles").asInt());
        assertEquals(TempTrees.sha256(Files.readAllBytes(zip)), metrics.get("zipSha256").asText());
        assertFalse(firstSha.equals(metrics.get("zipSha256").asText()), "the second commit's metrics, not the first's");
    }

    @Test
    void numbersInExistingFieldsKeepTheirExactValue() throws Exception {
        String json = "{\"projectId\":\"p\",\"budget\":12345.678901234567890123,"
                + "\"big\":123456789012345678901234567890,\"rate\":0.1}";
        writeExisting(json);
        assertEquals(0, stager("--commit", "--allow-unknown").exitCode());
        JsonNode after = TempTrees.readJson(projectManifest);
        assertEquals(new BigDecimal("123456789012345678901234567890"), after.get("big").decimalValue());
        assertEquals(new BigDecimal("0.1"), after.get("rate").decimalValue());
        String text = TempTrees.readString(projectManifest);
        assertTrue(text.contains("12345.678901234567890123"),
                "the budget must keep all its digits, got: " + after.get("budget"));
    }

    @Test
    void theWriteIsAtomicAndLeavesNoTempFile() throws Exception {
        writeExisting(EXISTING);
        assertEquals(0, stager("--commit", "--allow-unknown").exitCode());
        assertEquals(List.of("p_allowed_ext.json", "p_manifest.json"), TempTrees.list(data.resolve("projects")));
    }

    @Test
    void aDryRunNeverCreatesIt() {
        CliRun run = stager("--allow-unknown");
        assertEquals(0, run.exitCode(), run.describe());
        assertFalse(TempTrees.exists(projectManifest));
        assertEquals(List.of("p_allowed_ext.json"), TempTrees.list(data.resolve("projects")));
    }

    @Test
    void aDryRunLeavesAnExistingOneByteIdentical() throws Exception {
        byte[] before = writeExisting(EXISTING);
        CliRun run = stager("--allow-unknown", "--json");
        assertEquals(0, run.exitCode(), run.describe());
        assertUntouched(before);
    }

    @Test
    void aRefusedCommitNeverCreatesIt() {
        CliRun run = stager("--commit");
        assertEquals(1, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_REFUSED"), run.err());
        assertFalse(TempTrees.exists(projectManifest));
    }

    @Test
    void aRefusedCommitLeavesAnExistingOneByteIdentical() throws Exception {
        byte[] before = writeExisting(EXISTING);
        CliRun run = stager("--commit");
        assertEquals(1, run.exitCode(), run.describe());
        assertEquals("refused", TempTrees.readJson(StagerReport.pathFor(zip)).get("status").asText());
        assertUntouched(before);
    }

    @Test
    void aRefusalAfterAnEarlierSuccessKeepsTheEarlierMetrics() throws Exception {
        writeExisting(EXISTING);
        assertEquals(0, stager("--commit", "--allow-unknown").exitCode());
        Files.setLastModifiedTime(projectManifest, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        byte[] afterSuccess = Files.readAllBytes(projectManifest);
        TempTrees.file(content, "a.psd", "a split companion of a.txt");
        CliRun run = stager("--commit", "--allow-unknown", "--companions", "strict");
        assertEquals(1, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_COMPANIONS_SPLIT"), run.err());
        assertUntouched(afterSuccess);
    }

    @Test
    void aFailedCommitLeavesAnExistingOneByteIdentical() throws Exception {
        byte[] before = writeExisting(EXISTING);
        // A non-empty folder where the checksum file must go: the commit fails with an I/O error.
        TempTrees.file(zip.resolveSibling("p.zip.sha256"), "blocker", "x");
        CliRun run = stager("--commit", "--allow-unknown");
        assertEquals(3, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_IO"), run.err());
        assertEquals("failed", TempTrees.readJson(StagerReport.pathFor(zip)).get("status").asText());
        assertUntouched(before);
    }

    @Test
    void aMalformedProjectManifestIsAnErrorAndIsLeftAlone() throws Exception {
        byte[] before = writeExisting("[\"not an object\"]");
        CliRun run = stager("--commit", "--allow-unknown");
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_PROJECT_MANIFEST_INVALID"), run.err());
        assertUntouched(before);
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
