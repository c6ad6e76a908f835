package verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static verify.ZipVerifierTest.assertValid;
import static verify.ZipVerifierTest.codes;
import static verify.ZipVerifierTest.verify;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import json.Json;
import org.junit.jupiter.api.Test;
import support.StagerZipFixture;
import support.TempTrees;
import support.VerifyFixtures;
import support.ZipTamper;
import zip.DeterministicZipWriter;
import zip.ZipEntryV1;
import zip.ZipLayout;
import zip.ZipManifest;
import zip.ZipPackagingMetadataV1;
import zip.ZipPolicyV1;

/** EndRecords: the end records found and read, through the verifier and directly. */
class EndRecordsTest extends StagerZipFixture {
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

    static ZipStructure.End endOf(Path zip) throws IOException, ZipStructure.MalformedZipException {
        try (FileChannel channel = FileChannel.open(zip)) {
            return EndRecords.read(channel);
        }
    }

    static String refusal(Path zip) throws IOException {
        try {
            endOf(zip);
        } catch (ZipStructure.MalformedZipException e) {
            return e.getMessage();
        }
        throw new AssertionError("read as a zip: " + zip);
    }

    @Test
    void theClassicEndRecordLocatesTheCentralDirectory() throws Exception {
        byte[] bytes = TempTrees.readBytes(good.zip());
        ZipStructure.End end = endOf(good.zip());
        assertFalse(end.zip64());
        assertEquals(4, end.entryCount());
        assertEquals(bytes.length - ZipLayout.END_BYTES, end.endOffset());
        assertEquals(end.endOffset(), end.centralOffset() + end.centralSize());
        assertEquals(ZipTamper.centralHeaderOffset(bytes, "config/scene.yaml"), end.centralOffset());
        assertEquals(new ZipStructure.Classic(0, 0, 4, 4, end.centralSize(), end.centralOffset()), end.classic());
    }

    @Test
    void aZip64EndRecordIsFollowedFromItsLocator() throws Exception {
        List<ZipTamper.Entry> entries = VerifyFixtures.v1Entries();
        entries.forEach(e -> e.zip64 = true);
        Path zip = VerifyFixtures.craft(tmp, "zip64.zip", entries);
        ZipStructure.End end = endOf(zip);
        assertTrue(end.zip64());
        assertEquals(4, end.entryCount());
        assertEquals(ZipStructure.ZIP64_END_LEAD_BYTES + ZipStructure.ZIP64_END_MIN_BODY_BYTES, end.zip64EndLength());
        assertEquals(end.endOffset() - ZipStructure.ZIP64_LOCATOR_BYTES - end.zip64EndLength(), end.zip64EndOffset());
        assertEquals(ZipLayout.VERSION_ZIP64, end.zip64VersionNeeded());
    }

    @Test
    void anEndRecordWhoseCommentRunsPastTheFileStillLocatesTheDirectory() throws Exception {
        Path zip = VerifyFixtures.patched(good.zip(), tmp.resolve("comment.zip"), bytes -> ZipTamper.putShort(bytes, bytes.length - 2, 5));
        ZipStructure.End end = endOf(zip);
        assertEquals(5, end.commentLength(), "left to the layout check to report");
        assertEquals(Files.size(zip) - ZipLayout.END_BYTES, end.endOffset());
    }

    @Test
    void whatIsNoZipOrLiesAboutItsDirectoryIsRefusedWithWhy() throws Exception {
        assertEquals("the file is 10 bytes, too short for a zip's end record",
                refusal(TempTrees.write(tmp.resolve("short.zip"), new byte[10])));
        assertEquals("no end-of-central-directory record: not a zip file, or truncated",
                refusal(TempTrees.write(tmp.resolve("zeros.zip"), new byte[100])));
        Path split = VerifyFixtures.patched(good.zip(), tmp.resolve("split.zip"), bytes -> ZipTamper.putShort(bytes, bytes.length - 18, 1));
        assertEquals("multi-disk (split) zip: the end record names other disks", refusal(split));
        Path lying = VerifyFixtures.patched(good.zip(), tmp.resolve("count.zip"), bytes -> {
            ZipTamper.putShort(bytes, bytes.length - 14, 1000);
            ZipTamper.putShort(bytes, bytes.length - 12, 1000);
        });
        assertEquals("the end record claims 1000 entries in a central directory of " + endOf(good.zip()).centralSize() + " bytes",
                refusal(lying));
    }
}
