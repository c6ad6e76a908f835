import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import support.CliRun;
import support.RebuildTrees;
import support.StagerZipFixture;
import support.TempTrees;
import support.VerifyFixtures;
import zip.ChecksumFile;

/** verify_zip --rebuild from the command line: the auditor's proof that a delivery is what the toolkit makes from its tree. */
class VerifyZipRebuildCliTest extends StagerZipFixture {
    static CliRun verifyZip(VerifyFixtures.Built delivery, Path zip, String... extra) {
        String[] args = new String[extra.length + 6];
        System.arraycopy(new String[] {"--zip", zip.toString(), "--content-dir", delivery.content().toString(), "--data-dir",
                delivery.data().toString()}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        return CliRun.run(new verify_zip(), args);
    }

    static Map<String, Boolean> checks(CliRun run) {
        Map<String, Boolean> checks = new HashMap<>();
        run.json().get("checks").forEach(c -> checks.put(c.get("code").asText(), c.get("ok").asBoolean()));
        return checks;
    }

    @Test
    void aFreshDeliveryIsRebuiltAndTheRebuildShowsAsPassedChecks() {
        VerifyFixtures.Built delivery = RebuildTrees.commit(tmp.resolve("rb"));
        CliRun json = verifyZip(delivery, delivery.zip(), "--rebuild", "--json");
        assertEquals(0, json.exitCode(), json.describe());
        assertEquals(true, checks(json).get("VZ_REBUILD_DIFFERS"), json.out());
        assertEquals(true, checks(json).get("VZ_REBUILD_REFUSED"), json.out());
        assertTrue(java.util.Set.of("jdk", "toolkit").contains(json.json().at("/rebuiltWith/name").asText()), json.out());
        CliRun human = verifyZip(delivery, delivery.zip(), "--rebuild", "--verbose");
        assertEquals(0, human.exitCode(), human.describe());
        assertTrue(human.out().contains("ok   VZ_REBUILD_DIFFERS"), human.out());
        assertTrue(human.out().contains("  rebuilt:  with the "), human.out());
        assertTrue(human.out().contains("Status: valid"), human.out());
    }

    @Test
    void aDeliveryDeflatedByTheJdksZlibIsRebuiltByTheToolkitsOwnEncoder() throws Exception {
        // What an auditor on a JVM whose zlib is not classic (zlib-ng) runs: the same bytes, from the toolkit's encoder.
        VerifyFixtures.Built delivery = RebuildTrees.commit(tmp.resolve("rb"));
        ProcessBuilder child = new ProcessBuilder(TempTrees.javaBinary(), "-cp", System.getProperty("java.class.path"), "verify_zip",
                "--zip", delivery.zip().toString(), "--content-dir", delivery.content().toString(), "--data-dir",
                delivery.data().toString(), "--rebuild", "--json").redirectError(tmp.resolve("err.txt").toFile());
        child.environment().put(deflate.Deflaters.FORCE_VARIABLE, deflate.Deflaters.FORCE_VALUE);
        Process run = child.start();
        String out = new String(run.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, run.waitFor(), out + TempTrees.readString(tmp.resolve("err.txt")));
        JsonNode report = json.Json.MAPPER.readTree(out);
        assertEquals(true, report.get("valid").asBoolean(), out);
        assertEquals("toolkit", report.at("/rebuiltWith/name").asText(), out);
        assertEquals("PREZIP_DEFLATER=toolkit", report.at("/rebuiltWith/reason").asText(), out);
    }

    @Test
    void oneEntryRecompressedByAnotherToolIsValidWithoutTheRebuildAndInvalidWithItNamingTheEntry() {
        VerifyFixtures.Built delivery = RebuildTrees.commit(tmp.resolve("rb"));
        byte[] recompressed = RebuildTrees.recompress(delivery.zip(), RebuildTrees.SMALL, 1);
        assertEquals(TempTrees.sha256(recompressed) + "  delivery.zip\n", TempTrees.readString(ChecksumFile.pathFor(delivery.zip())));

        CliRun plain = verifyZip(delivery, delivery.zip(), "--project-id", RebuildTrees.PROJECT, "--json");
        assertEquals(0, plain.exitCode(), plain.describe());

        CliRun rebuilt = verifyZip(delivery, delivery.zip(), "--project-id", RebuildTrees.PROJECT, "--rebuild", "--json");
        assertEquals(1, rebuilt.exitCode(), rebuilt.describe());
        JsonNode failures = rebuilt.json().get("failures");
        assertEquals(1, failures.size(), rebuilt.out());
        assertEquals("VZ_REBUILD_DIFFERS", failures.get(0).get("code").asText());
        assertEquals(RebuildTrees.SMALL, failures.get(0).get("entry").asText());
        assertTrue(rebuilt.err().contains("PZ_VERIFY_FAILED") && rebuilt.err().contains("(VZ_REBUILD_DIFFERS)"), rebuilt.err());

        CliRun human = verifyZip(delivery, delivery.zip(), "--rebuild");
        assertEquals(1, human.exitCode(), human.describe());
        assertTrue(human.out().contains("VZ_REBUILD_DIFFERS         " + RebuildTrees.SMALL + ": packed again from the content folder,"),
                human.out());
    }

    @Test
    void aDeliveryOfToolkit100IsRefusedByNameNeverValid() {
        Path old = VerifyFixtures.craftBefore110(tmp, "old.zip", VerifyFixtures.v1Entries());
        assertEquals(0, verifyZip(good, old).exitCode());
        CliRun run = verifyZip(good, old, "--rebuild", "--json");
        assertEquals(1, run.exitCode(), run.describe());
        assertEquals(false, checks(run).get("VZ_REBUILD_REFUSED"), run.out());
        assertEquals(null, checks(run).get("VZ_REBUILD_DIFFERS"), "no comparison is claimed: " + run.out());
        assertTrue(run.json().path("rebuiltWith").isMissingNode(), run.out());
        assertTrue(run.json().get("failures").get(0).get("message").asText().contains("toolkit 1.0.0 wrote this zip"), run.out());
    }

    @Test
    void theRebuildWithoutTheContentFolderIsAUsageError() {
        CliRun run = CliRun.run(new verify_zip(), "--zip", good.zip().toString(), "--rebuild");
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("verify_zip: error PZ_USAGE: --rebuild needs --content-dir DIR"), run.err());
        CliRun json = CliRun.run(new verify_zip(), "--zip", good.zip().toString(), "--rebuild", "--json");
        assertEquals(2, json.exitCode(), json.describe());
        assertEquals("PZ_USAGE", json.json().get("error").get("code").asText(), json.out());
    }
}
