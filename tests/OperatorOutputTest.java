import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.CliRun;
import support.TempTrees;

/** What operators read: aligned tables, colour only for terminals, silence with --quiet, JSON with --json. */
class OperatorOutputTest {
    @TempDir
    Path tmp;
    Path content;
    Path data;
    Path zip;

    @BeforeEach
    void tree() throws Exception {
        content = tmp.resolve("content");
        TempTrees.file(content, "a.png", "image");
        TempTrees.file(content, "docs/b.txt", "text");
        TempTrees.file(content, "notes.log", "banned");
        data = TempTrees.dataDir(tmp.resolve("data"), "p", List.of("png", "txt"));
        zip = Files.createDirectories(tmp.resolve("out")).resolve("p.zip");
    }

    CliRun stager(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--project-id", "p", "--content-dir", content.toString(),
                "--data-dir", data.toString(), "--output-zip", zip.toString(), "--allow-unknown"));
        args.addAll(List.of(extra));
        return CliRun.stager(args.toArray(String[]::new));
    }

    @Test
    void pipedOutputHasNoEscapeCodesAndAlignedColumns() {
        CliRun run = stager();
        assertEquals(0, run.exitCode(), run.describe());
        assertFalse(run.out().contains("\u001b"), "no ANSI escapes when stdout is not a terminal");
        // The eligible table: its extension rows and its total (the first "total" of the summary).
        List<String> rows = run.out().lines().filter(l -> l.matches("\\s+(\\.png|\\.txt|total)\\s+.*")).limit(3).toList();
        assertEquals(3, rows.size(), run.out());
        assertTrue(rows.get(2).trim().startsWith("total"), run.out());
        int end = rows.get(0).length();
        rows.forEach(r -> assertEquals(end, r.length(), "right-aligned numbers end in one column:\n" + run.out()));
    }

    @Test
    void quietPrintsNothingButErrors() {
        CliRun ok = stager("--quiet", "--commit");
        assertEquals(0, ok.exitCode(), ok.describe());
        assertEquals("", ok.out());
        assertEquals("", ok.err());
        CliRun verify = CliRun.run(new verify_zip(), "--zip", zip.toString(), "--quiet");
        assertEquals(0, verify.exitCode(), verify.describe());
        assertEquals("", verify.out());
        CliRun refused = CliRun.stager("--project-id", "p", "--content-dir", content.toString(), "--data-dir",
                data.toString(), "--output-zip", zip.toString(), "--quiet");
        assertEquals(1, refused.exitCode());
        assertEquals("", refused.out());
        assertTrue(refused.err().contains("PZ_REFUSED"), refused.err());
    }

    @Test
    void everyCommandPrintsOneJsonDocumentWithASchemaVersion() throws Exception {
        assertEquals(0, stager("--commit", "--quiet").exitCode());
        List<CliRun> runs = List.of(
                stager("--json"),
                CliRun.run(new verify_zip(), "--zip", zip.toString(), "--json"),
                CliRun.run(new inventory(), "--project-id", "q", "--content-dir", content.toString(),
                        "--data-dir", data.toString(), "--json"),
                CliRun.dashboard("--data-dir", data.toString(), "--json"));
        for (CliRun run : runs) {
            assertEquals(0, run.exitCode(), run.describe());
            assertEquals(1, Json.MAPPER.readTree(run.out()).get("schemaVersion").asInt(), run.out());
        }
    }
}
