package verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static verify.ZipVerifierTest.entriesOf;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.TempTrees;
import support.VerifyFixtures;
import support.ZipTamper;
import zip.ZipPolicyV1;

/** LocalRecords: local headers and data descriptors read where the central directory says. */
class LocalRecordsTest {
    @TempDir
    Path tmp;

    @Test
    void theLocalHeaderIsReadWithWhereItsDataStarts() throws Exception {
        Path zip = VerifyFixtures.craft(tmp, "v1.zip", VerifyFixtures.v1Entries());
        byte[] bytes = TempTrees.readBytes(zip);
        int offset = ZipTamper.localHeaderOffset(bytes, "notes/readme.txt");
        try (FileChannel channel = FileChannel.open(zip)) {
            ZipStructure.LocalHeader local = LocalRecords.readHeader(channel, offset, bytes.length, "notes/readme.txt");
            assertEquals("notes/readme.txt", new String(local.rawName(), StandardCharsets.UTF_8));
            assertEquals(ZipTamper.dataOffset(bytes, "notes/readme.txt"), local.dataOffset());
            assertEquals(ZipStructure.METHOD_DEFLATED, local.method());
            assertEquals(ZipPolicyV1.FLAG_UTF8, local.flags());
            assertFalse(local.zip64());
            assertEquals(0, local.deferred());
        }
    }

    @Test
    void aLocalHeaderThatIsNotThereIsRefusedForItsEntry() throws Exception {
        Path zip = VerifyFixtures.craft(tmp, "v1.zip", VerifyFixtures.v1Entries());
        long limit = Files.size(zip);
        try (FileChannel channel = FileChannel.open(zip)) {
            for (var refused : List.of(List.of(-1L, "the local header offset -1 is outside the entry area"),
                    List.of(limit - 10, "the local header offset " + (limit - 10) + " is outside the entry area"),
                    List.of(1L, "no local header at offset 1"))) {
                ZipStructure.MalformedZipException e = assertThrows(ZipStructure.MalformedZipException.class,
                        () -> LocalRecords.readHeader(channel, (Long) refused.get(0), limit, "x.txt"));
                assertEquals(refused.get(1), e.getMessage());
                assertEquals("x.txt", e.entry());
            }
        }
    }

    @Test
    void aDataDescriptorIsReadWithOrWithoutItsSignature() throws Exception {
        List<ZipTamper.Entry> entries = VerifyFixtures.v1EntriesWith("config/scene.yaml",
                e -> e.with(x -> x.flags |= ZipStructure.FLAG_DATA_DESCRIPTOR));
        Path zip = VerifyFixtures.craftBefore110(tmp, "descriptor.zip", entries);
        ZipStructure.CentralHeader central = entriesOf(zip).get(0).central;
        try (FileChannel channel = FileChannel.open(zip)) {
            ZipStructure.LocalHeader local = LocalRecords.readHeader(channel, 0, central.headerOffset(), "config/scene.yaml");
            assertEquals(0, local.crc(), "the local header leaves it to the descriptor");
            long dataEnd = local.dataOffset() + central.compressedSize();
            ZipStructure.DataDescriptor signed = LocalRecords.readDataDescriptor(channel, dataEnd, central.headerOffset(), false, "s");
            assertTrue(signed.signed());
            assertEquals(16, signed.length());
            assertEquals(central.crc(), signed.crc());
            assertEquals(central.compressedSize(), signed.compressedSize());
            assertEquals(central.uncompressedSize(), signed.uncompressedSize());
            // From its second word on, the same bytes are a descriptor without the signature, which the format allows.
            ZipStructure.DataDescriptor unsigned = LocalRecords.readDataDescriptor(channel, dataEnd + 4, central.headerOffset(), false,
                    "s");
            assertFalse(unsigned.signed());
            assertEquals(12, unsigned.length());
            assertEquals(central.crc(), unsigned.crc());
            assertEquals(central.uncompressedSize(), unsigned.uncompressedSize());
        }
    }
}
