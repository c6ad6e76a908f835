import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import support.CliRun;
import support.StagerZipFixture;
import support.TempTrees;
import support.VerifyFixtures;
import support.ZipTamper;
import verify.VerifyCheck;
import verify.VerifyReport;
import zip.ManifestSignature;

/** verify_zip driven through its command line, as an operator or CI would run it. */
class VerifyZipCliTest extends StagerZipFixture {
    static CliRun verifyZip(String... args) {
        return CliRun.run(new verify_zip(), args);
    }

    static Set<String> failedCodes(CliRun run) {
        Set<String> codes = new TreeSet<>();
        run.json().get("failures").forEach(f -> codes.add(f.get("code").asText()));
        return codes;
    }

    @Test
    void acceptsTheStagersZipAsJson() {
        CliRun run = verifyZip("--zip", good.zip().toString(), "--json");
        assertEquals(0, run.exitCode(), run.describe());
        JsonNode report = run.json();
        assertEquals(VerifyReport.SCHEMA_VERSION, report.get("schemaVersion").asInt());
        assertTrue(report.get("valid").asBoolean());
        assertEquals(4, report.get("entries").asInt());
        assertEquals(good.zip().toString(), report.get("zip").asText());
        assertEquals(good.manifest().toString(), report.get("manifest").asText());
        assertEquals(0, report.get("failures").size());
        assertTrue(report.get("checks").size() > 0);
        report.get("checks").forEach(c -> assertTrue(c.get("ok").asBoolean(), c.toString()));
        assertEquals("", run.err());
    }

    @Test
    void aManifestThatIsNoFileOrFarLargerThanItsZipIsInvalidNeverAHangOrAnOutOfMemory() throws Exception {
        // --manifest /dev/zero gave a raw OutOfMemoryError, a FIFO hung forever (issue 16).
        Path huge = tmp.resolve("huge.manifest.json");
        try (var out = java.nio.file.Files.newOutputStream(huge)) {
            out.write(new byte[(int) zip.ZipManifest.maxBytesFor(java.nio.file.Files.size(good.zip())) + 1]);
        }
        List<String> manifests = new java.util.ArrayList<>(List.of("/dev/zero", tmp.toString(), huge.toString()));
        if (support.TempTrees.canMakeFifo()) {
            manifests.add(support.TempTrees.fifo(tmp.resolve("fifo.manifest.json")).toString());
        }
        for (String manifest : manifests) {
            CliRun run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                    () -> verifyZip("--zip", good.zip().toString(), "--manifest", manifest, "--json"));
            assertEquals(1, run.exitCode(), manifest + ": " + run.describe());
            assertTrue(failedCodes(run).contains("VZ_MANIFEST_INVALID"), manifest + ": " + run.describe());
        }
    }

    /** verify_zip of the good zip against {@code manifest} in a child JVM of 40 MiB: its --json report (it must exit 1). */
    JsonNode verifyInASmallHeap(Path manifest) throws Exception {
        Process child = new ProcessBuilder(TempTrees.javaBinary(), "-Xmx40m", "-cp", System.getProperty("java.class.path"),
                "verify_zip", "--zip", good.zip().toString(), "--manifest", manifest.toString(), "--json")
                .redirectError(tmp.resolve("err.txt").toFile()).start();
        byte[] out = child.getInputStream().readAllBytes();
        assertEquals(1, child.waitFor(), Files.readString(tmp.resolve("err.txt")));
        return json.Json.MAPPER.readTree(out);
    }

    @Test
    void aManifestOfManyEntriesIsComparedInASmallHeap() throws Exception {
        // The whole manifest was built as a tree (ten times the file): 222 MB took 2.1 GB (issue 16).
        ObjectNode manifest = (ObjectNode) TempTrees.readJson(good.manifest());
        var entries = manifest.withArray("entries");
        JsonNode first = entries.get(0);
        for (int i = 0; i < 70_000; i++) {
            entries.add(((ObjectNode) first.deepCopy()).put("relative_path", String.format("listed/%06d/not-in-the-zip.txt", i)));
        }
        entries.add(first.deepCopy());
        entries.add(first.deepCopy());
        Path big = tmp.resolve("big.manifest.json");
        Files.write(big, json.Json.MAPPER.writeValueAsBytes(manifest));
        assertTrue(Files.size(big) > 14_000_000 && Files.size(big) < zip.ZipManifest.maxBytesFor(Files.size(good.zip())));
        JsonNode report = verifyInASmallHeap(big);
        List<String> messages = new ArrayList<>();
        report.get("failures").forEach(f -> messages.add(f.get("code").asText() + " " + f.path("entry").asText() + ": " + f.get("message").asText()));
        String path = first.get("relative_path").asText();
        assertEquals(List.of("VZ_MANIFEST_MISMATCH " + path + ": the manifest lists this path more than once",
                "VZ_MANIFEST_MISMATCH " + path + ": the manifest lists this path more than once",
                "VZ_MANIFEST_MISMATCH listed/000000/not-in-the-zip.txt: in the manifest but not in the zip"), messages.subList(0, 3));
        List<String> mismatches = messages.stream().filter(m -> m.startsWith("VZ_MANIFEST_MISMATCH")).toList();
        assertTrue(mismatches.get(mismatches.size() - 1).endsWith("(70,002 in all)"), mismatches.get(mismatches.size() - 1));
        // The contents file beside the zip is the delivered manifest's, read alongside this one in the same small heap.
        assertTrue(messages.get(messages.size() - 1).startsWith("VZ_CONTENTS_FILE : delivery.zip.contents.sha256 does not list the"
                + " manifest's entries: line 5 should be"), messages.get(messages.size() - 1));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "relative_path|7|entries[1].relative_path is not a string",
            "uncompressed_bytes|\"12\"|entries[1].uncompressed_bytes is not a whole number",
            "uncompressed_bytes|1.5|entries[1].uncompressed_bytes is not a whole number",
            "sha256_or_blake3|{}|entries[1].sha256_or_blake3 is not a string",
            "unknown_later_field|{\"a\": [1]}|"})
    void entryFieldsOfTheWrongKindAreAnInvalidManifestUnknownOnesAreIgnored(String field, String value, String message) throws Exception {
        String json = Files.readString(good.manifest());
        int second = json.indexOf("{", json.indexOf("{", json.indexOf("\"entries\"")) + 1);
        Files.writeString(good.manifest(), json.substring(0, second + 1) + "\"" + field + "\": " + value + ", "
                + json.substring(second + 1).replaceFirst("\"" + field + "\"\\s*:\\s*(\"[^\"]*\"|[0-9]+)\\s*,?", ""));
        CliRun run = verifyZip("--zip", good.zip().toString(), "--json");
        if (message == null) {
            assertEquals(0, run.exitCode(), run.describe());
        } else {
            assertEquals(1, run.exitCode(), run.describe());
            assertEquals(Set.of("VZ_MANIFEST_INVALID"), failedCodes(run), run.describe());
            assertTrue(run.out().contains(message), run.describe());
        }
    }

    @Test
    void aRepeatedEntriesKeyIsAnInvalidManifestNotASecondList() throws Exception {
        // The two lists were streamed one after the other: an empty second list hid nothing, a first one everything.
        String json = Files.readString(good.manifest());
        Files.writeString(good.manifest(), json.substring(0, json.lastIndexOf('}')) + ", \"entries\": []}");
        CliRun run = verifyZip("--zip", good.zip().toString(), "--json");
        assertEquals(1, run.exitCode(), run.describe());
        assertEquals(Set.of("VZ_MANIFEST_INVALID"), failedCodes(run), run.describe());
        assertTrue(run.out().contains("Duplicate field 'entries'"), run.describe());
    }

    @Test
    void millionsOfValuesBesideTheEntriesAreRefusedAtTheBoundInASmallHeap() throws Exception {
        // The bound counted values but went on building the rest of the tree: 15 million of them ran out of memory.
        String json = Files.readString(good.manifest());
        Path big = tmp.resolve("padded.manifest.json");
        try (var out = new java.io.BufferedWriter(Files.newBufferedWriter(big))) {
            out.write(json.substring(0, json.lastIndexOf('}')));
            out.write(", \"later_field\": [0");
            for (int i = 0; i < 6_000_000; i++) {
                out.write(",0");
            }
            out.write("]}");
        }
        JsonNode report = verifyInASmallHeap(big);
        assertEquals("VZ_MANIFEST_INVALID", report.get("failures").get(0).get("code").asText(), report.toString());
    }

    @Test
    void aManifestWithMoreThanAFewValuesBesideItsEntriesIsInvalid() throws Exception {
        ObjectNode manifest = (ObjectNode) TempTrees.readJson(good.manifest());
        var bulk = ((ObjectNode) manifest.get("run")).putArray("later_field");
        for (int i = 0; i <= zip.ZipManifest.MAX_OTHER_VALUES; i++) {
            bulk.add(i);
        }
        Files.write(good.manifest(), json.Json.MAPPER.writeValueAsBytes(manifest));
        CliRun run = verifyZip("--zip", good.zip().toString(), "--json");
        assertEquals(1, run.exitCode(), run.describe());
        assertEquals(Set.of("VZ_MANIFEST_INVALID"), failedCodes(run), run.describe());
        assertTrue(run.out().contains("more than 100000 values where a few are expected"), run.describe());
    }

    @Test
    void acceptsTheStagersZipWithSourceAndProjectChecks() {
        CliRun run = verifyZip("--zip", good.zip().toString(), "--content-dir", good.content().toString(),
                "--project-id", VerifyFixtures.PROJECT, "--data-dir", good.data().toString(), "--json");
        assertEquals(0, run.exitCode(), run.describe());
        List<String> ran = new ArrayList<>();
        run.json().get("checks").forEach(c -> ran.add(c.get("code").asText()));
        assertTrue(ran.containsAll(List.of("VZ_SOURCE_MISMATCH", "VZ_SOURCE_MISSING", "VZ_POLICY")), ran.toString());
    }

    @Test
    void humanSummarySaysValid() {
        CliRun run = verifyZip("--zip", good.zip().toString());
        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains("Status: valid"), run.describe());
        assertTrue(run.out().contains("entries:  4"), run.describe());
    }

    @Test
    void verboseListsEveryCheckThatRan() {
        CliRun run = verifyZip("--zip", good.zip().toString(), "--verbose");
        assertEquals(0, run.exitCode(), run.describe());
        for (String code : List.of("VZ_CRC_MISMATCH", "VZ_ENTRY_ORDER", "VZ_ZIP_SHA256")) {
            assertTrue(run.out().contains("ok   " + code), run.describe());
        }
    }

    @Test
    void explicitManifestPathIsUsed() throws IOException {
        Path moved = Files.move(good.manifest(), tmp.resolve("elsewhere.json"));
        assertEquals(1, verifyZip("--zip", good.zip().toString()).exitCode());
        CliRun run = verifyZip("--zip", good.zip().toString(), "--manifest", moved.toString());
        assertEquals(0, run.exitCode(), run.describe());
    }

    // --- the Done-when list: each tampering exits 1 and names its code -------------------------

    /** Builds a tampered zip (with manifest) in a folder, from the good build. */
    interface Tampering extends BiFunction<Path, VerifyFixtures.Built, Path> {}

    static Stream<Arguments> tamperings() {
        return Stream.of(
                Arguments.of("flipped byte", "VZ_CRC_MISMATCH", (Tampering) (dir, good) -> {
                    byte[] zip = TempTrees.readBytes(good.zip());
                    zip[ZipTamper.dataOffset(zip, "images/logo.png") + 10] ^= 0x10;
                    return ZipTamper.writeBytes(good.zip(), zip);
                }),
                Arguments.of("extra entry", "VZ_MANIFEST_MISMATCH", (Tampering) (dir, good) -> {
                    List<ZipTamper.Entry> more = new ArrayList<>(VerifyFixtures.v1Entries());
                    more.add(ZipTamper.Entry.v1("zz/extra.txt", "extra"));
                    return VerifyFixtures.craft(dir, "extra.zip", more, VerifyFixtures.v1Entries());
                }),
                Arguments.of("../ entry with matching manifest", "VZ_UNSAFE_NAME", (Tampering) (dir, good) -> {
                    List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
                    entries.add(0, ZipTamper.Entry.v1("../evil.txt", "escaped"));
                    return VerifyFixtures.craft(dir, "dotdot.zip", entries);
                }),
                Arguments.of("reordered entries", "VZ_ENTRY_ORDER", (Tampering) (dir, good) -> {
                    List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
                    Collections.swap(entries, 0, 3);
                    return VerifyFixtures.craft(dir, "reordered.zip", entries);
                }),
                Arguments.of("changed time", "VZ_ENTRY_TIME", (Tampering) (dir, good) ->
                        VerifyFixtures.patched(good.zip(), dir.resolve("time.zip"), bytes -> {
                            ZipTamper.putShort(bytes, ZipTamper.centralHeaderOffset(bytes, "config/scene.yaml") + 14, 0x5821);
                            ZipTamper.putShort(bytes, ZipTamper.localHeaderOffset(bytes, "config/scene.yaml") + 12, 0x5821);
                        })),
                Arguments.of("duplicate name", "VZ_DUPLICATE_NAME", (Tampering) (dir, good) -> {
                    List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
                    entries.add(1, ZipTamper.Entry.v1("config/scene.yaml", "other: 2\n"));
                    return VerifyFixtures.craft(dir, "dup.zip", entries);
                }),
                Arguments.of("case-fold duplicate", "VZ_DUPLICATE_NAME", (Tampering) (dir, good) -> {
                    List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
                    entries.add(0, ZipTamper.Entry.v1("CONFIG/scene.yaml", "other: 2\n"));
                    return VerifyFixtures.craft(dir, "fold.zip", entries);
                }),
                Arguments.of("unknown schema version", "VZ_MANIFEST_VERSION", (Tampering) (dir, good) -> {
                    ZipTamper.editManifest(good.manifest(), root -> ((ObjectNode) root.get("metadata")).put("schema_version", 2));
                    return good.zip();
                }),
                Arguments.of("deflate bomb", "VZ_DECLARED_SIZE_EXCEEDED", (Tampering) (dir, good) ->
                        VerifyFixtures.craft(dir, "bomb.zip", List.of(ZipTamper.Entry.v1("bomb.txt", new byte[1024])
                                .with(e -> e.rawData = ZipTamper.deflateBombOfZeros(1024))))),
                Arguments.of("hidden entry", "VZ_HIDDEN_ENTRY", (Tampering) (dir, good) -> {
                    List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
                    entries.add(0, ZipTamper.Entry.v1(".env.txt", "SECRET=1"));
                    return VerifyFixtures.craft(dir, "hidden.zip", entries);
                }),
                Arguments.of("directory entry", "VZ_DIRECTORY_ENTRY", (Tampering) (dir, good) -> {
                    List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
                    entries.add(0, ZipTamper.Entry.v1("config/", new byte[0]).with(e -> e.externalAttributes = 040755L << 16));
                    return VerifyFixtures.craft(dir, "dir.zip", entries);
                }),
                Arguments.of("mode 0100755", "VZ_ENTRY_MODE", (Tampering) (dir, good) ->
                        VerifyFixtures.patched(good.zip(), dir.resolve("mode.zip"), bytes ->
                                ZipTamper.putInt(bytes, ZipTamper.centralHeaderOffset(bytes, "notes/readme.txt") + 38, 0100755L << 16))),
                Arguments.of("extra field", "VZ_EXTRA_FIELD", (Tampering) (dir, good) ->
                        VerifyFixtures.craft(dir, "extra-field.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt",
                                e -> e.with(x -> x.centralExtra = ZipTamper.extraField(0x7875, new byte[] {1, 4, 0, 0, 0, 0, 4, 0, 0, 0, 0}))))));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("tamperings")
    void tamperedZipExitsOneNamingItsCode(String what, String code, Tampering tampering) {
        Path zip = tampering.apply(tmp, good);
        CliRun json = verifyZip("--zip", zip.toString(), "--json");
        assertEquals(1, json.exitCode(), what + "\n" + json.describe());
        assertFalse(json.json().get("valid").asBoolean());
        assertTrue(failedCodes(json).contains(code), what + ": " + failedCodes(json));
        assertTrue(json.err().contains("error PZ_VERIFY_FAILED"), json.describe());
        assertTrue(json.err().contains(code), json.describe());

        CliRun human = verifyZip("--zip", zip.toString());
        assertEquals(1, human.exitCode(), human.describe());
        assertTrue(human.out().contains(code), human.describe());
        assertTrue(human.out().contains("Status: invalid"), human.describe());
    }

    @Test
    void everyFailureIsListedNotJustTheFirst() {
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        Collections.reverse(entries);
        entries.add(ZipTamper.Entry.v1(".hidden.txt", "x").with(e -> e.externalAttributes = 0100755L << 16));
        Path zip = VerifyFixtures.craft(tmp, "many.zip", entries);
        CliRun run = verifyZip("--zip", zip.toString(), "--json");
        assertEquals(1, run.exitCode(), run.describe());
        assertTrue(failedCodes(run).containsAll(Set.of("VZ_ENTRY_ORDER", "VZ_HIDDEN_ENTRY", "VZ_ENTRY_MODE")), failedCodes(run).toString());
        JsonNode failures = run.json().get("failures");
        for (JsonNode failure : failures) {
            assertTrue(failure.hasNonNull("message"), failure.toString());
        }
        // Each failed code is also marked not ok in checks.
        Set<String> notOk = new TreeSet<>();
        run.json().get("checks").forEach(c -> {
            if (!c.get("ok").asBoolean()) {
                notOk.add(c.get("code").asText());
            }
        });
        assertEquals(failedCodes(run), notOk);
    }

    @Test
    void archiveWideFailureHasNoEntryField() throws IOException {
        Files.delete(good.manifest());
        CliRun run = verifyZip("--zip", good.zip().toString(), "--json");
        assertEquals(1, run.exitCode(), run.describe());
        JsonNode failure = run.json().get("failures").get(0);
        assertEquals("VZ_MANIFEST_INVALID", failure.get("code").asText());
        assertFalse(failure.has("entry"), failure.toString());
    }

    // --- source folder and project -----------------------------------------------------------------

    @Test
    void changedSourceFileFailsWithContentDir() throws IOException {
        Files.writeString(good.content().resolve("config/settings.yaml"), "quality: low\n");
        CliRun run = verifyZip("--zip", good.zip().toString(), "--content-dir", good.content().toString(),
                "--data-dir", good.data().toString(), "--json");
        assertEquals(1, run.exitCode(), run.describe());
        assertEquals(Set.of("VZ_SOURCE_MISMATCH"), failedCodes(run));
    }

    @Test
    void missingEligibleFileFailsWithContentDir() {
        TempTrees.file(good.content(), "images/new.png", "added after the commit");
        CliRun run = verifyZip("--zip", good.zip().toString(), "--content-dir", good.content().toString(),
                "--project-id", VerifyFixtures.PROJECT, "--data-dir", good.data().toString(), "--json");
        assertEquals(1, run.exitCode(), run.describe());
        assertEquals(Set.of("VZ_SOURCE_MISSING"), failedCodes(run));
        assertEquals("images/new.png", run.json().get("failures").get(0).get("entry").asText());
    }

    @Test
    void entryTheProjectDoesNotAllowFailsPolicy() {
        Path narrow = TempTrees.dataDir(tmp.resolve("narrow"), VerifyFixtures.PROJECT, List.of("png", "txt"));
        CliRun run = verifyZip("--zip", good.zip().toString(), "--project-id", VerifyFixtures.PROJECT,
                "--data-dir", narrow.toString(), "--json");
        assertEquals(1, run.exitCode(), run.describe());
        assertEquals(Set.of("VZ_POLICY"), failedCodes(run));
        assertEquals(2, run.json().get("failures").size(), "both .yaml entries");
    }

    // --- usage errors exit 2 -----------------------------------------------------------------------

    @Test
    void missingZipFileIsAUsageError() {
        CliRun run = verifyZip("--zip", tmp.resolve("nope.zip").toString());
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_ZIP_MISSING"), run.describe());
    }

    @Test
    void directoryAsZipIsAUsageError() {
        CliRun run = verifyZip("--zip", tmp.toString());
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_ZIP_MISSING"), run.describe());
    }

    @Test
    void noZipOptionIsAUsageError() {
        CliRun run = verifyZip("--json");
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_USAGE"), run.describe());
    }

    @Test
    void unknownProjectIsAUsageError() {
        CliRun run = verifyZip("--zip", good.zip().toString(), "--project-id", "nobody", "--data-dir", good.data().toString());
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_ALLOWLIST_MISSING"), run.describe());
    }

    @Test
    void badProjectIdIsAUsageError() {
        CliRun run = verifyZip("--zip", good.zip().toString(), "--project-id", "../x", "--data-dir", good.data().toString());
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_BAD_PROJECT_ID"), run.describe());
    }

    @Test
    void missingContentDirIsAUsageError() {
        CliRun run = verifyZip("--zip", good.zip().toString(), "--content-dir", tmp.resolve("gone").toString(),
                "--data-dir", good.data().toString());
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("PZ_CONTENT_DIR_MISSING"), run.describe());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = verifyZip("--zip", good.zip().toString(), "--frobnicate");
        assertEquals(2, run.exitCode(), run.describe());
    }

    @Test
    void signatureCheckedWithPublicKey() throws Exception {
        java.security.KeyPair pair = java.security.KeyPairGenerator.getInstance(ManifestSignature.ALGORITHM).generateKeyPair();
        ManifestSignature.sign(good.manifest(), pair.getPrivate());
        Path pem = tmp.resolve("pub.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        CliRun ok = verifyZip("--zip", good.zip().toString(), "--public-key", pem.toString(), "--json");
        assertEquals(0, ok.exitCode(), ok.describe());
        Files.writeString(good.manifest(), Files.readString(good.manifest()) + "\n");
        CliRun tampered = verifyZip("--zip", good.zip().toString(), "--public-key", pem.toString(), "--json");
        assertEquals(1, tampered.exitCode(), tampered.describe());
        assertEquals(Set.of("VZ_MANIFEST_SIGNATURE"), failedCodes(tampered));
        CliRun badKey = verifyZip("--zip", good.zip().toString(), "--public-key", good.manifest().toString());
        assertEquals(2, badKey.exitCode(), badKey.describe());
    }

    @Test
    void checkCodesAreStable() {
        // README documents these names; renaming one breaks every script that matches on it.
        assertEquals(List.of("VZ_ZIP_UNREADABLE", "VZ_LAYOUT", "VZ_CRC_MISMATCH", "VZ_LOCAL_HEADER_MISMATCH",
                "VZ_DECLARED_SIZE_EXCEEDED", "VZ_DUPLICATE_NAME", "VZ_UNSAFE_NAME", "VZ_HIDDEN_ENTRY", "VZ_DIRECTORY_ENTRY",
                "VZ_SYMLINK_ENTRY", "VZ_ENCRYPTED_ENTRY", "VZ_ENTRY_ORDER", "VZ_ENTRY_TIME", "VZ_ENTRY_MODE", "VZ_HOST_BYTE",
                "VZ_EXTRA_FIELD", "VZ_COMPRESSION_METHOD", "VZ_NAME_FORM", "VZ_ENTRY_FLAGS", "VZ_ENTRY_VERSION", "VZ_INTERNAL_ATTRIBUTES",
                "VZ_ZIP64_EXTRA", "VZ_END_RECORDS", "VZ_MANIFEST_INVALID", "VZ_MANIFEST_VERSION", "VZ_MANIFEST_MISMATCH",
                "VZ_ZIP_SHA256", "VZ_CONTENTS_FILE", "VZ_MANIFEST_SIGNATURE", "VZ_SOURCE_MISMATCH", "VZ_SOURCE_MISSING",
                "VZ_REBUILD_REFUSED", "VZ_REBUILD_DIFFERS", "VZ_CONTENT_TYPE", "VZ_POLICY", "VZ_SECRET", "VZ_INTERRUPTED_DELIVERY"),
                Arrays.stream(VerifyCheck.values()).map(Enum::name).toList());
    }
}
