package verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static verify.ZipVerifierTest.assertOnly;
import static verify.ZipVerifierTest.assertValid;
import static verify.ZipVerifierTest.describe;
import static verify.ZipVerifierTest.entriesOf;
import static verify.ZipVerifierTest.locatedEntriesOf;
import static verify.ZipVerifierTest.verify;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import support.TempTrees;
import support.VerifyFixtures;
import support.ZipTamper;
import zip.ZipLayout;
import zip.ZipPolicyV1;

/** RecordFieldCheck: flags, versions, internal attributes, zip64 use and end records of the 1.1.0 layout. */
class RecordFieldCheckTest {
    @TempDir
    Path tmp;

    /** Bit 3 a data descriptor, 1 and 2 deflate options, 4 enhanced deflate, 5 patched data, 12 and 15 reserved. */
    @ParameterizedTest
    @ValueSource(ints = {1 << 1, 1 << 2, 1 << 3, 1 << 4, 1 << 5, 1 << 12, 1 << 15})
    void anyFlagBesidesUtf8FailsTheLayout(int bit) {
        assertOnly(verify(VerifyFixtures.craft(tmp, "flag.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt",
                e -> e.with(x -> x.flags |= bit)))), VerifyCheck.VZ_ENTRY_FLAGS);
    }

    @Test
    void anAsciiNameWithoutTheUtf8FlagFailsTheLayout() {
        assertOnly(verify(VerifyFixtures.craft(tmp, "noutf8.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt",
                e -> e.with(x -> x.flags = 0)))), VerifyCheck.VZ_ENTRY_FLAGS);
    }

    @ParameterizedTest
    @ValueSource(ints = {0xFFFF, ZipLayout.VERSION_ZIP64, ZipLayout.VERSION_STORED, 63})
    void aVersionNeededOtherThanTheLayoutsFails(int version) {
        // notes/readme.txt is DEFLATED and small: 2.0 is the one right value.
        assertOnly(verify(VerifyFixtures.craft(tmp, "needed.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt",
                e -> e.with(x -> x.versionNeeded = version)))), VerifyCheck.VZ_ENTRY_VERSION);
    }

    @Test
    void anotherVersionMadeByFails() {
        assertOnly(verify(VerifyFixtures.craft(tmp, "madeby.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt",
                e -> e.with(x -> x.versionMadeBy = ZipPolicyV1.HOST_UNIX << 8 | 20)))), VerifyCheck.VZ_ENTRY_VERSION);
    }

    @Test
    void internalAttributesFail() {
        Path zip = VerifyFixtures.craft(tmp, "internal.zip", VerifyFixtures.v1Entries());
        byte[] bytes = TempTrees.readBytes(zip);
        // Bit 0: "apparently a text file", which some readers take as leave to rewrite line ends.
        ZipTamper.putShort(bytes, ZipTamper.centralHeaderOffset(bytes, "notes/readme.txt") + 36, 1);
        ZipTamper.writeBytes(zip, bytes);
        ZipTamper.refreshZipDigest(zip);
        assertOnly(verify(zip), VerifyCheck.VZ_INTERNAL_ATTRIBUTES);
    }

    @Test
    void aSecondZip64ExtraFails() {
        Path zip = VerifyFixtures.craft(tmp, "two64.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt", e -> e.with(x -> {
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
        Path zip = VerifyFixtures.craft(tmp, "disks.zip", entries);
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
        assertOnly(verify(VerifyFixtures.craft(tmp, "zip64.zip", entries)), VerifyCheck.VZ_ZIP64_EXTRA, VerifyCheck.VZ_END_RECORDS);
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
        assertOnly(verify(VerifyFixtures.craft(tmp, "zip4j-as-110.zip", entries)), VerifyCheck.VZ_ENTRY_FLAGS, VerifyCheck.VZ_ENTRY_VERSION,
                VerifyCheck.VZ_ZIP64_EXTRA, VerifyCheck.VZ_END_RECORDS);
    }

    @Test
    void eachHeaderFieldIsNamedWithWhatTheLayoutWrites() {
        List<EntryState> entries = entriesOf(ZipTamper.writeZip(tmp.resolve("fields.zip"), VerifyFixtures.v1EntriesWith("notes/readme.txt",
                e -> e.with(x -> {
                    x.flags |= ZipStructure.FLAG_DATA_DESCRIPTOR;
                    x.versionNeeded = ZipLayout.VERSION_ZIP64;
                    x.versionMadeBy = ZipPolicyV1.HOST_UNIX << 8 | 20;
                }))));
        Findings findings = new Findings();
        RecordFieldCheck recordFields = new RecordFieldCheck(findings);
        entries.forEach(recordFields::check);
        assertEquals(List.of(
                VerifyFinding.entry(VerifyCheck.VZ_ENTRY_FLAGS, "notes/readme.txt", "general-purpose flags 0x0808; the layout sets exactly"
                        + " bit 11 (0x0800): bit 3 (a data descriptor) leaves streaming readers without the sizes"),
                VerifyFinding.entry(VerifyCheck.VZ_ENTRY_VERSION, "notes/readme.txt",
                        "version needed 4.5; the layout writes 2.0 for this entry"),
                VerifyFinding.entry(VerifyCheck.VZ_ENTRY_VERSION, "notes/readme.txt", "version made by 2.0; the layout writes 4.5")),
                findings.inCheckOrder());
    }

    @Test
    void encryptionFlagsAreLeftToTheirOwnCheck() {
        List<EntryState> entries = entriesOf(ZipTamper.writeZip(tmp.resolve("encrypted.zip"),
                VerifyFixtures.v1EntriesWith("notes/readme.txt",
                        e -> e.with(x -> x.flags |= ZipStructure.FLAG_ENCRYPTED | ZipStructure.FLAG_STRONG_ENCRYPTION))));
        Findings findings = new Findings();
        entries.forEach(new RecordFieldCheck(findings)::check);
        assertEquals(List.of(), findings.inCheckOrder());
    }

    @Test
    void zip64UseIsHeldToWhatOverflowsInBothHeaders() {
        List<ZipTamper.Entry> v1 = VerifyFixtures.v1Entries();
        v1.get(0).zip64 = true;
        List<EntryState> entries = locatedEntriesOf(VerifyFixtures.craft(tmp, "zip64.zip", v1));
        Findings findings = new Findings();
        new RecordFieldCheck(findings).check(entries.get(0));
        assertEquals(List.of(
                VerifyFinding.entry(VerifyCheck.VZ_ZIP64_EXTRA, "config/scene.yaml", "the central header's zip64 use (size,"
                        + " compressed size, offset, disk; a zip64 extra of 28 bytes) is not the layout's for this entry"
                        + " (no field deferred)"),
                VerifyFinding.entry(VerifyCheck.VZ_ZIP64_EXTRA, "config/scene.yaml", "the local header's zip64 use (size,"
                        + " compressed size; a zip64 extra of 16 bytes) is not the layout's for this entry (no field deferred)")),
                findings.inCheckOrder());
    }

    @Test
    void theEndRecordsAreZip64OnlyWhereAValueOverflows() throws Exception {
        List<ZipTamper.Entry> v1 = VerifyFixtures.v1Entries();
        v1.forEach(e -> e.zip64 = true);
        Path zip = VerifyFixtures.craft(tmp, "zip64.zip", v1);
        Findings findings = new Findings();
        try (FileChannel channel = FileChannel.open(zip)) {
            new RecordFieldCheck(findings).checkEndRecords(EndRecords.read(channel));
        }
        assertEquals(List.of(VerifyFinding.archive(VerifyCheck.VZ_END_RECORDS, "a zip64 end record and locator, although every value"
                + " fits the classic end record (4 entries)")), findings.inCheckOrder());
        Path classic = VerifyFixtures.craft(tmp, "v1.zip", VerifyFixtures.v1Entries());
        Findings none = new Findings();
        try (FileChannel channel = FileChannel.open(classic)) {
            new RecordFieldCheck(none).checkEndRecords(EndRecords.read(channel));
        }
        assertEquals(List.of(), none.inCheckOrder());
    }

    @Test
    void theLayoutChecksAreTheFiveOfTheRecordFields() {
        assertEquals(EnumSet.of(VerifyCheck.VZ_ENTRY_FLAGS, VerifyCheck.VZ_ENTRY_VERSION, VerifyCheck.VZ_INTERNAL_ATTRIBUTES,
                VerifyCheck.VZ_ZIP64_EXTRA, VerifyCheck.VZ_END_RECORDS), RecordFieldCheck.LAYOUT_CHECKS);
    }
}
