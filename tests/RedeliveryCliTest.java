import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import json.Json;
import org.junit.jupiter.api.Test;
import support.CliRun;
import support.HookTrees;
import support.StagerProject;
import support.TempTrees;
import zip.ZipManifest;

/**
 * Re-delivery through the command line: the changes since the delivery a commit replaces (or --since),
 * the dry-run showing the commit's, the chain in the run record, and the reuse of unchanged entries'
 * deflated data, whose zip is byte for byte a commit from scratch in every case.
 */
class RedeliveryCliTest extends StagerProject {
    /** Past the block-deflate threshold (4 MiB) and the in-memory limit: deflated in blocks via a record file. */
    static final int LARGE = (4 << 20) + 300_000;

    RedeliveryCliTest() {
        super("p1", List.of("png", "txt", "csv"), "p1.zip");
    }

    /** Small texts (one deflate stream), small and large images (STORED), large texts (deflated in blocks). */
    void firstTree() throws IOException {
        Random random = new Random(11);
        for (int i = 0; i < 12; i++) {
            TempTrees.file(content, "doc/t" + i + ".txt", "line " + i + " of the notes\n".repeat(50 + i));
        }
        TempTrees.file(content, "same-size.txt", "aaaa-bbbb");
        TempTrees.file(content, "old-name.txt", "a file that will be renamed\n".repeat(20));
        TempTrees.file(content, "gone.csv", "a,b,c\n".repeat(30));
        byte[] image = new byte[40_000];
        random.nextBytes(image);
        Files.write(content.resolve("img.png"), image);
        byte[] plate = new byte[LARGE];
        random.nextBytes(plate);
        Files.write(content.resolve("plate.png"), plate);
        Files.createDirectories(content.resolve("big"));
        Files.write(content.resolve("big/unchanged.txt"), TempTrees.compressibleText(LARGE));
        Files.write(content.resolve("big/changed.txt"), TempTrees.compressibleText(LARGE + 1));
    }

    /** The second delivery: one of each kind of change, most files unchanged. */
    void secondTree() throws IOException {
        TempTrees.file(content, "doc/t3.txt", "rewritten notes\n");
        TempTrees.file(content, "same-size.txt", "aaaa-cccc");
        Files.move(content.resolve("old-name.txt"), content.resolve("new-name.txt"));
        Files.delete(content.resolve("gone.csv"));
        TempTrees.file(content, "added.txt", "a new file\n");
        byte[] changed = Files.readAllBytes(content.resolve("big/changed.txt"));
        changed[LARGE / 2] ^= 1;
        Files.write(content.resolve("big/changed.txt"), changed);
    }

    CliRun commitTo(Path zipPath, String... extra) {
        List<String> args = new ArrayList<>(List.of("--commit", "--json"));
        args.addAll(List.of(extra));
        CliRun run = CliRun.stager(TempTrees.args("p1", content, data, zipPath, args.toArray(String[]::new)));
        assertEquals(0, run.exitCode(), run.describe());
        return run;
    }

    /** The same tree committed from scratch elsewhere: the bytes every re-delivery must equal. */
    byte[] fresh() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("fresh-" + System.nanoTime())).resolve("p1.zip");
        JsonNode report = commitTo(elsewhere, "--no-reuse").json();
        assertTrue(report.path("changes").isMissingNode(), "a first delivery has no changes");
        return Files.readAllBytes(elsewhere);
    }

    static List<String> paths(JsonNode list) {
        List<String> paths = new ArrayList<>();
        list.forEach(e -> paths.add(e.get("path").asText()));
        return paths;
    }

    @Test
    void reCommitShowsTheChangesAndReusesUnchangedEntriesForTheBytesOfAFreshCommit() throws IOException {
        firstTree();
        commitTo(zip);
        secondTree();
        JsonNode dryRun = stager("--json").json();
        JsonNode report = commitTo(zip).json();
        assertArrayEquals(fresh(), Files.readAllBytes(zip), "the re-delivery's zip is the fresh commit's, byte for byte");
        CliRun rebuilt = CliRun.verifyZip("--zip", zip.toString(), "--content-dir", content.toString(), "--rebuild");
        assertEquals(0, rebuilt.exitCode(), rebuilt.describe());

        JsonNode changes = report.get("changes");
        assertEquals(List.of("added.txt", "new-name.txt"), paths(changes.get("added")));
        assertEquals(List.of("gone.csv", "old-name.txt"), paths(changes.get("removed")));
        assertEquals(List.of("big/changed.txt", "doc/t3.txt", "same-size.txt"), paths(changes.get("changed")));
        JsonNode sameSize = changes.get("changed").get(2);
        assertEquals(sameSize.get("oldBytes"), sameSize.get("newBytes"));
        assertFalse(sameSize.get("oldSha256").equals(sameSize.get("newSha256")));
        assertEquals(TempTrees.sha256("aaaa-cccc".getBytes(StandardCharsets.UTF_8)), sameSize.get("newSha256").asText());
        assertEquals(2, changes.get("totals").get("added").asInt());
        assertEquals(14, changes.get("totals").get("unchanged").asInt());
        // 11 small texts and the large one: every unchanged DEFLATED entry; the STORED images are written from staging.
        assertEquals(12, changes.get("reuse").get("entries").asInt(), changes.toString());
        assertEquals(0, changes.get("reuse").get("deflatedAgain").size());

        // The dry-run said the same changes before the commit made them.
        ObjectNode predicted = ((ObjectNode) dryRun.get("changes").deepCopy());
        ObjectNode made = ((ObjectNode) changes.deepCopy());
        predicted.remove("reuse");
        made.remove("reuse");
        assertEquals(predicted, made);
        assertNull(dryRun.get("changes").get("reuse"), "the layout allows reuse: nothing to say");
    }

    @Test
    void nothingChangedReusesEveryDeflatedEntryAndTheSummarySaysSo() throws IOException {
        firstTree();
        commitTo(zip);
        CliRun again = stager("--commit");
        assertEquals(0, again.exitCode(), again.describe());
        assertTrue(again.out().contains("0 added, 0 removed, 0 changed, 19 unchanged"), again.out());
        assertTrue(again.out().contains("Reused the deflated data of 17 unchanged entries"), again.out());
        assertArrayEquals(fresh(), Files.readAllBytes(zip));
    }

    /** The local header offsets of a zip's entries by name, read sequentially (a v1 zip is contiguous). */
    static long dataOffsetOf(byte[] zipBytes, String name) {
        ByteBuffer b = ByteBuffer.wrap(zipBytes).order(ByteOrder.LITTLE_ENDIAN);
        int at = 0;
        while (b.getInt(at) == 0x04034b50) {
            int nameLength = Short.toUnsignedInt(b.getShort(at + 26));
            int extraLength = Short.toUnsignedInt(b.getShort(at + 28));
            long compressed = Integer.toUnsignedLong(b.getInt(at + 18));
            String entry = new String(zipBytes, at + 30, nameLength, StandardCharsets.UTF_8);
            int data = at + 30 + nameLength + extraLength;
            if (entry.equals(name)) {
                return data;
            }
            at = (int) (data + compressed);
        }
        throw new AssertionError(name + " not in the zip");
    }

    /** The manifest beside the zip made to vouch for the zip as it now is (as whoever altered it would). */
    void manifestVouchesForTheZip() throws IOException {
        ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(ZipManifest.pathFor(zip).toFile());
        byte[] bytes = Files.readAllBytes(zip);
        manifest.put("zip_sha256", TempTrees.sha256(bytes));
        manifest.put("zip_bytes", bytes.length);
        Files.write(ZipManifest.pathFor(zip), Json.bytes(manifest));
    }

    @Test
    void anEntryWhoseCompressedBytesWereAlteredIsCaughtByNameAndDeflatedAgain() throws IOException {
        firstTree();
        commitTo(zip);
        byte[] bytes = Files.readAllBytes(zip);
        long data = dataOffsetOf(bytes, "doc/t5.txt");
        bytes[(int) data + 20] ^= 0x20;
        Files.write(zip, bytes);
        manifestVouchesForTheZip();

        CliRun again = commitTo(zip);
        JsonNode reuse = again.json().get("changes").get("reuse");
        assertEquals("[\"doc/t5.txt\"]", reuse.get("deflatedAgain").toString(), again.describe());
        assertTrue(again.err().contains("doc/t5.txt") && again.err().contains("deflated again"), again.err());
        assertArrayEquals(fresh(), Files.readAllBytes(zip), "nothing of the altered zip reached the new one");
    }

    @Test
    void aPreviousZipThatDoesNotMatchItsManifestIsSaidAndTheRunIsAFirstDelivery() throws IOException {
        TempTrees.file(content, "a.txt", "alpha\n".repeat(100));
        commitTo(zip);
        HookTrees.flipByte(zip, 40);
        CliRun again = commitTo(zip);
        JsonNode changes = again.json().get("changes");
        assertTrue(changes.get("notCompared").asText().contains("does not match"), changes.toString());
        assertTrue(changes.path("totals").isMissingNode());
        assertEquals(1, again.err().lines().filter(l -> l.contains("is not compared")).count(), again.err());
        assertArrayEquals(fresh(), Files.readAllBytes(zip));
    }

    @Test
    void aPreviousDeliveryOfAnEarlierLayoutIsComparedButNotReused() throws IOException {
        for (String version : List.of("1.1.0", "1.3.0")) {
            TempTrees.file(content, "a.txt", "alpha " + version + "\n".repeat(100));
            TempTrees.file(content, "b.txt", "beta\n".repeat(100));
            commitTo(zip);
            ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(ZipManifest.pathFor(zip).toFile());
            ObjectNode metadata = (ObjectNode) manifest.get("metadata");
            ((ObjectNode) metadata.get("toolchain")).put("toolkit_version", version);
            if (version.equals("1.1.0")) {
                metadata.remove(List.of("block_deflate_min_bytes", "deflate_block_bytes"));
            }
            Files.write(ZipManifest.pathFor(zip), Json.bytes(manifest));
            TempTrees.file(content, "a.txt", "alpha, changed\n");

            JsonNode changes = commitTo(zip).json().get("changes");
            assertEquals(1, changes.get("totals").get("changed").asInt(), changes.toString());
            assertEquals(1, changes.get("totals").get("unchanged").asInt());
            String why = changes.get("reuse").get("notReused").asText();
            assertTrue(why.contains(version) && why.contains("before 1.4.0"), why);
            assertTrue(changes.get("reuse").path("entries").isMissingNode());
            assertArrayEquals(fresh(), Files.readAllBytes(zip));
        }
    }

    @Test
    void theChainHoldsAcrossThreeSignedDeliveriesAndVerifySinceShowsEachStep() throws IOException {
        KeyPair keys = HookTrees.ed25519();
        Path key = HookTrees.writePem(tmp.resolve("key.pem"), keys.getPrivate());
        Path publicKey = HookTrees.writePem(tmp.resolve("pub.pem"), keys.getPublic());
        List<Path> kept = new ArrayList<>();
        for (int step = 1; step <= 3; step++) {
            TempTrees.file(content, "step" + step + ".txt", "delivery " + step + "\n");
            TempTrees.file(content, "common.txt", "shared by all\n".repeat(40));
            commitTo(zip, "--sign-key", key.toString());
            Path copy = Files.createDirectories(tmp.resolve("kept" + step)).resolve("p1.zip");
            for (Path file : List.of(zip, ZipManifest.pathFor(zip), zip.resolveSibling("p1.zip.manifest.json.sig"))) {
                Files.copy(file, copy.resolveSibling(file.getFileName()));
            }
            kept.add(copy);
        }
        for (int step = 2; step <= 3; step++) {
            Path now = kept.get(step - 1);
            Path before = kept.get(step - 2);
            JsonNode inputs = Json.MAPPER.readTree(ZipManifest.pathFor(now).toFile()).get("run").get("inputs");
            assertEquals(TempTrees.sha256(Files.readAllBytes(before)), input(inputs, "previous_zip").get("sha256").asText());
            assertEquals(TempTrees.sha256(Files.readAllBytes(ZipManifest.pathFor(before))),
                    input(inputs, "previous_manifest").get("sha256").asText());

            CliRun verified = CliRun.verifyZip("--zip", now.toString(), "--public-key", publicKey.toString(), "--since",
                    before.toString(), "--json");
            assertEquals(0, verified.exitCode(), verified.describe());
            JsonNode changes = verified.json().get("changes");
            assertEquals(List.of("step" + step + ".txt"), paths(changes.get("added")));
            assertEquals(before.toString(), changes.get("previous").get("zip").asText());
            CliRun human = CliRun.verifyZip("--zip", now.toString(), "--since", ZipManifest.pathFor(before).toString());
            assertTrue(human.out().contains("1 added, 0 removed, 0 changed, " + step + " unchanged"), human.out());
        }
        JsonNode first = Json.MAPPER.readTree(ZipManifest.pathFor(kept.get(0)).toFile()).get("run").get("inputs");
        assertNull(input(first, "previous_zip"), "the first delivery follows none");
    }

    static JsonNode input(JsonNode inputs, String role) {
        for (JsonNode input : inputs) {
            if (input.get("role").asText().equals(role)) {
                return input;
            }
        }
        return null;
    }

    @Test
    void decomposedNamesAreComparedAndReusedByTheNamesTheyShipUnder() throws IOException {
        // Decomposed (as macOS writes them), they ship composed, and the composed names sort differently.
        TempTrees.file(content, "e\u0301t\u00e9/notes.txt", "accents\n".repeat(40));
        TempTrees.file(content, "e\u0301a.txt", "first\n".repeat(40));
        TempTrees.file(content, "ez.txt", "plain\n".repeat(40));
        TempTrees.file(content, "f.txt", "after\n".repeat(40));
        commitTo(zip);
        TempTrees.file(content, "ez.txt", "plain, changed\n");
        JsonNode dryRun = stager("--json").json().get("changes");
        JsonNode changes = commitTo(zip).json().get("changes");
        assertEquals(List.of("ez.txt"), paths(changes.get("changed")));
        assertEquals(3, changes.get("totals").get("unchanged").asInt(), changes.toString());
        assertEquals(3, changes.get("reuse").get("entries").asInt(), changes.toString());
        ObjectNode predicted = (ObjectNode) dryRun.deepCopy();
        ObjectNode made = (ObjectNode) changes.deepCopy();
        predicted.remove("reuse");
        made.remove("reuse");
        assertEquals(predicted, made);
        assertArrayEquals(fresh(), Files.readAllBytes(zip));
    }

    @Test
    void anEmptyPreviousDeliveryMakesEveryFileAdded() throws IOException {
        TempTrees.file(content, ".hidden", "nothing ships");
        JsonNode first = commitTo(zip).json();
        assertEquals(0, first.get("totals").get("eligibleFiles").asInt());
        TempTrees.file(content, "a.txt", "alpha\n".repeat(20));
        TempTrees.file(content, "b.png", "not really a png");
        JsonNode changes = commitTo(zip).json().get("changes");
        assertEquals(List.of("a.txt", "b.png"), paths(changes.get("added")));
        assertEquals(0, changes.get("totals").get("unchanged").asInt());
        assertEquals(0, changes.get("reuse").get("entries").asInt());
        assertArrayEquals(fresh(), Files.readAllBytes(zip));
    }

    @Test
    void sinceAManifestAnywhereComparesAndAMissingSinceIsAUsageError() throws IOException {
        TempTrees.file(content, "a.txt", "alpha\n");
        commitTo(zip);
        Path old = Files.createDirectories(tmp.resolve("old")).resolve("p1.zip.manifest.json");
        Files.copy(ZipManifest.pathFor(zip), old);
        TempTrees.file(content, "b.txt", "beta\n");
        JsonNode changes = stager("--since", old.toString(), "--json").json().get("changes");
        assertNotNull(changes, "compared from the manifest alone");
        assertEquals(List.of("b.txt"), paths(changes.get("added")));
        assertTrue(changes.get("reuse").get("notReused").asText().contains("only its manifest"));
        CliRun missing = stager("--since", tmp.resolve("nothing.zip").toString());
        assertEquals(2, missing.exitCode(), missing.describe());
        assertTrue(missing.err().contains("PZ_USAGE") && missing.err().contains("no such file"), missing.err());
        for (String folder : List.of("/", tmp.toString())) {
            for (String mode : List.of("--json", "--commit")) {
                CliRun notAFile = stager("--since", folder, mode);
                assertEquals(2, notAFile.exitCode(), notAFile.describe());
                assertTrue(notAFile.err().contains("PZ_USAGE") && notAFile.err().contains("not a regular file"), notAFile.err());
            }
        }
        CliRun verified = CliRun.verifyZip("--zip", zip.toString(), "--since", "/");
        assertEquals(2, verified.exitCode(), verified.describe());
        assertTrue(verified.err().contains("PZ_USAGE"), verified.err());
    }
}
