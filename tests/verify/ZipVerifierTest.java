package verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import datadir.DataDir;
import datadir.ProjectId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import policy.AllowlistStore;
import policy.BanRules;
import policy.Classifier;
import secrets.ContentScan;
import secrets.SecretApprovals;
import secrets.SecretRules;
import support.TempTrees;
import support.VerifyFixtures;
import support.ZipTamper;
import zip.DeterministicZipWriter;
import zip.ManifestSignature;
import zip.ZipEntryV1;
import zip.ZipLayout;
import zip.ZipManifest;
import zip.ZipPackagingMetadataV1;
import zip.ZipPolicyV1;

/**
 * ZipVerifier on the stager's own zips (accepted) and on zips that differ from a good one in one
 * respect each (rejected with that respect's code, and no other where the tampering allows).
 */
class ZipVerifierTest {
    @TempDir
    Path tmp;
    VerifyFixtures.Built good;

    @BeforeEach
    void setUp() {
        good = VerifyFixtures.stagerZip(tmp.resolve("good"));
    }

    static ZipVerifier.Result verify(Path zip) {
        return verify(zip, null, null, null);
    }

    static ZipVerifier.Result verify(Path zip, Path contentDir, Classifier policy, BanRules bans) {
        try {
            return ZipVerifier.verify(new ZipVerifier.Request(zip, ZipManifest.pathFor(zip), contentDir, policy, bans));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<VerifyCheck> codes(ZipVerifier.Result result) {
        return result.findings().stream().map(VerifyFinding::check)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(VerifyCheck.class)));
    }

    static String describe(ZipVerifier.Result result) {
        return result.findings().stream().map(f -> f.check() + " " + f.entry() + ": " + f.message())
                .collect(Collectors.joining("\n", "findings:\n", ""));
    }

    /** Invalid, and failing exactly these checks. */
    static void assertOnly(ZipVerifier.Result result, VerifyCheck... expected) {
        assertFalse(result.valid(), describe(result));
        assertEquals(EnumSet.copyOf(Arrays.asList(expected)), codes(result), describe(result));
    }

    static void assertValid(ZipVerifier.Result result) {
        assertTrue(result.valid(), describe(result));
    }

    Path craft(String name, List<ZipTamper.Entry> entries) {
        return VerifyFixtures.craft(tmp, name, entries);
    }

    BanRules bans() {
        return BanRules.load(good.data().resolve("global_bans.json"));
    }

    Classifier policy(Path data, String project) {
        return new Classifier(new AllowlistStore(new DataDir(data)).load(new ProjectId(project)).eligibleExtensions(), bans());
    }

    // --- what must pass ---------------------------------------------------------------------------

    @Test
    void acceptsTheStagersZipWithEveryCheckRun() throws IOException {
        ContentScan scan = new ContentScan(SecretRules.load(support.TempTrees.repoSecretRules()), SecretApprovals.none(),
                ZipPolicyV1::isStored);
        ZipVerifier.Result result = ZipVerifier.verify(new ZipVerifier.Request(good.zip(), good.manifest(), good.content(),
                policy(good.data(), VerifyFixtures.PROJECT), bans(), null, scan));
        assertValid(result);
        assertEquals(EnumSet.complementOf(EnumSet.of(VerifyCheck.VZ_MANIFEST_SIGNATURE)), result.checked());
        assertEquals(4, result.entries());
    }

    @Test
    void signedManifestVerifiesWithItsKeyOnly() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance(ManifestSignature.ALGORITHM);
        java.security.KeyPair pair = generator.generateKeyPair();
        ManifestSignature.sign(good.manifest(), pair.getPrivate());
        ZipVerifier.Request request = new ZipVerifier.Request(good.zip(), good.manifest(), null, null, null, pair.getPublic(), null);
        assertValid(ZipVerifier.verify(request));
        assertTrue(ZipVerifier.verify(request).checked().contains(VerifyCheck.VZ_MANIFEST_SIGNATURE));

        java.security.KeyPair other = generator.generateKeyPair();
        assertOnly(ZipVerifier.verify(new ZipVerifier.Request(good.zip(), good.manifest(), null, null, null, other.getPublic(), null)),
                VerifyCheck.VZ_MANIFEST_SIGNATURE);
        // One added space: the manifest still parses to the same values, but it is not the signed text.
        Files.write(good.manifest(), " ".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        assertOnly(ZipVerifier.verify(request), VerifyCheck.VZ_MANIFEST_SIGNATURE);
        Files.delete(ManifestSignature.pathFor(good.manifest()));
        assertOnly(ZipVerifier.verify(request), VerifyCheck.VZ_MANIFEST_SIGNATURE);
    }

    @Test
    void tamperWriterReproducesTheToolkitsBytesExactly() {
        // Every tampering below is a one-field change of this: proof that nothing else differs.
        byte[] handMade = ZipTamper.write(VerifyFixtures.v1Entries());
        assertArrayEquals(TempTrees.readBytes(good.zip()), handMade);
    }

    /** Bit 3 a data descriptor, 1 and 2 deflate options, 4 enhanced deflate, 5 patched data, 12 and 15 reserved. */
    @ParameterizedTest
    @ValueSource(ints = {1 << 1, 1 << 2, 1 << 3, 1 << 4, 1 << 5, 1 << 12, 1 << 15})
    void anyFlagBesidesUtf8FailsTheLayout(int bit) {
        assertOnly(verify(craft("flag.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt", e -> e.with(x -> x.flags |= bit)))),
                VerifyCheck.VZ_ENTRY_FLAGS);
    }

    @Test
    void anAsciiNameWithoutTheUtf8FlagFailsTheLayout() {
        assertOnly(verify(craft("noutf8.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt", e -> e.with(x -> x.flags = 0)))),
                VerifyCheck.VZ_ENTRY_FLAGS);
    }

    @ParameterizedTest
    @ValueSource(ints = {0xFFFF, ZipLayout.VERSION_ZIP64, ZipLayout.VERSION_STORED, 63})
    void aVersionNeededOtherThanTheLayoutsFails(int version) {
        // notes/readme.txt is DEFLATED and small: 2.0 is the one right value.
        assertOnly(verify(craft("needed.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt",
                e -> e.with(x -> x.versionNeeded = version)))), VerifyCheck.VZ_ENTRY_VERSION);
    }

    @Test
    void anotherVersionMadeByFails() {
        assertOnly(verify(craft("madeby.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt",
                e -> e.with(x -> x.versionMadeBy = ZipPolicyV1.HOST_UNIX << 8 | 20)))), VerifyCheck.VZ_ENTRY_VERSION);
    }

    @Test
    void internalAttributesFail() {
        Path zip = craft("internal.zip", VerifyFixtures.v1Entries());
        byte[] bytes = TempTrees.readBytes(zip);
        // Bit 0: "apparently a text file", which some readers take as leave to rewrite line ends.
        ZipTamper.putShort(bytes, ZipTamper.centralHeaderOffset(bytes, "notes/readme.txt") + 36, 1);
        ZipTamper.writeBytes(zip, bytes);
        ZipTamper.refreshZipDigest(zip);
        assertOnly(verify(zip), VerifyCheck.VZ_INTERNAL_ATTRIBUTES);
    }

    @Test
    void onlyToolkitsBefore110AreReadWithTheirOwnLayout() {
        for (String before : List.of("1.0.0", "1.0.0-SNAPSHOT", "0.9", "1")) {
            assertTrue(ZipVerifier.writtenBeforeLayout(before), before);
        }
        for (String since : List.of("1.1.0", "1.1.0-rc1", "1.10.0", "2.0.0", "not a version", "")) {
            assertFalse(ZipVerifier.writtenBeforeLayout(since), since);
        }
    }

    @Test
    void aSecondZip64ExtraFails() {
        Path zip = craft("two64.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt", e -> e.with(x -> {
            x.zip64 = true;
            x.centralExtra = ZipTamper.extraField(ZipLayout.ZIP64_EXTRA_ID, new byte[8]);
        })));
        ZipVerifier.Result result = verify(zip);
        assertTrue(result.findings().stream().anyMatch(f -> f.check() == VerifyCheck.VZ_ZIP64_EXTRA
                && f.message().contains("holds 2 zip64 extras")), describe(result));
    }

    @Test
    void diskNumbersInTheClassicEndRecordBesideAZip64OneFail() {
        List<ZipTamper.Entry> entries = VerifyFixtures.v1Entries();
        entries.forEach(e -> e.zip64 = true);
        Path zip = craft("disks.zip", entries);
        byte[] bytes = TempTrees.readBytes(zip);
        ZipTamper.putShort(bytes, bytes.length - ZipLayout.END_BYTES + 4, 1);
        ZipTamper.putShort(bytes, bytes.length - ZipLayout.END_BYTES + 6, 1);
        ZipTamper.writeBytes(zip, bytes);
        ZipTamper.refreshZipDigest(zip);
        ZipVerifier.Result result = verify(zip);
        assertTrue(result.findings().stream().anyMatch(f -> f.check() == VerifyCheck.VZ_END_RECORDS && f.message().contains("names disk 1")),
                describe(result));
    }

    @Test
    void zip64RecordsOnSmallEntriesFailTheLayout() {
        List<ZipTamper.Entry> entries = VerifyFixtures.v1Entries();
        entries.forEach(e -> e.zip64 = true);
        assertOnly(verify(craft("zip64.zip", entries)), VerifyCheck.VZ_ZIP64_EXTRA, VerifyCheck.VZ_END_RECORDS);
    }

    @Test
    void aZipAsToolkit100WroteItStaysValid() {
        // Zip4j's layout: a data descriptor on every entry, zip64 records on all of them and a zip64 end record.
        List<ZipTamper.Entry> entries = VerifyFixtures.v1Entries();
        entries.forEach(e -> e.with(x -> {
            x.flags |= ZipStructure.FLAG_DATA_DESCRIPTOR;
            x.zip64 = true;
            x.versionMadeBy = ZipPolicyV1.HOST_UNIX << 8 | 51;
        }));
        assertValid(verify(VerifyFixtures.craftBefore110(tmp, "zip4j.zip", entries)));
        assertOnly(verify(craft("zip4j-as-110.zip", entries)), VerifyCheck.VZ_ENTRY_FLAGS, VerifyCheck.VZ_ENTRY_VERSION,
                VerifyCheck.VZ_ZIP64_EXTRA, VerifyCheck.VZ_END_RECORDS);
    }

    @Test
    void acceptsMoreThan65535EntriesFromTheWriter() throws IOException {
        // Past the 16-bit entry count the writer must use the zip64 end records; the parser must follow them.
        int count = ZipStructure.ZIP64_MARKER_16 + 1;
        Path empty = Files.createFile(tmp.resolve("empty.txt"));
        List<DeterministicZipWriter.Source> sources = new ArrayList<>();
        List<ZipEntryV1> listed = new ArrayList<>();
        String emptySha = TempTrees.sha256(new byte[0]);
        for (int i = 0; i < count; i++) {
            String name = String.format(java.util.Locale.ROOT, "f/%06d.txt", i);
            sources.add(new DeterministicZipWriter.Source(name, empty, 0));
            listed.add(ZipEntryV1.of(name, emptySha, 0));
        }
        Path zip = tmp.resolve("many.zip");
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(zip))) {
            DeterministicZipWriter.write(sources, out, ZipPolicyV1.DEFAULT_EPOCH_MS);
        }
        byte[] bytes = TempTrees.readBytes(zip);
        ZipTamper.writeBytes(ZipManifest.pathFor(zip), Json.bytes(new ZipManifest(
                ZipPackagingMetadataV1.current(ZipPolicyV1.DEFAULT_EPOCH_MS), null, null, listed, bytes.length, TempTrees.sha256(bytes))));
        ZipVerifier.Result result = verify(zip);
        assertValid(result);
        assertEquals(count, result.entries());
    }

    @Test
    void dosTimeIsTheInstantAsUtcWallClock() {
        assertArrayEquals(new int[] {(0 << 9) | (1 << 5) | 1, 0}, ZipVerifier.dosDateTime(ZipPolicyV1.DEFAULT_EPOCH_MS));
        int[] max = ZipVerifier.dosDateTime(ZipPolicyV1.MAX_EPOCH_MS);
        assertEquals("2107-12-31 23:59:58", ZipVerifier.describeDos(max[0], max[1]));
    }

    // --- the Done-when tamperings ------------------------------------------------------------------

    @Test
    void flippedByteInStoredDataFailsCrcManifestAndZipDigest() {
        byte[] zip = TempTrees.readBytes(good.zip());
        zip[ZipTamper.dataOffset(zip, "images/logo.png") + 20] ^= 0x01;
        Path tampered = ZipTamper.writeBytes(good.zip(), zip);
        assertOnly(verify(tampered), VerifyCheck.VZ_CRC_MISMATCH, VerifyCheck.VZ_MANIFEST_MISMATCH, VerifyCheck.VZ_ZIP_SHA256);
    }

    @Test
    void flippedByteInDeflatedDataFails() {
        byte[] zip = TempTrees.readBytes(good.zip());
        zip[ZipTamper.dataOffset(zip, "notes/readme.txt") + 5] ^= 0x40;
        ZipVerifier.Result result = verify(ZipTamper.writeBytes(good.zip(), zip));
        assertFalse(result.valid());
        assertTrue(codes(result).contains(VerifyCheck.VZ_ZIP_SHA256), describe(result));
        Set<VerifyCheck> dataCodes = EnumSet.of(VerifyCheck.VZ_CRC_MISMATCH, VerifyCheck.VZ_ZIP_UNREADABLE,
                VerifyCheck.VZ_DECLARED_SIZE_EXCEEDED, VerifyCheck.VZ_MANIFEST_MISMATCH);
        assertTrue(codes(result).stream().anyMatch(dataCodes::contains), describe(result));
    }

    @Test
    void extraEntryIsNotInTheManifest() {
        List<ZipTamper.Entry> more = new ArrayList<>(VerifyFixtures.v1Entries());
        more.add(3, ZipTamper.Entry.v1("notes/extra.txt", "slipped in"));
        Path zip = VerifyFixtures.craft(tmp, "extra.zip", more, VerifyFixtures.v1Entries());
        assertOnly(verify(zip), VerifyCheck.VZ_MANIFEST_MISMATCH);
    }

    @Test
    void dotDotEntryFailsEvenWithAMatchingManifest() {
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(0, ZipTamper.Entry.v1("../evil.txt", "escaped"));
        ZipVerifier.Result result = verify(craft("dotdot.zip", entries));
        assertOnly(result, VerifyCheck.VZ_UNSAFE_NAME);
        assertEquals("../evil.txt", result.findings().get(0).entry());
    }

    @Test
    void reorderedEntriesWithAMatchingManifestFailOrder() {
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        java.util.Collections.reverse(entries);
        assertOnly(verify(craft("reordered.zip", entries)), VerifyCheck.VZ_ENTRY_ORDER);
    }

    @Test
    void changedTimeInBothHeadersFailsTime() {
        int[] other = ZipVerifier.dosDateTime(java.time.Instant.parse("2024-05-06T07:08:10Z").toEpochMilli());
        Path zip = craft("time.zip", VerifyFixtures.v1EntriesWith("config/settings.yaml", e -> e.with(x -> {
            x.dosDate = other[0];
            x.dosTime = other[1];
        })));
        ZipVerifier.Result result = verify(zip);
        assertOnly(result, VerifyCheck.VZ_ENTRY_TIME);
        assertTrue(result.findings().get(0).message().contains("2024-05-06 07:08:10"), describe(result));
    }

    @Test
    void changedTimeInTheCentralDirectoryOnlyAlsoFailsTheLocalHeader() {
        Path zip = VerifyFixtures.patched(good.zip(), tmp.resolve("ctime.zip"),
                bytes -> ZipTamper.putShort(bytes, ZipTamper.centralHeaderOffset(bytes, "notes/readme.txt") + 12, 0x0001));
        assertOnly(verify(zip), VerifyCheck.VZ_ENTRY_TIME, VerifyCheck.VZ_LOCAL_HEADER_MISMATCH);
    }

    @Test
    void timeIsCheckedAgainstTheManifestsEpoch() {
        // A zip made with SOURCE_DATE_EPOCH: its time is right exactly when the manifest records that epoch.
        long epoch = java.time.Instant.parse("2020-02-29T12:34:56Z").toEpochMilli();
        int[] dos = ZipVerifier.dosDateTime(epoch);
        List<ZipTamper.Entry> entries = VerifyFixtures.v1Entries();
        entries.forEach(e -> {
            e.dosDate = dos[0];
            e.dosTime = dos[1];
        });
        Path zip = ZipTamper.writeZip(tmp.resolve("epoch.zip"), entries);
        ZipTamper.writeManifest(zip, entries, epoch);
        assertValid(verify(zip));
        ZipTamper.writeManifest(zip, entries, ZipPolicyV1.DEFAULT_EPOCH_MS);
        assertOnly(verify(zip), VerifyCheck.VZ_ENTRY_TIME);
    }

    @Test
    void exactDuplicateNameFails() {
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(ZipTamper.Entry.v1("notes/readme.txt", "second copy"));
        ZipVerifier.Result result = verify(craft("dup.zip", entries));
        assertTrue(codes(result).contains(VerifyCheck.VZ_DUPLICATE_NAME), describe(result));
    }

    @Test
    void caseFoldDuplicateFails() {
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(3, ZipTamper.Entry.v1("notes/README.txt", "shouting"));
        assertOnly(verify(craft("case.zip", entries)), VerifyCheck.VZ_DUPLICATE_NAME);
    }

    @Test
    void nfcDuplicateFails() {
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(ZipTamper.Entry.v1("notes/cafe\u0301.txt", "decomposed"));
        entries.add(ZipTamper.Entry.v1("notes/caf\u00e9.txt", "composed"));
        entries.sort((a, b) -> Arrays.compareUnsigned(a.name, b.name));
        assertOnly(verify(craft("nfc.zip", entries)), VerifyCheck.VZ_DUPLICATE_NAME);
    }

    @Test
    void aNameThatIsBothFileAndFolderFails() {
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(0, ZipTamper.Entry.v1("config", "a file where a folder must be"));
        assertOnly(verify(craft("filefolder.zip", entries)), VerifyCheck.VZ_DUPLICATE_NAME);
    }

    @Test
    void deepAndHostileNamesCostTheirLengthAndGiveABoundedReport() {
        // Issue 16: 40 names of 32,000 folders took 141 s; 500 long names of control characters 59 s and 917 MB of --json.
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> {
            List<ZipTamper.Entry> deep = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                deep.add(ZipTamper.Entry.v1("a/".repeat(32_000) + i, "x"));
            }
            deep.sort(java.util.Comparator.comparing(e -> new String(e.name, StandardCharsets.UTF_8)));
            assertValid(verify(craft("deep.zip", deep)));

            List<ZipTamper.Entry> hostile = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                hostile.add(ZipTamper.Entry.v1(String.format("%03d", i) + "\u0007\u001b".repeat(30_000), "x"));
            }
            ZipVerifier.Result result = verify(craft("hostile.zip", hostile));
            assertTrue(codes(result).contains(VerifyCheck.VZ_UNSAFE_NAME), describe(result).substring(0, 500));
            long unsafe = result.findings().stream().filter(f -> f.check() == VerifyCheck.VZ_UNSAFE_NAME).count();
            assertEquals(ZipVerifier.FINDINGS_PER_CHECK + 1, unsafe, "the first hundred, then how many more");
            String json = Json.write(VerifyReport.of(result));
            assertTrue(json.length() < 2_000_000, "a bounded report: " + json.length() + " characters");
        });
    }

    @Test
    void malformedMetadataValuesAreAnInvalidManifestNeverAnInternalError() {
        // Each found by the adversarial pass of issue 16: a null in a list gave PZ_INTERNAL, the others passed unchecked.
        List<java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode>> edits = List.of(
                metadata -> metadata.putArray("stored_extensions").addNull(),
                metadata -> metadata.putArray("stored_extensions").add("a/b"),
                metadata -> metadata.put("deflate_level", 99),
                metadata -> metadata.put("deflate_level", -1),
                metadata -> ((com.fasterxml.jackson.databind.node.ObjectNode) metadata.get("toolchain")).put("toolkit_version", "1.x\u001b[2J"),
                metadata -> ((com.fasterxml.jackson.databind.node.ObjectNode) metadata.get("toolchain")).putNull("toolkit_version"));
        byte[] original = TempTrees.readBytes(good.manifest());
        for (var edit : edits) {
            ZipTamper.writeBytes(good.manifest(), original);
            ZipTamper.editManifest(good.manifest(), root -> edit.accept((com.fasterxml.jackson.databind.node.ObjectNode) root.get("metadata")));
            ZipVerifier.Result result = verify(good.zip());
            assertTrue(codes(result).contains(VerifyCheck.VZ_MANIFEST_INVALID), describe(result));
            assertFalse(describe(result).contains("\u001b"), "no escape sequence quoted: " + describe(result));
        }
        ZipTamper.writeBytes(good.manifest(), original);
        ZipTamper.editManifest(good.manifest(), root -> ((com.fasterxml.jackson.databind.node.ObjectNode) root).remove("entries"));
        assertTrue(codes(verify(good.zip())).contains(VerifyCheck.VZ_MANIFEST_INVALID));
    }

    @Test
    void unknownSchemaVersionFails() {
        ZipTamper.editManifest(good.manifest(), root -> ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("metadata"))
                .put("schema_version", 2));
        assertOnly(verify(good.zip()), VerifyCheck.VZ_MANIFEST_VERSION);
    }

    @Test
    void deflateBombIsRejectedQuicklyWithoutInflatingIt() {
        byte[] declared = new byte[1024];
        byte[] bomb = ZipTamper.deflateBombOfZeros(1024);
        Path zip = craft("bomb.zip", List.of(ZipTamper.Entry.v1("bomb.txt", declared).with(e -> e.rawData = bomb)));
        long start = System.nanoTime();
        ZipVerifier.Result result = verify(zip);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertOnly(result, VerifyCheck.VZ_DECLARED_SIZE_EXCEEDED);
        assertTrue(result.findings().get(0).message().contains("stopped at 1025"), describe(result));
        // 1 GiB of inflation would take seconds; stopping at 1025 bytes takes a few milliseconds.
        assertTrue(millis < 1000, "verifying the bomb took " + millis + " ms");
        System.out.println("deflate bomb (1 GiB in " + bomb.length + " bytes) rejected in " + millis + " ms");
    }

    @Test
    void storedEntryLongerThanDeclaredFails() {
        Path zip = craft("storedlong.zip", VerifyFixtures.v1EntriesWith("images/logo.png", e -> e.with(x -> {
            x.rawData = Arrays.copyOf(VerifyFixtures.PNG, VerifyFixtures.PNG.length + 100);
        })));
        assertOnly(verify(zip), VerifyCheck.VZ_DECLARED_SIZE_EXCEEDED);
    }

    // --- one check each ----------------------------------------------------------------------------

    @Test
    void hiddenEntryFails() {
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(3, ZipTamper.Entry.v1("notes/.secret.txt", "psst"));
        assertOnly(verify(craft("hidden.zip", entries)), VerifyCheck.VZ_HIDDEN_ENTRY);
    }

    @Test
    void directoryEntryFails() {
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(2, ZipTamper.Entry.v1("images/", new byte[0]).with(e -> e.externalAttributes = (040755L << 16) | 0x10));
        assertOnly(verify(craft("dir.zip", entries)), VerifyCheck.VZ_DIRECTORY_ENTRY);
    }

    @Test
    void executableModeFails() {
        Path zip = craft("mode.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt",
                e -> e.with(x -> x.externalAttributes = 0100755L << 16)));
        ZipVerifier.Result result = verify(zip);
        assertOnly(result, VerifyCheck.VZ_ENTRY_MODE);
        assertTrue(result.findings().get(0).message().contains("0100755"), describe(result));
    }

    @Test
    void symlinkEntryFails() {
        Path zip = craft("link.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt",
                e -> e.with(x -> x.externalAttributes = 0120777L << 16)));
        assertOnly(verify(zip), VerifyCheck.VZ_SYMLINK_ENTRY);
    }

    @Test
    void extraFieldFailsInBothHeaders() {
        byte[] timestamp = ZipTamper.extraField(0x5455, new byte[] {1, 0, 0, 0, 0});
        Path zip = craft("extra-field.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt", e -> e.with(x -> {
            x.localExtra = timestamp;
            x.centralExtra = timestamp;
        })));
        ZipVerifier.Result result = verify(zip);
        assertOnly(result, VerifyCheck.VZ_EXTRA_FIELD);
        assertEquals(2, result.findings().size(), describe(result));
    }

    @Test
    void entryCommentFails() {
        Path zip = craft("comment.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt",
                e -> e.with(x -> x.comment = "hi".getBytes(StandardCharsets.UTF_8))));
        assertOnly(verify(zip), VerifyCheck.VZ_EXTRA_FIELD);
    }

    @Test
    void encryptedEntryFails() {
        Path zip = craft("enc.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt",
                e -> e.with(x -> x.flags |= ZipStructure.FLAG_ENCRYPTED)));
        assertOnly(verify(zip), VerifyCheck.VZ_ENCRYPTED_ENTRY);
    }

    @Test
    void nonUnixHostByteFails() {
        Path zip = craft("host.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt",
                e -> e.with(x -> x.versionMadeBy = 51)));
        assertOnly(verify(zip), VerifyCheck.VZ_HOST_BYTE);
    }

    @Test
    void wrongCompressionMethodFails() {
        Path zip = craft("method.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt", e -> e.with(x -> {
            x.method = ZipStructure.METHOD_STORED;
            x.versionNeeded = ZipTamper.VERSION_NEEDED_STORED;
        })));
        assertOnly(verify(zip), VerifyCheck.VZ_COMPRESSION_METHOD);
    }

    @Test
    void localNameDifferentFromCentralFails() {
        Path zip = craft("localname.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt",
                e -> e.with(x -> x.localName = "notes/readme.exe".getBytes(StandardCharsets.UTF_8))));
        assertOnly(verify(zip), VerifyCheck.VZ_LOCAL_HEADER_MISMATCH);
    }

    @Test
    void dataDescriptorDisagreeingWithCentralFails() {
        Path zip = VerifyFixtures.craftBefore110(tmp, "descriptor.zip", VerifyFixtures.v1EntriesWith("config/scene.yaml",
                e -> e.with(x -> {
                    x.flags |= ZipStructure.FLAG_DATA_DESCRIPTOR;
                    x.descriptorCrc = 0x12345678L;
                })));
        assertOnly(verify(zip), VerifyCheck.VZ_LOCAL_HEADER_MISMATCH);
    }

    @Test
    void declaredSizeLargerThanTheDataFailsCrc() {
        Path zip = craft("short.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt",
                e -> e.with(x -> x.declaredSize = (long) x.content.length + 10)));
        assertTrue(codes(verify(zip)).contains(VerifyCheck.VZ_CRC_MISMATCH));
    }

    @Test
    void bytesHiddenAfterTheDeflateStreamFail() {
        Path zip = craft("hidden-bytes.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt", e -> e.with(x -> {
            byte[] deflated = ZipTamper.deflate(x.content);
            x.rawData = Arrays.copyOf(deflated, deflated.length + 16);
        })));
        assertOnly(verify(zip), VerifyCheck.VZ_ZIP_UNREADABLE);
    }

    @Test
    void invalidUtf8NameFails() {
        Path zip = craft("badutf8.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt",
                e -> e.with(x -> x.name = new byte[] {'n', 'o', 't', 'e', 's', '/', (byte) 0xff, '.', 't', 'x', 't'})));
        assertTrue(codes(verify(zip)).contains(VerifyCheck.VZ_UNSAFE_NAME));
    }

    @Test
    void nonAsciiNameWithoutTheUtf8FlagFails() {
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(ZipTamper.Entry.v1("notes/r\u00e9sum\u00e9.txt", "cv").with(e -> e.flags = 0));
        assertOnly(verify(craft("cp437.zip", entries)), VerifyCheck.VZ_UNSAFE_NAME, VerifyCheck.VZ_ENTRY_FLAGS);
    }

    @Test
    void nonAsciiNameWithTheUtf8FlagPasses() {
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(ZipTamper.Entry.v1("notes/r\u00e9sum\u00e9.txt", "cv"));
        assertValid(verify(craft("utf8.zip", entries)));
    }

    @Test
    void unsafeNamesFail() {
        for (String name : List.of("/etc/x.txt", "C:/x.txt", "a\\b.txt", "a//b.txt", "a/./b.txt", "a/b\u0007.txt")) {
            Path zip = craft("unsafe.zip", List.of(ZipTamper.Entry.v1(name, "x")));
            ZipVerifier.Result result = verify(zip);
            assertTrue(codes(result).contains(VerifyCheck.VZ_UNSAFE_NAME), name + "\n" + describe(result));
        }
    }

    // --- structure ---------------------------------------------------------------------------------

    @Test
    void missingManifestFails() throws IOException {
        Files.delete(good.manifest());
        assertOnly(verify(good.zip()), VerifyCheck.VZ_MANIFEST_INVALID);
    }

    @Test
    void malformedManifestFails() throws IOException {
        Files.writeString(good.manifest(), "{ \"metadata\": ");
        assertOnly(verify(good.zip()), VerifyCheck.VZ_MANIFEST_INVALID);
    }

    @Test
    void manifestWithAnotherPolicyNameFails() {
        ZipTamper.editManifest(good.manifest(), root -> ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("metadata"))
                .put("entry_order", "filesystem"));
        assertOnly(verify(good.zip()), VerifyCheck.VZ_MANIFEST_INVALID);
    }

    @Test
    void notAZipIsUnreadable() throws IOException {
        Files.writeString(good.zip(), "this is not a zip file at all, just text long enough");
        assertEquals(EnumSet.of(VerifyCheck.VZ_ZIP_UNREADABLE, VerifyCheck.VZ_ZIP_SHA256), codes(verify(good.zip())));
    }

    @Test
    void truncatedZipIsUnreadable() {
        byte[] zip = TempTrees.readBytes(good.zip());
        ZipTamper.writeBytes(good.zip(), Arrays.copyOf(zip, zip.length - 30));
        assertTrue(codes(verify(good.zip())).contains(VerifyCheck.VZ_ZIP_UNREADABLE));
        ZipTamper.writeBytes(good.zip(), Arrays.copyOf(zip, 200));
        assertTrue(codes(verify(good.zip())).contains(VerifyCheck.VZ_ZIP_UNREADABLE));
    }

    @Test
    void trailingBytesFailLayout() throws IOException {
        Files.write(good.zip(), "trailer".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        ZipTamper.refreshZipDigest(good.zip());
        assertOnly(verify(good.zip()), VerifyCheck.VZ_LAYOUT);
    }

    @Test
    void archiveCommentFailsLayout() {
        Path zip = ZipTamper.writeBytes(tmp.resolve("comment.zip"),
                ZipTamper.write(VerifyFixtures.v1Entries(), "made by hand".getBytes(StandardCharsets.UTF_8)));
        ZipTamper.writeManifest(zip, VerifyFixtures.v1Entries());
        assertOnly(verify(zip), VerifyCheck.VZ_LAYOUT);
    }

    @Test
    void localRecordMissingFromTheCentralDirectoryFailsLayout() {
        // Readers that stream local headers would extract it; readers of the directory would not.
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(2, ZipTamper.Entry.v1("config/zz-smuggled.txt", "unlisted").with(e -> e.unlisted = true));
        Path zip = ZipTamper.writeZip(tmp.resolve("smuggled.zip"), entries);
        ZipTamper.writeManifest(zip, VerifyFixtures.v1Entries());
        assertOnly(verify(zip), VerifyCheck.VZ_LAYOUT);
    }

    @Test
    void overlappingEntriesFailLayoutAndAreNotRead() {
        Path zip = VerifyFixtures.patched(good.zip(), tmp.resolve("overlap.zip"), bytes -> {
            int central = ZipTamper.centralHeaderOffset(bytes, "config/settings.yaml");
            ZipTamper.putInt(bytes, central + 42, ZipTamper.localHeaderOffset(bytes, "config/scene.yaml"));
        });
        ZipVerifier.Result result = verify(zip);
        assertTrue(codes(result).contains(VerifyCheck.VZ_LAYOUT), describe(result));
        assertFalse(codes(result).contains(VerifyCheck.VZ_CRC_MISMATCH), "an overlapping entry is never inflated\n" + describe(result));
    }

    // --- the source folder and the policy ----------------------------------------------------------

    @Test
    void changedSourceFileFails() throws IOException {
        Files.writeString(good.content().resolve("notes/readme.txt"), "changed after zipping");
        assertOnly(verify(good.zip(), good.content(), null, bans()), VerifyCheck.VZ_SOURCE_MISMATCH);
    }

    @Test
    void deletedSourceFileFails() throws IOException {
        Files.delete(good.content().resolve("config/scene.yaml"));
        assertOnly(verify(good.zip(), good.content(), null, bans()), VerifyCheck.VZ_SOURCE_MISMATCH);
    }

    @Test
    void missingEligibleFileFailsWithAndWithoutTheProject() {
        TempTrees.file(good.content(), "notes/added-later.txt", "new");
        ZipVerifier.Result withProject = verify(good.zip(), good.content(), policy(good.data(), VerifyFixtures.PROJECT), bans());
        assertOnly(withProject, VerifyCheck.VZ_SOURCE_MISSING);
        assertEquals("notes/added-later.txt", withProject.findings().get(0).entry());
        // Without the allowlist, a .txt is eligible because the zip already ships .txt files.
        assertOnly(verify(good.zip(), good.content(), null, bans()), VerifyCheck.VZ_SOURCE_MISSING);
    }

    @Test
    void withoutTheProjectOnlyExtensionsTheZipShipsCountAsEligible() {
        TempTrees.writeAllowlist(good.data(), VerifyFixtures.PROJECT, List.of("png", "txt", "yaml", "md"), List.of());
        TempTrees.file(good.content(), "notes/todo.md", "allowed, but no .md shipped");
        TempTrees.file(good.content(), "notes/old.log", "banned: never eligible");
        TempTrees.file(good.content(), ".cache/x.txt", "hidden: never eligible");
        assertValid(verify(good.zip(), good.content(), null, bans()));
        assertOnly(verify(good.zip(), good.content(), policy(good.data(), VerifyFixtures.PROJECT), bans()),
                VerifyCheck.VZ_SOURCE_MISSING);
    }

    @Test
    void entryOutsideTheContentDirIsNeverLookedUpOnDisk() throws IOException {
        // The file '../evil.txt' names, seen from the content dir: it exists, and must still not count.
        Files.writeString(good.content().getParent().resolve("evil.txt"), "escaped");
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(0, ZipTamper.Entry.v1("../evil.txt", "escaped"));
        Path zip = craft("dotdot.zip", entries);
        ZipVerifier.Result result = verify(zip, good.content(), null, bans());
        assertEquals(EnumSet.of(VerifyCheck.VZ_UNSAFE_NAME, VerifyCheck.VZ_SOURCE_MISMATCH), codes(result), describe(result));
    }

    @Test
    void entryTheAllowlistDoesNotAllowFailsPolicy() {
        Path narrow = TempTrees.dataDir(tmp.resolve("narrow"), VerifyFixtures.PROJECT, List.of("txt", "yaml"));
        ZipVerifier.Result result = verify(good.zip(), null, policy(narrow, VerifyFixtures.PROJECT), bans());
        assertOnly(result, VerifyCheck.VZ_POLICY);
        assertEquals("images/logo.png", result.findings().get(0).entry());
        assertTrue(result.findings().get(0).message().contains("not_allowed"), describe(result));
    }

    @Test
    void bannedEntryFailsPolicyWhateverTheAllowlist() {
        Path wide = TempTrees.dataDir(tmp.resolve("wide"), VerifyFixtures.PROJECT, List.of("exe", "png", "txt", "yaml"));
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(ZipTamper.Entry.v1("tools/run.exe", "MZ"));
        ZipVerifier.Result result = verify(craft("exe.zip", entries), null, policy(wide, VerifyFixtures.PROJECT), bans());
        assertOnly(result, VerifyCheck.VZ_POLICY);
        assertTrue(result.findings().get(0).message().contains("banned_type"), describe(result));
    }

    @Test
    void findingsAreGroupedByCheckInCheckOrder() {
        byte[] zip = TempTrees.readBytes(good.zip());
        zip[ZipTamper.dataOffset(zip, "images/logo.png") + 20] ^= 0x01;
        ZipVerifier.Result result = verify(ZipTamper.writeBytes(good.zip(), zip));
        List<VerifyCheck> order = result.findings().stream().map(VerifyFinding::check).toList();
        List<VerifyCheck> sorted = new ArrayList<>(order);
        sorted.sort(null);
        assertEquals(sorted, order);
    }

    @Test
    void emptyZipWithItsManifestIsValid() throws IOException {
        Path zip = tmp.resolve("empty.zip");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DeterministicZipWriter.write(List.of(), out, ZipPolicyV1.DEFAULT_EPOCH_MS);
        ZipTamper.writeBytes(zip, out.toByteArray());
        ZipTamper.writeManifest(zip, List.of());
        assertValid(verify(zip));
    }
}
