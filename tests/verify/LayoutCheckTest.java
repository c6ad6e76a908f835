package verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static verify.ZipVerifierTest.assertOnly;
import static verify.ZipVerifierTest.codes;
import static verify.ZipVerifierTest.describe;
import static verify.ZipVerifierTest.entriesOf;
import static verify.ZipVerifierTest.locate;
import static verify.ZipVerifierTest.verify;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.TempTrees;
import support.VerifyFixtures;
import support.ZipTamper;

/** LayoutCheck: every entry located, the file nothing but its entries and records, the names in v1 order. */
class LayoutCheckTest {
    @TempDir
    Path tmp;

    @Test
    void reorderedEntriesWithAMatchingManifestFailOrder() {
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        java.util.Collections.reverse(entries);
        assertOnly(verify(VerifyFixtures.craft(tmp, "reordered.zip", entries)), VerifyCheck.VZ_ENTRY_ORDER);
    }

    @Test
    void trailingBytesFailLayout() throws IOException {
        VerifyFixtures.Built good = VerifyFixtures.stagerZip(tmp.resolve("good"));
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
        VerifyFixtures.Built good = VerifyFixtures.stagerZip(tmp.resolve("good"));
        Path zip = VerifyFixtures.patched(good.zip(), tmp.resolve("overlap.zip"), bytes -> {
            int central = ZipTamper.centralHeaderOffset(bytes, "config/settings.yaml");
            ZipTamper.putInt(bytes, central + 42, ZipTamper.localHeaderOffset(bytes, "config/scene.yaml"));
        });
        ZipVerifier.Result result = verify(zip);
        assertTrue(codes(result).contains(VerifyCheck.VZ_LAYOUT), describe(result));
        assertFalse(codes(result).contains(VerifyCheck.VZ_CRC_MISMATCH), "an overlapping entry is never inflated\n" + describe(result));
    }

    /** Locates every entry, then checks the layout: the findings of both. */
    static List<VerifyFinding> layoutOf(Path zip, List<EntryState> entries) throws Exception {
        Findings findings = locate(zip, entries);
        try (FileChannel channel = FileChannel.open(zip)) {
            new LayoutCheck(findings).check(channel, EndRecords.read(channel), entries);
        }
        return findings.inCheckOrder();
    }

    @Test
    void eachEntryIsLocatedAndTheyFillTheFileUpToTheDirectory() throws Exception {
        Path zip = VerifyFixtures.craft(tmp, "v1.zip", VerifyFixtures.v1Entries());
        byte[] bytes = TempTrees.readBytes(zip);
        List<EntryState> entries = entriesOf(zip);
        assertEquals(List.of(), layoutOf(zip, entries));
        for (int i = 0; i < entries.size(); i++) {
            EntryState entry = entries.get(i);
            assertEquals(ZipTamper.dataOffset(bytes, entry.name), entry.local.dataOffset());
            long next = i + 1 < entries.size() ? entries.get(i + 1).central.localHeaderOffset() : entries.get(0).central.headerOffset();
            assertEquals(next, entry.recordEnd, entry.name);
            assertFalse(entry.unlocatable || entry.overlapping);
        }
    }

    @Test
    void anEntryThatCannotBeLocatedIsUnreadableAndItsBytesBelongToNoEntry() throws Exception {
        VerifyFixtures.Built good = VerifyFixtures.stagerZip(tmp.resolve("good"));
        Path zip = VerifyFixtures.patched(good.zip(), tmp.resolve("nowhere.zip"),
                bytes -> ZipTamper.putInt(bytes, ZipTamper.centralHeaderOffset(bytes, "notes/readme.txt") + 42, 1));
        byte[] bytes = TempTrees.readBytes(zip);
        long readme = ZipTamper.localHeaderOffset(bytes, "notes/readme.txt");
        long directory = ZipTamper.centralHeaderOffset(bytes, "config/scene.yaml");
        List<EntryState> entries = entriesOf(zip);
        assertEquals(List.of(
                VerifyFinding.entry(VerifyCheck.VZ_ZIP_UNREADABLE, "notes/readme.txt", "no local header at offset 1"),
                VerifyFinding.archive(VerifyCheck.VZ_LAYOUT, (directory - readme) + " bytes at offset " + readme
                        + " belong to no entry (before the central directory)"),
                VerifyFinding.entry(VerifyCheck.VZ_LAYOUT, "notes/readme.txt",
                        "its data comes before images/logo.png's in the file, but after it in the central directory")),
                layoutOf(zip, entries));
        assertTrue(entries.get(3).unlocatable);
    }

    @Test
    void anEntryInsideAnothersIsMarkedOverlapping() throws Exception {
        VerifyFixtures.Built good = VerifyFixtures.stagerZip(tmp.resolve("good"));
        Path zip = VerifyFixtures.patched(good.zip(), tmp.resolve("overlap.zip"), bytes -> {
            int central = ZipTamper.centralHeaderOffset(bytes, "config/settings.yaml");
            ZipTamper.putInt(bytes, central + 42, ZipTamper.localHeaderOffset(bytes, "config/scene.yaml"));
        });
        long settings = ZipTamper.localHeaderOffset(TempTrees.readBytes(good.zip()), "config/settings.yaml");
        List<EntryState> entries = entriesOf(zip);
        assertEquals(VerifyFinding.entry(VerifyCheck.VZ_LAYOUT, "config/settings.yaml", "its bytes (from offset 0) overlap"
                + " config/scene.yaml's (up to offset " + settings + "); overlapping entries are not read"), layoutOf(zip, entries).get(0));
        assertTrue(entries.get(1).overlapping);
        assertFalse(entries.get(0).overlapping);
    }

    @Test
    void namesAreInTheOrderOfTheirUtf8BytesNotOfJavaStrings() {
        List<ZipTamper.Entry> reversed = new ArrayList<>(VerifyFixtures.v1Entries());
        java.util.Collections.reverse(reversed);
        Findings findings = new Findings();
        new LayoutCheck(findings).checkOrder(entriesOf(ZipTamper.writeZip(tmp.resolve("reversed.zip"), reversed)));
        assertEquals(List.of(
                VerifyFinding.entry(VerifyCheck.VZ_ENTRY_ORDER, "images/logo.png", "comes after notes/readme.txt but sorts before it"
                        + " (v1 order: unsigned bytes of the UTF-8 name)"),
                VerifyFinding.entry(VerifyCheck.VZ_ENTRY_ORDER, "config/settings.yaml", "comes after images/logo.png but sorts before it"
                        + " (v1 order: unsigned bytes of the UTF-8 name)"),
                VerifyFinding.entry(VerifyCheck.VZ_ENTRY_ORDER, "config/scene.yaml", "comes after config/settings.yaml but sorts before it"
                        + " (v1 order: unsigned bytes of the UTF-8 name)")), findings.inCheckOrder());
        // U+FF21 is EF BC A1 in UTF-8 and sorts before U+1F600 (F0 ...), though its UTF-16 unit sorts after the surrogate's.
        Findings utf8 = new Findings();
        new LayoutCheck(utf8).checkOrder(entriesOf(ZipTamper.writeZip(tmp.resolve("utf8.zip"),
                List.of(ZipTamper.Entry.v1("\uFF21.txt", "a"), ZipTamper.Entry.v1("\uD83D\uDE00.txt", "b")))));
        assertEquals(List.of(), utf8.inCheckOrder());
    }
}
