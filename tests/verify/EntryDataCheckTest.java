package verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static verify.ZipVerifierTest.assertOnly;
import static verify.ZipVerifierTest.codes;
import static verify.ZipVerifierTest.describe;
import static verify.ZipVerifierTest.locatedEntriesOf;
import static verify.ZipVerifierTest.verify;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import secrets.ContentScan;
import secrets.SecretApprovals;
import secrets.SecretRules;
import support.SecretCorpus;
import support.TempTrees;
import support.VerifyFixtures;
import support.ZipTamper;
import zip.ZipPolicyV1;

/** EntryDataCheck: each entry's data decoded within its declared size, its CRC, and the content scan. */
class EntryDataCheckTest {
    @TempDir
    Path tmp;

    @Test
    void flippedByteInStoredDataFailsCrcManifestAndZipDigest() {
        VerifyFixtures.Built good = VerifyFixtures.stagerZip(tmp.resolve("good"));
        byte[] zip = TempTrees.readBytes(good.zip());
        zip[ZipTamper.dataOffset(zip, "images/logo.png") + 20] ^= 0x01;
        Path tampered = ZipTamper.writeBytes(good.zip(), zip);
        assertOnly(verify(tampered), VerifyCheck.VZ_CRC_MISMATCH, VerifyCheck.VZ_MANIFEST_MISMATCH, VerifyCheck.VZ_ZIP_SHA256);
    }

    @Test
    void flippedByteInDeflatedDataFails() {
        VerifyFixtures.Built good = VerifyFixtures.stagerZip(tmp.resolve("good"));
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
    void deflateBombIsRejectedQuicklyWithoutInflatingIt() {
        byte[] declared = new byte[1024];
        byte[] bomb = ZipTamper.deflateBombOfZeros(1024);
        Path zip = VerifyFixtures.craft(tmp, "bomb.zip", List.of(ZipTamper.Entry.v1("bomb.txt", declared).with(e -> e.rawData = bomb)));
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
        Path zip = VerifyFixtures.craft(tmp, "storedlong.zip", VerifyFixtures.v1EntriesWith("images/logo.png", e -> e.with(x -> {
            x.rawData = Arrays.copyOf(VerifyFixtures.PNG, VerifyFixtures.PNG.length + 100);
        })));
        assertOnly(verify(zip), VerifyCheck.VZ_DECLARED_SIZE_EXCEEDED);
    }

    @Test
    void declaredSizeLargerThanTheDataFailsCrc() {
        Path zip = VerifyFixtures.craft(tmp, "short.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt",
                e -> e.with(x -> x.declaredSize = (long) x.content.length + 10)));
        assertTrue(codes(verify(zip)).contains(VerifyCheck.VZ_CRC_MISMATCH));
    }

    @Test
    void bytesHiddenAfterTheDeflateStreamFail() {
        Path zip = VerifyFixtures.craft(tmp, "hidden-bytes.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt", e -> e.with(x -> {
            byte[] deflated = ZipTamper.deflate(x.content);
            x.rawData = Arrays.copyOf(deflated, deflated.length + 16);
        })));
        assertOnly(verify(zip), VerifyCheck.VZ_ZIP_UNREADABLE);
    }

    static List<VerifyFinding> dataOf(Path zip, List<EntryState> entries, ContentScan scan) throws IOException {
        Findings findings = new Findings();
        EntryDataCheck data = new EntryDataCheck(findings, scan, null);
        try (FileChannel channel = FileChannel.open(zip); EntryDataReader reader = new EntryDataReader(channel)) {
            for (EntryState entry : entries) {
                data.read(reader, entry);
            }
        }
        return findings.inCheckOrder();
    }

    @Test
    void aWholeEntryLeavesItsDigestAndSizeForTheManifestAndTheSources() throws IOException {
        List<ZipTamper.Entry> v1 = VerifyFixtures.v1Entries();
        Path zip = VerifyFixtures.craft(tmp, "v1.zip", v1);
        List<EntryState> entries = locatedEntriesOf(zip);
        assertEquals(List.of(), dataOf(zip, entries, null));
        for (int i = 0; i < v1.size(); i++) {
            assertEquals(TempTrees.sha256(v1.get(i).content), entries.get(i).sha256Hex, entries.get(i).name);
            assertEquals(v1.get(i).content.length, entries.get(i).bytesRead, entries.get(i).name);
        }
    }

    @Test
    void aCrcThatIsNotOfTheBytesIsNamedWithBoth() throws IOException {
        VerifyFixtures.Built good = VerifyFixtures.stagerZip(tmp.resolve("good"));
        Path zip = VerifyFixtures.patched(good.zip(), tmp.resolve("crc.zip"),
                bytes -> ZipTamper.putInt(bytes, ZipTamper.centralHeaderOffset(bytes, "notes/readme.txt") + 16, 0x12345678L));
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(Files.readAllBytes(good.content().resolve("notes/readme.txt")));
        assertEquals(List.of(VerifyFinding.entry(VerifyCheck.VZ_CRC_MISMATCH, "notes/readme.txt", String.format(java.util.Locale.ROOT,
                "CRC-32 of the bytes read is %08x; the central directory says 12345678", crc.getValue()))),
                dataOf(zip, locatedEntriesOf(zip), null));
    }

    @Test
    void anOverlappingEncryptedOrUndecodableEntryIsNotRead() throws IOException {
        List<ZipTamper.Entry> v1 = VerifyFixtures.v1Entries();
        v1.get(1).flags |= ZipStructure.FLAG_ENCRYPTED;
        v1.get(2).method = 99;
        Path zip = ZipTamper.writeZip(tmp.resolve("unread.zip"), v1);
        List<EntryState> entries = locatedEntriesOf(zip);
        entries.get(0).overlapping = true;
        assertEquals(List.of(), dataOf(zip, entries, null));
        assertEquals(List.of(-1L, -1L, -1L, 600L), entries.stream().map(e -> e.bytesRead).toList());
        assertNull(entries.get(0).sha256Hex);
    }

    @Test
    void aCredentialInAnEntryIsASecretThatIsNeverPrinted() throws IOException {
        SecretCorpus.Planted key = new SecretCorpus(7).onePerRule().get("pem-private-key");
        List<ZipTamper.Entry> v1 = new ArrayList<>(VerifyFixtures.v1Entries());
        v1.add(3, ZipTamper.Entry.v1("notes/key.txt", key.text()));
        Path zip = ZipTamper.writeZip(tmp.resolve("key.zip"), v1);
        ContentScan scan = new ContentScan(SecretRules.load(TempTrees.repoSecretRules()), SecretApprovals.none(), ZipPolicyV1::isStored);
        List<VerifyFinding> found = dataOf(zip, locatedEntriesOf(zip), scan);
        assertEquals(List.of(VerifyCheck.VZ_SECRET), found.stream().map(VerifyFinding::check).toList(), found.toString());
        assertEquals("notes/key.txt", found.get(0).entry());
        assertTrue(found.get(0).message().startsWith("pem-private-key at 1:1 (starts "), found.get(0).message());
        assertFalse(found.get(0).message().contains(key.secret()), "a finding never prints the secret");
    }
}
