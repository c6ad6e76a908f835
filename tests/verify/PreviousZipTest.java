package verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.List;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import support.StagerZipFixture;
import support.TempTrees;
import support.VerifyFixtures;
import support.ZipTamper;
import zip.PreviousEntries;
import zip.ZipManifest;

/** The zip a commit copies from: its structure checked as verify_zip checks it, then walked in v1 order. */
class PreviousZipTest extends StagerZipFixture {

    static byte[] inflated(PreviousZip zip, PreviousEntries.Entry entry) throws Exception {
        ByteBuffer data = ByteBuffer.allocate((int) entry.compressedSize());
        zip.read(entry.dataOffset(), data);
        Inflater inflater = new Inflater(true);
        inflater.setInput(data.array());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!inflater.finished()) {
            out.write(buffer, 0, inflater.inflate(buffer));
        }
        inflater.end();
        return out.toByteArray();
    }

    @Test
    void aSoundZipIsWalkedInV1OrderAndItsDeflatedEntriesReadBack() throws Exception {
        assertEquals(List.of(), ZipVerifier.checkStructure(good.zip(), good.manifest()));
        PreviousZip.Opened opened = PreviousZip.open(good.zip(), good.manifest(), ZipManifest.maxBytesFor(Files.size(good.zip())));
        assertNull(opened.refused());
        try (PreviousZip zip = opened.zip()) {
            PreviousEntries.Entry scene = zip.find("config/scene.yaml");
            assertNotNull(scene);
            assertEquals("scene: 1\n", new String(inflated(zip, scene)));
            assertEquals(TempTrees.sha256("scene: 1\n".getBytes()), scene.sha256());
            assertNull(zip.find("config/sz.yaml"), "not in the zip");
            assertNull(zip.find("images/logo.png"), "STORED: nothing to copy");
            PreviousEntries.Entry readme = zip.find("notes/readme.txt");
            assertEquals("Read me first. ".repeat(40), new String(inflated(zip, readme)));
            assertNull(zip.find("z.txt"), "past the last entry");
        }
    }

    @Test
    void aZipThatFailsAStructureCheckIsNotCopiedFrom() throws Exception {
        List<ZipTamper.Entry> entries = VerifyFixtures.v1Entries();
        entries.set(0, entries.get(0).with(e -> e.flags |= 1 << 3));
        ZipTamper.writeZip(good.zip(), entries);
        List<String> problems = ZipVerifier.checkStructure(good.zip(), good.manifest());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("VZ_ENTRY_FLAGS")), problems.toString());
        PreviousZip.Opened opened = PreviousZip.open(good.zip(), good.manifest(), 1 << 20);
        assertNull(opened.zip());
        assertTrue(opened.refused().contains("VZ_ENTRY_FLAGS"), opened.refused());
    }

    @Test
    void theStructureCheckReadsNoEntryData() throws Exception {
        // A deflated entry whose data is garbage but whose headers are sound: only reading it would tell.
        List<ZipTamper.Entry> entries = VerifyFixtures.v1Entries();
        entries.set(0, entries.get(0).with(e -> e.rawData = new byte[ZipTamper.deflate(e.content).length]));
        ZipTamper.writeZip(good.zip(), entries);
        assertEquals(List.of(), ZipVerifier.checkStructure(good.zip(), good.manifest()));
    }
}
