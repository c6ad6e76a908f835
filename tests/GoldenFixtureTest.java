import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;
import json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.CliRun;
import support.TempTrees;
import zip.ZipManifest;

/**
 * The committed golden fixture (tests/fixtures/golden): its zip must list exactly expected-entries.txt
 * and carry exactly expected-manifest.json. Any change to order, time, mode, names or digests shows up
 * here; such a change needs a schema_version bump and new expected files.
 */
class GoldenFixtureTest {
    static final Path GOLDEN = TempTrees.repoRoot().resolve("tests/fixtures/golden");

    @TempDir
    Path tmp;

    @Test
    void theFixtureZipsToTheCommittedListingAndManifest() throws IOException {
        Path zip = commitTheFixture();

        List<String> expectedEntries = Files.readAllLines(GOLDEN.resolve("expected-entries.txt"), StandardCharsets.UTF_8);
        try (ZipFile written = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            assertEquals(expectedEntries, Collections.list(written.entries()).stream().map(e -> e.getName()).toList());
        }

        JsonNode expected = Json.MAPPER.readTree(GOLDEN.resolve("expected-manifest.json").toFile());
        JsonNode actual = Json.MAPPER.readTree(ZipManifest.pathFor(zip).toFile());
        // The zip's bytes (its size and sha256 in the manifest) are the recorded ones on every JVM, whatever its zlib.
        assertEquals(withoutToolchain(expected), withoutToolchain(actual));
    }

    /**
     * The zip verifies against its source as recorded, and also with the manifest as toolkit 1.3.0 wrote it
     * (no entry_name_form): the fixture's names are composed already, so both rules give the same zip.
     */
    @Test
    void theFixtureVerifiesWithItsManifestAndAsTheLayoutBeforeComposedNames() throws IOException {
        Path zip = commitTheFixture();
        String[] verify = {"--zip", zip.toString(), "--content-dir", GOLDEN.resolve("content").toString(), "--json"};
        CliRun now = CliRun.verifyZip(verify);
        assertEquals(0, now.exitCode(), now.describe());
        assertTrue(now.out().contains("\"VZ_NAME_FORM\""), "a 1.4.0 manifest's names are checked composed: " + now.out());
        ObjectNode before = (ObjectNode) Json.MAPPER.readTree(ZipManifest.pathFor(zip).toFile());
        ((ObjectNode) before.get("metadata")).remove("entry_name_form");
        Files.write(ZipManifest.pathFor(zip), Json.MAPPER.writeValueAsBytes(before));
        CliRun then = CliRun.verifyZip(verify);
        assertEquals(0, then.exitCode(), then.describe());
        assertFalse(then.out().contains("\"VZ_NAME_FORM\""), then.out());
    }

    private Path commitTheFixture() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data/projects"));
        Files.copy(TempTrees.repoGlobalBans(), tmp.resolve("data/global_bans.json"));
        Files.copy(TempTrees.repoSecretRules(), tmp.resolve("data/secret_rules.json"));
        Files.copy(GOLDEN.resolve("data/projects/golden_allowed_ext.json"), data.resolve("golden_allowed_ext.json"),
                StandardCopyOption.REPLACE_EXISTING);
        Path zip = Files.createDirectories(tmp.resolve("out")).resolve("golden.zip");
        CliRun run = CliRun.stager("--project-id", "golden", "--data-dir", tmp.resolve("data").toString(),
                "--content-dir", GOLDEN.resolve("content").toString(), "--output-zip", zip.toString(),
                "--commit", "--allow-unknown");
        assertEquals(0, run.exitCode(), run.describe());
        return zip;
    }

    private static JsonNode withoutToolchain(JsonNode manifest) {
        ObjectNode copy = manifest.deepCopy();
        ((ObjectNode) copy.get("metadata")).remove("toolchain");
        // The run's provenance (when, where, the temp paths) is this run's, not the fixture's.
        copy.remove("run");
        return copy;
    }
}
