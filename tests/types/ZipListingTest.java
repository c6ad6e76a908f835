package types;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import support.TypeSamples;

/** A zip's names come from its central directory, bounded by the bytes captured, however its records lie. */
class ZipListingTest {
    static final List<byte[]> WANTED = List.of("word/document.xml".getBytes(StandardCharsets.US_ASCII), ".class".getBytes(StandardCharsets.US_ASCII));
    static final List<Boolean> SUFFIX = List.of(false, true);

    static long listed(byte[] zip) {
        Window tail = new Window(0, zip.length);
        tail.put(0, zip, 0, zip.length);
        return ZipListing.centralDirectory(tail, zip.length, WANTED, SUFFIX);
    }

    @Test
    void namesAreFoundInTheCentralDirectoryExactlyOrByTheirEnding() {
        assertEquals(1, listed(TypeSamples.zip(Map.of("a.txt", "x", "word/document.xml", "<w/>"))));
        assertEquals(2, listed(TypeSamples.jar()));
        assertEquals(0, listed(TypeSamples.zip(Map.of("word/document.xml.bak", "x"))));
    }

    @Test
    void aDirectoryNotWhollyInTheTailIsNotRead() {
        byte[] zip = TypeSamples.zip(Map.of("a.txt", "x", "word/document.xml", "<w/>"));
        Window tail = new Window(zip.length - 30, 30);
        tail.put(0, zip, 0, zip.length);
        assertEquals(-1, ZipListing.centralDirectory(tail, zip.length, WANTED, SUFFIX));
    }

    @Test
    void aLyingDirectoryEndsTheWalkNeverAReadOutsideTheBytes() {
        byte[] honest = TypeSamples.zip(Map.of("a.txt", "x", "word/document.xml", "<w/>", "b/c.class", "y"));
        Random random = new Random(30);
        for (int round = 0; round < 20_000; round++) {
            byte[] lying = honest.clone();
            // Bytes of the directory and end record changed: sizes, offsets, counts, name lengths.
            int from = Math.max(0, lying.length - 200);
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                lying[from + random.nextInt(lying.length - from)] = (byte) random.nextInt(256);
            }
            assertDoesNotThrow(() -> listed(lying));
        }
        byte[] huge = honest.clone();
        java.nio.ByteBuffer.wrap(huge).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(huge.length - 22 + 12, 0xFFFFFFFF);
        assertEquals(-1, listed(huge));
    }

    @Test
    void aZip64RecordOffsetNearTheLargestLongIsOutsideTheBytesNotAnOverflow() {
        for (long offset : new long[] {Long.MAX_VALUE, Long.MAX_VALUE - 2, Long.MAX_VALUE - 40, -1}) {
            java.nio.ByteBuffer zip = java.nio.ByteBuffer.allocate(4 + 20 + 22).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            zip.putInt(0x04034b50);
            zip.putInt(0x07064b50).putInt(0).putLong(offset).putInt(1); // the zip64 end locator
            zip.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putInt(0xFFFFFFFF).putInt(0xFFFFFFFF).putShort((short) 0); // the end record: sizes in zip64
            assertEquals(-1, listed(zip.array()), "record offset " + offset);
        }
    }

    @Test
    void theFirstMemberAndAStoredMimetypeAreReadFromTheHead() {
        byte[] epub = TypeSamples.epub();
        byte[] head = java.util.Arrays.copyOf(epub, 200);
        assertEquals(true, ZipListing.firstMemberIsMimetype(head, "application/epub".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(false, ZipListing.firstMemberIsMimetype(head, "application/vnd.oasis".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(false, ZipListing.firstMemberIsMimetype(java.util.Arrays.copyOf(epub, 40), "application/epub".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(1, ZipListing.firstMember(TypeSamples.zip(Map.of("word/document.xml", "x")), WANTED, SUFFIX));
    }
}
