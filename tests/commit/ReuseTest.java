package commit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import scan.ScannedEntry;
import support.ZipTamper;
import zip.DeterministicZipWriter;
import zip.PreviousEntries;
import zip.StagedFile;

/** An unchanged file's data copied from the previous zip only when, inflated, it is the staged file's bytes. */
class ReuseTest {
    static final byte[] TEXT = "unchanged notes\n".repeat(200).getBytes(StandardCharsets.UTF_8);

    /** A previous zip of one DEFLATED entry at {@code offset}, whose data may be altered. */
    static final class OneEntry implements PreviousEntries {
        final byte[] file;
        final Entry entry;
        int finds;

        OneEntry(String path, byte[] content, byte[] deflated, long offset) {
            file = new byte[(int) offset + deflated.length];
            System.arraycopy(deflated, 0, file, (int) offset, deflated.length);
            CRC32 crc = new CRC32();
            crc.update(content);
            entry = new Entry(path, content.length, (int) crc.getValue(), Sha256.hex(content), deflated.length, offset);
        }

        @Override
        public Entry find(String path) {
            finds++;
            return path.equals(entry.path()) ? entry : null;
        }

        @Override
        public void read(long position, ByteBuffer buffer) {
            buffer.put(file, (int) position, buffer.remaining());
        }

        @Override
        public void close() {}
    }

    static ScannedEntry scanned(String path, long size) {
        return new ScannedEntry(path, Path.of("/c"), ScannedEntry.Kind.REGULAR, size, 0, null);
    }

    static StagedFile staged(String path, byte[] content) {
        return StagedFile.of(path, content.length, HexFormat.of().parseHex(Sha256.hex(content)));
    }

    static DeterministicZipWriter.Entry measured(String path, byte[] content) throws IOException {
        DeterministicZipWriter.Entry entry = DeterministicZipWriter.openCopy(path, content.length);
        entry.write(content, 0, content.length);
        entry.close();
        return entry;
    }

    @Test
    void aCandidateIsADeflatedEntryOfTheSamePathAndSize() {
        OneEntry previous = new OneEntry("a.txt", TEXT, ZipTamper.deflate(TEXT), 100);
        Reuse reuse = new Reuse(previous);
        assertEquals(previous.entry, reuse.candidate(scanned("a.txt", TEXT.length)));
        assertNull(reuse.candidate(scanned("a.txt", TEXT.length + 1)), "another size: changed");
        assertNull(reuse.candidate(scanned("b.png", 5)), "a STORED type is never looked up: its data is the file");
        assertEquals(2, previous.finds);
    }

    @Test
    void theDataIsCopiedWhenItInflatesToTheStagedBytes() throws IOException {
        byte[] deflated = ZipTamper.deflate(TEXT);
        Reuse reuse = new Reuse(new OneEntry("a.txt", TEXT, deflated, 7));
        DeterministicZipWriter.Entry entry = measured("a.txt", TEXT);
        StagedFile staged = staged("a.txt", TEXT);
        assertTrue(Reuse.sameContent(reuse.candidate(scanned("a.txt", TEXT.length)), staged, entry));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        assertTrue(reuse.copy(reuse.candidate(scanned("a.txt", TEXT.length)), staged, entry, sink));
        assertArrayEquals(deflated, sink.toByteArray());
        assertEquals(new Reuse.Summary(1, TEXT.length, deflated.length, List.of(), null), reuse.summary());
    }

    @Test
    void dataThatInflatesToOtherBytesIsRefusedByNameAndTheZipNoLongerUsed() throws IOException {
        byte[] deflated = ZipTamper.deflate(TEXT);
        deflated[deflated.length / 2] ^= 0x10;
        OneEntry previous = new OneEntry("a.txt", TEXT, deflated, 0);
        Reuse reuse = new Reuse(previous);
        PreviousEntries.Entry candidate = reuse.candidate(scanned("a.txt", TEXT.length));
        assertFalse(reuse.copy(candidate, staged("a.txt", TEXT), measured("a.txt", TEXT), new ByteArrayOutputStream()));
        assertEquals(List.of("a.txt"), reuse.summary().deflatedAgain());
        assertEquals(0, reuse.summary().entries());
        assertNull(reuse.candidate(scanned("a.txt", TEXT.length)), "nothing more is taken from that zip");
    }

    @Test
    void dataThatInflatesPastTheFileOrHasBytesAfterItsEndIsRefused() throws IOException {
        byte[] more = "unchanged notes\n".repeat(201).getBytes(StandardCharsets.UTF_8);
        Reuse bomb = new Reuse(new OneEntry("a.txt", TEXT, ZipTamper.deflate(more), 0));
        assertFalse(bomb.copy(bomb.candidate(scanned("a.txt", TEXT.length)), staged("a.txt", TEXT), measured("a.txt", TEXT),
                new ByteArrayOutputStream()));
        byte[] deflated = ZipTamper.deflate(TEXT);
        byte[] trailing = java.util.Arrays.copyOf(deflated, deflated.length + 3);
        Reuse tail = new Reuse(new OneEntry("a.txt", TEXT, trailing, 0));
        assertFalse(tail.copy(tail.candidate(scanned("a.txt", TEXT.length)), staged("a.txt", TEXT), measured("a.txt", TEXT),
                new ByteArrayOutputStream()));
        assertEquals(List.of("a.txt"), tail.summary().deflatedAgain());
    }

    @Test
    void aChangedFileOfTheSameSizeIsNotTheSameContent() throws IOException {
        byte[] other = TEXT.clone();
        other[3] = 'X';
        Reuse reuse = new Reuse(new OneEntry("a.txt", TEXT, ZipTamper.deflate(TEXT), 0));
        assertFalse(Reuse.sameContent(reuse.candidate(scanned("a.txt", other.length)), staged("a.txt", other), measured("a.txt", other)));
    }

    @Test
    void anEntryClaimingMoreDataThanDeflateCanMakeIsNotACandidate() {
        OneEntry previous = new OneEntry("a.txt", TEXT, new byte[TEXT.length + TEXT.length / 256 + 65], 0);
        assertNull(new Reuse(previous).candidate(scanned("a.txt", TEXT.length)));
    }
}
