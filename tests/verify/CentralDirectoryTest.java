package verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.TempTrees;
import support.VerifyFixtures;
import support.ZipTamper;
import zip.ZipLayout;
import zip.ZipPolicyV1;

/** CentralDirectory: every record read, zip64 values in place of their markers, a directory of the wrong size refused. */
class CentralDirectoryTest {
    @TempDir
    Path tmp;

    static List<ZipStructure.CentralHeader> headersOf(Path zip) throws IOException, ZipStructure.MalformedZipException {
        try (FileChannel channel = FileChannel.open(zip)) {
            return CentralDirectory.read(channel, EndRecords.read(channel));
        }
    }

    @Test
    void everyRecordIsReadWithItsFieldsAsWritten() throws Exception {
        List<ZipTamper.Entry> entries = VerifyFixtures.v1Entries();
        Path zip = VerifyFixtures.craft(tmp, "v1.zip", entries);
        byte[] bytes = TempTrees.readBytes(zip);
        List<ZipStructure.CentralHeader> headers = headersOf(zip);
        assertEquals(List.of("config/scene.yaml", "config/settings.yaml", "images/logo.png", "notes/readme.txt"),
                headers.stream().map(h -> new String(h.rawName(), StandardCharsets.UTF_8)).toList());
        ZipStructure.CentralHeader logo = headers.get(2);
        assertEquals(2, logo.index());
        assertEquals(ZipTamper.centralHeaderOffset(bytes, "images/logo.png"), logo.headerOffset());
        assertEquals(ZipTamper.localHeaderOffset(bytes, "images/logo.png"), logo.localHeaderOffset());
        assertEquals(ZipStructure.METHOD_STORED, logo.method());
        assertEquals(VerifyFixtures.PNG.length, logo.uncompressedSize());
        assertEquals(ZipPolicyV1.EXTERNAL_ATTRIBUTES, logo.externalAttributes());
        assertEquals(ZipPolicyV1.HOST_UNIX, logo.hostByte());
        assertEquals(0, logo.deferred());
        assertEquals(List.of(), logo.extras().fields());
    }

    @Test
    void zip64ValuesTakeThePlaceOfTheirMarkers() throws Exception {
        List<ZipTamper.Entry> entries = VerifyFixtures.v1Entries();
        entries.forEach(e -> e.zip64 = true);
        Path zip = VerifyFixtures.craft(tmp, "zip64.zip", entries);
        ZipStructure.CentralHeader readme = headersOf(zip).get(3);
        assertEquals(ZipStructure.DEFERRED_SIZE | ZipStructure.DEFERRED_COMPRESSED_SIZE | ZipStructure.DEFERRED_OFFSET
                | ZipStructure.DEFERRED_DISK, readme.deferred());
        assertEquals(entries.get(3).content.length, readme.uncompressedSize());
        assertEquals(ZipTamper.localHeaderOffset(TempTrees.readBytes(zip), "notes/readme.txt"), readme.localHeaderOffset());
        assertEquals(0, readme.diskStart());
    }

    @Test
    void aMarkerWithoutItsZip64RecordOrADirectoryOfTheWrongSizeIsRefused() throws Exception {
        Path good = VerifyFixtures.craft(tmp, "v1.zip", VerifyFixtures.v1Entries());
        Path marker = VerifyFixtures.patched(good, tmp.resolve("marker.zip"), bytes ->
                ZipTamper.putInt(bytes, ZipTamper.centralHeaderOffset(bytes, "notes/readme.txt") + 24, ZipStructure.ZIP64_MARKER_32));
        ZipStructure.MalformedZipException missing = assertThrows(ZipStructure.MalformedZipException.class, () -> headersOf(marker));
        assertEquals("notes/readme.txt", missing.entry());
        assertEquals("the central header defers sizes or offset to a zip64 record that is missing", missing.getMessage());
        Path fewer = VerifyFixtures.patched(good, tmp.resolve("fewer.zip"), bytes -> {
            ZipTamper.putShort(bytes, bytes.length - 14, 3);
            ZipTamper.putShort(bytes, bytes.length - 12, 3);
        });
        int lastRecord = TempTrees.readBytes(good).length - ZipLayout.END_BYTES
                - ZipTamper.centralHeaderOffset(TempTrees.readBytes(good), "notes/readme.txt");
        assertEquals("the central directory holds " + lastRecord + " bytes after its last record; the end record's entry count or"
                + " directory size is wrong", assertThrows(ZipStructure.MalformedZipException.class, () -> headersOf(fewer)).getMessage());
    }
}
