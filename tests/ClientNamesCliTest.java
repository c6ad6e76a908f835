import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.CliRun;
import support.HtmlPages;
import support.NameTrees;
import support.TempTrees;
import zip.ContentsFile;
import zip.ZipManifest;

/**
 * The names a client gets, end to end: a tree written with decomposed names ships them composed (zip,
 * manifest, contents file, verified against the tree), and a path longer than Windows extracts is a
 * warning by default and a refusal under the strict preset, in a dry-run and a commit alike.
 */
class ClientNamesCliTest {
    static final String ID = "names31";

    @TempDir
    Path tmp;
    Path content;
    Path data;
    Path zip;

    @BeforeEach
    void setUp() throws IOException {
        content = Files.createDirectories(tmp.resolve("content"));
        data = TempTrees.dataDir(tmp, ID, List.of("txt"));
        zip = Files.createDirectories(tmp.resolve("out")).resolve("names.zip");
    }

    CliRun stager(String... extra) {
        return CliRun.stager(TempTrees.args(ID, content, data, zip, extra));
    }

    @Test
    void decomposedNamesShipComposedEverywhereTheClientReadsThem() throws IOException {
        TempTrees.file(content, NameTrees.DECOMPOSED, "decomposed on disk\n");
        TempTrees.file(content, "notes/zz.txt", "after it, composed or not\n");
        TempTrees.file(content, "a.txt", "ascii\n");
        assertTrue(TempTrees.list(content.resolve("notes")).contains("cafe\u0301_notes.txt"), "the source is decomposed on disk");

        CliRun dryRun = stager("--json");
        assertEquals(0, dryRun.exitCode(), dryRun.describe());
        assertEquals(1, dryRun.json().at("/names/composed").asInt(), "the dry-run counts them as the commit will");
        CliRun commit = stager("--commit");
        assertEquals(0, commit.exitCode(), commit.describe());
        assertTrue(commit.out().contains("  Names: 1 name was decomposed (as macOS writes them) and ship composed"), commit.out());

        List<String> expected = List.of("a.txt", NameTrees.DECOMPOSED_SHIPS_AS, "notes/zz.txt");
        try (ZipFile written = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            assertEquals(expected, Collections.list(written.entries()).stream().map(e -> e.getName()).toList(),
                    "composed names, in the v1 order of the composed names");
        }
        JsonNode manifest = TempTrees.readJson(ZipManifest.pathFor(zip));
        assertEquals("nfc", manifest.at("/metadata/entry_name_form").asText());
        List<String> listed = new ArrayList<>();
        manifest.get("entries").forEach(e -> listed.add(e.get("relative_path").asText()));
        assertEquals(expected, listed);
        String contents = TempTrees.readString(ContentsFile.pathFor(zip));
        assertEquals(3, contents.lines().count());
        assertTrue(contents.contains("  " + NameTrees.DECOMPOSED_SHIPS_AS + "\n"), contents);

        JsonNode report = TempTrees.readJson(zip.resolveSibling("names.zip.report.json"));
        assertEquals(1, report.at("/names/composed").asInt());
        for (JsonNode row : report.get("eligible")) {
            boolean decomposed = row.get("path").asText().equals(NameTrees.DECOMPOSED);
            assertEquals(decomposed ? NameTrees.DECOMPOSED_SHIPS_AS : null, row.has("entryName") ? row.get("entryName").asText() : null);
        }
        List<String> written = new ArrayList<>();
        report.at("/delivery/filesWritten").forEach(f -> written.add(f.asText()));
        assertTrue(written.contains(ContentsFile.pathFor(zip).toString()), "named in the report: " + written);
        assertEquals("1", HtmlPages.idValue(TempTrees.readString(zip.resolveSibling("names.zip.report.html")), "names-composed-count"));

        CliRun verify = CliRun.verifyZip("--zip", zip.toString(), "--content-dir", content.toString(), "--data-dir", data.toString(),
                "--project-id", ID, "--json");
        assertEquals(0, verify.exitCode(), verify.describe());
        List<String> checks = new ArrayList<>();
        verify.json().get("checks").forEach(c -> checks.add(c.get("code").asText()));
        assertTrue(checks.containsAll(List.of("VZ_NAME_FORM", "VZ_CONTENTS_FILE", "VZ_SOURCE_MISMATCH", "VZ_SOURCE_MISSING")), checks.toString());
    }

    @Test
    void theContentsFileBytesAreOneSha256sumLinePerEntry() throws IOException {
        TempTrees.file(content, "b.txt", "bee\n");
        TempTrees.file(content, "a/empty.txt", "");
        assertEquals(0, stager("--commit").exitCode());
        String expected = TempTrees.sha256(new byte[0]) + "  a/empty.txt\n"
                + TempTrees.sha256("bee\n".getBytes(StandardCharsets.UTF_8)) + "  b.txt\n";
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), TempTrees.readBytes(ContentsFile.pathFor(zip)));
    }

    /** The Done-when case: a 280-character path, by default and under strict, dry-run and commit. */
    @Test
    void a280CharacterPathIsAWarningByDefaultAndARefusalUnderStrict() throws IOException {
        String longPath = NameTrees.pathOf(280);
        TempTrees.file(content, longPath, "deep\n");
        TempTrees.file(content, "a.txt", "short\n");
        Path page = tmp.resolve("dry-run.html");

        CliRun dryRun = stager("--html", page.toString());
        assertEquals(0, dryRun.exitCode(), dryRun.describe());
        assertTrue(dryRun.out().contains("  Long paths: 1 path is longer than 160 characters; Windows may fail to extract them."),
                dryRun.out());
        assertTrue(dryRun.out().contains("    longest (280): "), dryRun.out());
        assertEquals("280", HtmlPages.idValue(TempTrees.readString(page), "long-paths-longest-characters"));
        JsonNode json = stager("--json").json();
        assertEquals(1, json.at("/names/longPaths/count").asInt());
        assertEquals(160, json.at("/names/longPaths/limit").asInt());
        assertEquals(longPath, json.at("/names/longPaths/longest").asText());
        assertEquals(280, json.at("/names/longPaths/longestCharacters").asInt());

        CliRun commit = stager("--commit");
        assertEquals(0, commit.exitCode(), commit.describe());
        assertTrue(commit.out().contains("  Long paths: 1 path is longer than 160 characters"), commit.out());
        assertEquals(longPath, TempTrees.readJson(zip.resolveSibling("names.zip.report.json")).at("/names/longPaths/longest").asText());
        assertEquals("1", HtmlPages.idValue(TempTrees.readString(zip.resolveSibling("names.zip.report.html")), "long-paths-count"));
        Files.delete(zip);

        for (String mode : List.of("dry-run", "commit")) {
            CliRun strict = mode.equals("commit") ? stager("--policy", "strict", "--commit", "--json") : stager("--policy", "strict", "--json");
            assertEquals(1, strict.exitCode(), mode + ": " + strict.describe());
            JsonNode refused = strict.json();
            assertEquals("PZ_REFUSED", refused.at("/error/code").asText(), mode);
            assertEquals(1, refused.at("/totals/excludedByReason/long_path").asInt(), mode + ": " + refused.get("excluded"));
            assertTrue(refused.at("/error/message").asText().contains("Shorten the paths named to at most 160 characters"), mode);
            assertFalse(Files.exists(zip), mode + ": nothing shipped");
        }
    }
}
