import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import json.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import report.StagerReport;
import support.CliRun;
import support.HookTrees;
import support.StagerProject;
import support.TempTrees;
import zip.ChecksumFile;
import zip.ManifestSignature;
import zip.ZipManifest;

/**
 * Issue 5 end to end: a signed commit under a preset, checked by the client with the README's own
 * commands; the real main in child JVMs feeding the project manifest and the dashboard, also concurrently.
 */
class HooksCliTest extends StagerProject {
    static final String ID = "mojo1";

    HooksCliTest() {
        super(ID, List.of("png", "txt", "exr"), "mojo1_final.zip");
    }

    @BeforeEach
    void files() {
        TempTrees.honest(content, "shots/sh010/plate.exr", "plate");
        TempTrees.file(content, "shots/sh010/notes.txt", "notes");
        TempTrees.honest(content, "stills/poster.png", "poster");
        TempTrees.file(content, ".DS_Store", "hidden");
    }

    // ---- the README's client-side commands, run as written ----

    /** The README's "Signed manifest" bash block: operator lines, then client lines (comments stripped). */
    record ReadmeCommands(List<String> operator, List<String> client, String verifyZip) {}

    static ReadmeCommands readmeCommands() throws Exception {
        List<String> lines = Files.readAllLines(TempTrees.repoRoot().resolve("README.md"), StandardCharsets.UTF_8);
        int at = 0;
        while (at < lines.size() && !lines.get(at).contains("**Signed manifest**")) {
            at++;
        }
        assertTrue(at < lines.size(), "README has a 'Signed manifest' item");
        while (!lines.get(at).strip().startsWith("```bash")) {
            at++;
        }
        List<String> operator = new ArrayList<>();
        List<String> client = new ArrayList<>();
        boolean clientSide = false;
        for (at++; !lines.get(at).strip().startsWith("```"); at++) {
            String line = lines.get(at).strip();
            if (line.startsWith("#")) {
                clientSide |= line.contains("client");
                continue;
            }
            line = line.replaceFirst("\\s+#.*$", "").strip();
            if (!line.isEmpty()) {
                (clientSide ? client : operator).add(line);
            }
        }
        String verify = null;
        for (; at < lines.size() && at < lines.size(); at++) {
            Matcher m = Pattern.compile("`\\./jbang (verify_zip [^`]+)`").matcher(lines.get(at));
            if (m.find()) {
                verify = m.group(1);
                break;
            }
        }
        return new ReadmeCommands(operator, client, verify);
    }

    static HookTrees.Result sh(Path dir, String line) {
        return HookTrees.exec(dir, "sh", "-c", line);
    }

    @Test
    void aSignedCommitPassesTheReadmesClientChecksAndFailsThemWhenTampered() throws Exception {
        Assumptions.assumeTrue(HookTrees.opensslWithRawin(), "openssl 3 is not on PATH");
        Assumptions.assumeTrue(HookTrees.onPath("sha256sum"), "sha256sum is not on PATH");
        ReadmeCommands readme = readmeCommands();
        assertEquals(2, readme.operator().size(), readme.toString());
        assertEquals(2, readme.client().size(), readme.toString());

        Path keys = Files.createDirectories(tmp.resolve("operator"));
        for (String line : readme.operator()) {
            HookTrees.Result r = sh(keys, line);
            assertEquals(0, r.exitCode(), line + "\n" + r.output());
        }
        CliRun run = CliRun.stager(TempTrees.args(ID, content, data, zip, "--commit", "--policy", "strict",
                "--sign-key", keys.resolve("key.pem").toString()));
        assertEquals(0, run.exitCode(), run.describe());
        Files.copy(keys.resolve("pub.pem"), out.resolve("pub.pem"));

        for (String line : readme.client()) {
            HookTrees.Result r = sh(out, line);
            assertEquals(0, r.exitCode(), "client check failed: " + line + "\n" + r.output());
        }

        // verify_zip as the README shows it, when this build has it (paths relative to the client's folder).
        if (readme.verifyZip() != null) {
            List<String> args = new ArrayList<>();
            String[] words = readme.verifyZip().split("\\s+");
            for (int i = 1; i < words.length; i++) {
                args.add(words[i].startsWith("-") ? words[i] : out.resolve(words[i]).toString());
            }
            CliRun verify = CliRun.verifyZip(args.toArray(String[]::new));
            assertEquals(0, verify.exitCode(), verify.describe());
        }

        // One byte of the manifest: the openssl line fails, the checksum line still passes.
        Path manifest = ZipManifest.pathFor(zip);
        byte[] good = Files.readAllBytes(manifest);
        HookTrees.flipByte(manifest, good.length / 2);
        String opensslLine = readme.client().stream().filter(l -> l.startsWith("openssl")).findFirst().orElseThrow();
        String sumLine = readme.client().stream().filter(l -> l.startsWith("sha256sum")).findFirst().orElseThrow();
        assertNotEquals(0, sh(out, opensslLine).exitCode(), "a changed manifest must fail openssl");
        assertEquals(0, sh(out, sumLine).exitCode());
        Files.write(manifest, good);
        assertEquals(0, sh(out, opensslLine).exitCode());

        // One byte of the zip: the checksum line fails.
        HookTrees.flipByte(zip, 40);
        assertNotEquals(0, sh(out, sumLine).exitCode(), "a changed zip must fail sha256sum -c");
    }

    // ---- the real main in child JVMs ----

    @Test
    void theRealMainFeedsEveryHook() throws Exception {
        KeyPair pair = HookTrees.ed25519();
        Path key = HookTrees.writePem(tmp.resolve("key.pem"), pair.getPrivate());
        TempTrees.write(HookTrees.projectManifest(data, ID),
                "{\"projectId\":\"mojo1\",\"client\":\"ACME\",\"nested\":{\"k\":[1,2]}}".getBytes(StandardCharsets.UTF_8));
        Path stdout = tmp.resolve("stdout.txt");
        Path stderr = tmp.resolve("stderr.txt");

        Instant before = Instant.now();
        int code = HookTrees.await(HookTrees.startStager(stdout, stderr, TempTrees.args(ID, content, data, zip,
                "--commit", "--policy", "strict", "--sign-key", key.toString(), "--json")));
        String err = TempTrees.readString(stderr);
        assertEquals(0, code, err);

        // The files beside the zip.
        List<String> names = TempTrees.list(out);
        assertTrue(names.containsAll(List.of("mojo1_final.zip", "mojo1_final.zip.manifest.json",
                "mojo1_final.zip.manifest.json.sig", "mojo1_final.zip.report.json", "mojo1_final.zip.sha256")), names.toString());
        String zipSha = TempTrees.sha256(Files.readAllBytes(zip));
        assertEquals(zipSha + "  mojo1_final.zip\n", TempTrees.readString(ChecksumFile.pathFor(zip)));
        assertTrue(ManifestSignature.verify(ZipManifest.pathFor(zip), pair.getPublic()));

        // The report printed and written, with the preset.
        JsonNode report = HookTrees.parseJson(TempTrees.readString(stdout));
        assertEquals(report, TempTrees.readJson(StagerReport.pathFor(zip)));
        String presetSha = TempTrees.sha256(Files.readAllBytes(data.resolve("policies/strict.json")));
        assertEquals(presetSha, report.get("policy").get("sha256").asText());
        assertEquals(report.get("policy"), TempTrees.readJson(ZipManifest.pathFor(zip)).get("policy"));
        assertEquals("strict", report.get("companionMode").asText());
        assertEquals(0, report.get("companions").size());

        // The project manifest.
        JsonNode pm = TempTrees.readJson(HookTrees.projectManifest(data, ID));
        assertEquals("ACME", pm.get("client").asText());
        assertEquals(Json.MAPPER.readTree("{\"k\":[1,2]}"), pm.get("nested"));
        assertFalse(Instant.parse(pm.get("finishedAt").asText()).isBefore(before.minusSeconds(1)));
        assertEquals(zipSha, pm.get("metrics").get("zipSha256").asText());
        assertEquals(Files.size(zip), pm.get("metrics").get("zipBytes").asLong());
        assertEquals(3, pm.get("metrics").get("eligibleFiles").asInt());

        // The dashboard line, in the file and as the one JSON line on stderr.
        List<String> lines = HookTrees.dashboardLines(data);
        assertEquals(1, lines.size(), lines.toString());
        assertEquals(List.of(lines.get(0)), HookTrees.jsonLinesOf(err), err);
        JsonNode line = HookTrees.parseDashboardLine(lines.get(0), true);
        assertEquals("ok", line.get("status").asText());
        assertEquals(zipSha, line.get("zipSha256").asText());

        // Then a refusal through the real main: exit 1, a refused line, the project manifest unchanged.
        byte[] pmBytes = Files.readAllBytes(HookTrees.projectManifest(data, ID));
        TempTrees.file(content, "stills/poster.psd", "not allowed: a split companion and a refusal");
        Path stderr2 = tmp.resolve("stderr2.txt");
        int refused = HookTrees.await(HookTrees.startStager(tmp.resolve("stdout2.txt"), stderr2,
                TempTrees.args(ID, content, data, zip, "--commit", "--policy", "strict")));
        String err2 = TempTrees.readString(stderr2);
        assertEquals(1, refused, err2);
        assertTrue(err2.contains("PZ_REFUSED"), err2);
        List<String> after = HookTrees.dashboardLines(data);
        assertEquals(2, after.size(), after.toString());
        assertEquals(List.of(after.get(1)), HookTrees.jsonLinesOf(err2), err2);
        assertEquals("refused", HookTrees.parseDashboardLine(after.get(1), false).get("status").asText());
        assertTrue(java.util.Arrays.equals(pmBytes, Files.readAllBytes(HookTrees.projectManifest(data, ID))),
                "a refused commit leaves the project manifest alone");
    }

    @Test
    void concurrentCommitsFromSeveralProcessesEachAppendOneWholeLine() throws Exception {
        TempTrees.write(HookTrees.projectManifest(data, ID),
                "{\"projectId\":\"mojo1\",\"client\":\"ACME\"}".getBytes(StandardCharsets.UTF_8));
        int n = 4;
        List<Process> children = new ArrayList<>();
        List<Path> zips = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Each delivery a little different, so every zip has its own digest.
            Path c = Files.createDirectories(tmp.resolve("content" + i));
            TempTrees.file(c, "a.txt", "delivery " + i);
            TempTrees.honest(c, "b.png", "x".repeat(1000 * (i + 1)));
            Path z = out.resolve("d" + i + ".zip");
            zips.add(z);
            children.add(HookTrees.startStager(tmp.resolve("o" + i), tmp.resolve("e" + i),
                    TempTrees.args(ID, c, data, z, "--commit")));
        }
        for (int i = 0; i < n; i++) {
            assertEquals(0, HookTrees.await(children.get(i)), TempTrees.readString(tmp.resolve("e" + i)));
        }
        List<String> lines = HookTrees.dashboardLines(data);
        assertEquals(n, lines.size(), lines.toString());
        Set<String> outputs = new HashSet<>();
        Set<String> digests = new HashSet<>();
        for (String l : lines) {
            JsonNode line = HookTrees.parseDashboardLine(l, true);
            assertEquals("ok", line.get("status").asText());
            outputs.add(line.get("outputZip").asText());
            digests.add(line.get("zipSha256").asText());
        }
        Set<String> expectedOutputs = new HashSet<>();
        Set<String> expectedDigests = new HashSet<>();
        for (Path z : zips) {
            expectedOutputs.add(z.toAbsolutePath().normalize().toString());
            expectedDigests.add(TempTrees.sha256(Files.readAllBytes(z)));
        }
        assertEquals(expectedOutputs, outputs);
        assertEquals(expectedDigests, digests);

        // The project manifest is whole: one of the commits' metrics, the existing field kept.
        JsonNode pm = TempTrees.readJson(HookTrees.projectManifest(data, ID));
        assertEquals("ACME", pm.get("client").asText());
        assertTrue(expectedDigests.contains(pm.get("metrics").get("zipSha256").asText()), pm.toString());
        assertEquals(List.of("mojo1_allowed_ext.json", "mojo1_manifest.json"), TempTrees.list(data.resolve("projects")));
    }
}
