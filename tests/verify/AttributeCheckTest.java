package verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static verify.ZipVerifierTest.assertOnly;
import static verify.ZipVerifierTest.assertValid;
import static verify.ZipVerifierTest.describe;
import static verify.ZipVerifierTest.entriesOf;
import static verify.ZipVerifierTest.verify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.VerifyFixtures;
import support.ZipTamper;
import zip.ZipPolicyV1;

/** AttributeCheck: mode, host byte, encryption, time, extras, comment and method of each entry. */
class AttributeCheckTest {
    @TempDir
    Path tmp;

    @Test
    void executableModeFails() {
        Path zip = VerifyFixtures.craft(tmp, "mode.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt",
                e -> e.with(x -> x.externalAttributes = 0100755L << 16)));
        ZipVerifier.Result result = verify(zip);
        assertOnly(result, VerifyCheck.VZ_ENTRY_MODE);
        assertTrue(result.findings().get(0).message().contains("0100755"), describe(result));
    }

    @Test
    void symlinkEntryFails() {
        Path zip = VerifyFixtures.craft(tmp, "link.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt",
                e -> e.with(x -> x.externalAttributes = 0120777L << 16)));
        assertOnly(verify(zip), VerifyCheck.VZ_SYMLINK_ENTRY);
    }

    @Test
    void extraFieldFailsInBothHeaders() {
        byte[] timestamp = ZipTamper.extraField(0x5455, new byte[] {1, 0, 0, 0, 0});
        Path zip = VerifyFixtures.craft(tmp, "extra-field.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt", e -> e.with(x -> {
            x.localExtra = timestamp;
            x.centralExtra = timestamp;
        })));
        ZipVerifier.Result result = verify(zip);
        assertOnly(result, VerifyCheck.VZ_EXTRA_FIELD);
        assertEquals(2, result.findings().size(), describe(result));
    }

    @Test
    void entryCommentFails() {
        Path zip = VerifyFixtures.craft(tmp, "comment.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt",
                e -> e.with(x -> x.comment = "hi".getBytes(StandardCharsets.UTF_8))));
        assertOnly(verify(zip), VerifyCheck.VZ_EXTRA_FIELD);
    }

    @Test
    void encryptedEntryFails() {
        Path zip = VerifyFixtures.craft(tmp, "enc.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt",
                e -> e.with(x -> x.flags |= ZipStructure.FLAG_ENCRYPTED)));
        assertOnly(verify(zip), VerifyCheck.VZ_ENCRYPTED_ENTRY);
    }

    @Test
    void nonUnixHostByteFails() {
        Path zip = VerifyFixtures.craft(tmp, "host.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt",
                e -> e.with(x -> x.versionMadeBy = 51)));
        assertOnly(verify(zip), VerifyCheck.VZ_HOST_BYTE);
    }

    @Test
    void wrongCompressionMethodFails() {
        Path zip = VerifyFixtures.craft(tmp, "method.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt", e -> e.with(x -> {
            x.method = ZipStructure.METHOD_STORED;
            x.versionNeeded = ZipTamper.VERSION_NEEDED_STORED;
        })));
        assertOnly(verify(zip), VerifyCheck.VZ_COMPRESSION_METHOD);
    }

    @Test
    void changedTimeInBothHeadersFailsTime() {
        int[] other = DosTime.fields(java.time.Instant.parse("2024-05-06T07:08:10Z").toEpochMilli());
        Path zip = VerifyFixtures.craft(tmp, "time.zip", VerifyFixtures.v1EntriesWith("config/settings.yaml", e -> e.with(x -> {
            x.dosDate = other[0];
            x.dosTime = other[1];
        })));
        ZipVerifier.Result result = verify(zip);
        assertOnly(result, VerifyCheck.VZ_ENTRY_TIME);
        assertTrue(result.findings().get(0).message().contains("2024-05-06 07:08:10"), describe(result));
    }

    @Test
    void timeIsCheckedAgainstTheManifestsEpoch() {
        // A zip made with SOURCE_DATE_EPOCH: its time is right exactly when the manifest records that epoch.
        long epoch = java.time.Instant.parse("2020-02-29T12:34:56Z").toEpochMilli();
        int[] dos = DosTime.fields(epoch);
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
    void eachAttributeIsNamedWithWhatV1Writes() {
        List<ZipTamper.Entry> entries = VerifyFixtures.v1EntriesWith("notes/readme.txt", e -> e.with(x -> {
            x.externalAttributes = 0100755L << 16;
            x.versionMadeBy = 20;
            x.comment = "hi".getBytes(StandardCharsets.UTF_8);
            x.method = ZipStructure.METHOD_STORED;
            x.centralExtra = ZipTamper.extraField(0x5455, new byte[] {1, 0, 0, 0, 0});
        }));
        List<EntryState> read = entriesOf(ZipTamper.writeZip(tmp.resolve("attributes.zip"), entries));
        Findings findings = new Findings();
        AttributeCheck attributes = new AttributeCheck(findings, ZipPolicyV1.DEFAULT_EPOCH_MS, Set.copyOf(ZipPolicyV1.STORED_EXTENSIONS));
        read.forEach(entry -> attributes.check(entry, read.get(0)));
        assertEquals(List.of(
                VerifyFinding.entry(VerifyCheck.VZ_ENTRY_MODE, "notes/readme.txt",
                        "external attributes 0x81ed0000 (mode 0100755, DOS bits 0x00); v1 is 0x81a40000 (mode 0100644)"),
                VerifyFinding.entry(VerifyCheck.VZ_HOST_BYTE, "notes/readme.txt",
                        "host byte 0; v1 is 3 (Unix), without which readers ignore the mode"),
                VerifyFinding.entry(VerifyCheck.VZ_EXTRA_FIELD, "notes/readme.txt",
                        "extra field 0x5455 (5 bytes) in the central header; v1 allows only zip64 (0x0001)"),
                VerifyFinding.entry(VerifyCheck.VZ_EXTRA_FIELD, "notes/readme.txt", "an entry comment of 2 bytes"),
                VerifyFinding.entry(VerifyCheck.VZ_COMPRESSION_METHOD, "notes/readme.txt",
                        "method STORED; v1 uses DEFLATED for .txt files")),
                findings.inCheckOrder());
    }

    @Test
    void withoutAFixedTimeEveryEntrysTimeIsTheFirsts() {
        int[] other = DosTime.fields(java.time.Instant.parse("2024-05-06T07:08:10Z").toEpochMilli());
        List<EntryState> read = entriesOf(ZipTamper.writeZip(tmp.resolve("time.zip"), VerifyFixtures.v1EntriesWith("images/logo.png",
                e -> e.with(x -> {
                    x.dosDate = other[0];
                    x.dosTime = other[1];
                }))));
        Findings findings = new Findings();
        AttributeCheck attributes = new AttributeCheck(findings, null, Set.copyOf(ZipPolicyV1.STORED_EXTENSIONS));
        read.forEach(entry -> attributes.check(entry, read.get(0)));
        assertEquals(List.of(VerifyFinding.entry(VerifyCheck.VZ_ENTRY_TIME, "images/logo.png", "time 2024-05-06 07:08:10 differs from"
                + " config/scene.yaml's 1980-01-01 00:00:00 (the manifest gives no usable fixed_epoch_ms)")), findings.inCheckOrder());
    }

    @Test
    void theStoredExtensionsAreTheZipsOwn() {
        List<EntryState> read = entriesOf(ZipTamper.writeZip(tmp.resolve("v1.zip"), VerifyFixtures.v1Entries()));
        Findings findings = new Findings();
        AttributeCheck attributes = new AttributeCheck(findings, ZipPolicyV1.DEFAULT_EPOCH_MS, Set.of("txt"));
        read.forEach(entry -> attributes.check(entry, read.get(0)));
        assertEquals(List.of(
                VerifyFinding.entry(VerifyCheck.VZ_COMPRESSION_METHOD, "images/logo.png", "method STORED; v1 uses DEFLATED for .png files"),
                VerifyFinding.entry(VerifyCheck.VZ_COMPRESSION_METHOD, "notes/readme.txt",
                        "method DEFLATED; v1 uses STORED for .txt files")),
                findings.inCheckOrder());
    }

    @Test
    void aMalformedExtraBlockIsNamedForItsHeader() {
        EntryState entry = entriesOf(ZipTamper.writeZip(tmp.resolve("v1.zip"), VerifyFixtures.v1Entries())).get(0);
        Findings findings = new Findings();
        new AttributeCheck(findings, null, Set.of()).checkExtras(entry, ZipStructure.parseExtras(new byte[] {1}), "local");
        assertEquals(List.of(VerifyFinding.entry(VerifyCheck.VZ_EXTRA_FIELD, "config/scene.yaml",
                "malformed extra block in the local header: 1 stray byte(s) at the end of the extra block")), findings.inCheckOrder());
    }

    @Test
    void aDirectoryIsOneByItsUnixModeOrItsDosBit() {
        assertTrue(AttributeCheck.isDirectoryMode(040755L << 16));
        assertTrue(AttributeCheck.isDirectoryMode(0x10));
        assertFalse(AttributeCheck.isDirectoryMode(ZipPolicyV1.EXTERNAL_ATTRIBUTES));
        assertFalse(AttributeCheck.isDirectoryMode(0120777L << 16), "a link is no directory");
    }
}
