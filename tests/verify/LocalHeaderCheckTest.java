package verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static verify.ZipVerifierTest.assertOnly;
import static verify.ZipVerifierTest.entriesOf;
import static verify.ZipVerifierTest.locatedEntriesOf;
import static verify.ZipVerifierTest.verify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.TempTrees;
import support.VerifyFixtures;
import support.ZipTamper;

/** LocalHeaderCheck: each local header and data descriptor against its central header. */
class LocalHeaderCheckTest {
    @TempDir
    Path tmp;

    @Test
    void localNameDifferentFromCentralFails() {
        Path zip = VerifyFixtures.craft(tmp, "localname.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt",
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
    void changedTimeInTheCentralDirectoryOnlyAlsoFailsTheLocalHeader() {
        VerifyFixtures.Built good = VerifyFixtures.stagerZip(tmp.resolve("good"));
        Path zip = VerifyFixtures.patched(good.zip(), tmp.resolve("ctime.zip"),
                bytes -> ZipTamper.putShort(bytes, ZipTamper.centralHeaderOffset(bytes, "notes/readme.txt") + 12, 0x0001));
        assertOnly(verify(zip), VerifyCheck.VZ_ENTRY_TIME, VerifyCheck.VZ_LOCAL_HEADER_MISMATCH);
    }

    static List<VerifyFinding> localHeadersOf(Path zip) {
        Findings findings = new Findings();
        LocalHeaderCheck localHeaders = new LocalHeaderCheck(findings);
        locatedEntriesOf(zip).forEach(localHeaders::check);
        return findings.inCheckOrder();
    }

    @Test
    void everyDifferenceIsNamedInOneFinding() {
        Path zip = ZipTamper.writeZip(tmp.resolve("local.zip"), VerifyFixtures.v1EntriesWith("notes/readme.txt",
                e -> e.with(x -> x.localName = "notes/readme.exe".getBytes(StandardCharsets.UTF_8))));
        byte[] bytes = TempTrees.readBytes(zip);
        ZipTamper.putShort(bytes, ZipTamper.localHeaderOffset(bytes, "notes/readme.exe") + 10, 1);
        ZipTamper.writeBytes(zip, bytes);
        assertEquals(List.of(VerifyFinding.entry(VerifyCheck.VZ_LOCAL_HEADER_MISMATCH, "notes/readme.txt", "the local header differs from"
                + " the central directory: name 'notes/readme.exe'; time 1980-01-01 00:00:02 vs 1980-01-01 00:00:00")),
                localHeadersOf(zip));
        assertEquals(List.of(), localHeadersOf(VerifyFixtures.craft(tmp, "v1.zip", VerifyFixtures.v1Entries())));
    }

    @Test
    void withADataDescriptorTheLocalFieldsMayBeZeroAndTheDescriptorMustAgree() {
        List<ZipTamper.Entry> entries = VerifyFixtures.v1Entries();
        entries.forEach(e -> e.flags |= ZipStructure.FLAG_DATA_DESCRIPTOR);
        assertEquals(List.of(), localHeadersOf(VerifyFixtures.craftBefore110(tmp, "descriptors.zip", entries)));
        entries.get(0).descriptorCrc = 0x12345678L;
        Path zip = VerifyFixtures.craftBefore110(tmp, "wrong.zip", entries);
        assertEquals(List.of(VerifyFinding.entry(VerifyCheck.VZ_LOCAL_HEADER_MISMATCH, "config/scene.yaml", "the local header differs from"
                + " the central directory: data descriptor CRC 0x12345678 vs 0x" + Long.toHexString(entriesOf(zip).get(0).central.crc()))),
                localHeadersOf(zip));
    }
}
