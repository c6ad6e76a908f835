import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.CliRun;
import support.TempTrees;

/** The quick start's example: examples/mojo1/content with the repo's data/. */
class BundledExampleTest {
    @TempDir
    Path tmp;

    CliRun run(String... extra) {
        Path repo = TempTrees.repoRoot();
        List<String> args = new ArrayList<>(List.of("--project-id", "mojo1",
                "--content-dir", repo.resolve("examples/mojo1/content").toString(),
                "--data-dir", repo.resolve("data").toString(),
                "--output-zip", tmp.resolve("mojo1.zip").toString()));
        args.addAll(List.of(extra));
        return CliRun.stager(args.toArray(String[]::new));
    }

    @Test
    void exampleReportListsExactlyTheExpectedFiles() {
        Path repo = TempTrees.repoRoot();
        Map<String, String> before = TempTrees.snapshot(repo.resolve("examples/mojo1"));
        Map<String, String> dataBefore = TempTrees.snapshot(repo.resolve("data"));

        CliRun strict = run("--json");
        assertEquals(1, strict.exitCode(), strict.describe());
        CliRun lenient = run("--json", "--allow-unknown");
        assertEquals(0, lenient.exitCode(), lenient.describe());

        for (JsonNode r : List.of(strict.json(), lenient.json())) {
            List<String> eligible = new ArrayList<>();
            r.get("eligible").forEach(e -> eligible.add(e.get("path").asText() + " " + e.get("bytes").asLong()
                    + " " + e.get("extension").asText()));
            assertEquals(List.of(
                    "config/scene.yaml 13 yaml",
                    "config/settings.yaml 23 yaml",
                    "images/banner.png 79 png",
                    "images/logo.png 79 png",
                    "notes/readme.txt 29 txt"), eligible);
            List<String> excluded = new ArrayList<>();
            r.get("excluded").forEach(e -> excluded.add(e.get("path").asText() + " " + e.get("reason").asText()));
            assertEquals(List.of(".env hidden", "notes/LICENSE no_extension", "notes/build.log banned_type"), excluded);
            assertEquals(5, r.get("totals").get("eligibleFiles").asInt());
            assertEquals(223, r.get("totals").get("eligibleBytes").asLong());
            assertEquals("mojo1", r.get("projectId").asText());
            assertEquals("dry-run", r.get("mode").asText());
        }
        assertEquals("refused", strict.json().get("status").asText());
        assertEquals("ok", lenient.json().get("status").asText());

        assertEquals(before, TempTrees.snapshot(repo.resolve("examples/mojo1")), "the example is never modified");
        assertEquals(dataBefore, TempTrees.snapshot(repo.resolve("data")), "data/ is never modified");
        assertEquals(List.of(), TempTrees.list(tmp), "a dry-run writes no zip and no report");
    }

    @Test
    void humanSummaryOfTheExample() {
        CliRun run = run("--allow-unknown");
        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains("notes/build.log"), run.out());
        assertTrue(run.out().contains("no_extension"), run.out());
        assertFalse(run.out().contains("config/scene.yaml ["), "eligible files are not listed as excluded");
    }
}
