package zip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each record's fields where they belong, zip64 fields exactly where a value does not fit in 32 bits. */
class ZipRecordsTest {
    /** 2024-01-02 03:04:06 UTC: DOS time 03:04:06 (seconds halved), DOS date 44 years after 1980. */
    static final ZipRecords RECORDS = new ZipRecords(Instant.parse("2024-01-02T03:04:06Z").toEpochMilli());
    static final int DOS_TIME = 3 << 11 | 4 << 5 | 3;
    static final int DOS_DATE = 44 << 9 | 1 << 5 | 2;
    static final long FIVE_GIB = 5L << 30;
    /** Where fields sit in a header (APPNOTE 4.3.7 and 4.3.12). */
    static final int LOCAL_VERSION_NEEDED = 4;
    static final int CENTRAL_VERSION_NEEDED = 6;
    static final int CENTRAL_COMPRESSED_SIZE = 20;
    static final int CENTRAL_SIZE = 24;
    static final int CENTRAL_EXTRA_LENGTH = 30;
    static final int CENTRAL_OFFSET = 42;

    static ByteBuffer read(byte[] record) {
        return ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
    }

    static byte[] name(EntryHeader c) {
        return c.name().getBytes(StandardCharsets.UTF_8);
    }

    static String nameAt(ByteBuffer record, int length) {
        byte[] name = new byte[length];
        record.get(name);
        return new String(name, StandardCharsets.UTF_8);
    }

    /** Version needed, flags, method, time, date and CRC-32, as both headers hold them. */
    static void assertSharedFields(ByteBuffer record, int versionNeeded, int method, int crc) {
        assertEquals(versionNeeded, record.getShort());
        assertEquals(ZipLayout.FLAGS, record.getShort());
        assertEquals(method, record.getShort());
        assertEquals((short) DOS_TIME, record.getShort());
        assertEquals((short) DOS_DATE, record.getShort());
        assertEquals(crc, record.getInt());
    }

    @Test
    void aSmallEntrysHeadersHoldEveryFieldAndNoExtra() {
        EntryHeader c = new EntryHeader("plates/é.txt", true, 0x12345678, 100, 250, 4096);
        ByteBuffer local = read(RECORDS.localHeader(c, name(c)));
        assertEquals(ZipLayout.LOCAL_HEADER_FIXED_BYTES + name(c).length, local.capacity());
        assertEquals(ZipLayout.LOCAL_HEADER_SIGNATURE, local.getInt());
        assertSharedFields(local, ZipLayout.VERSION_DEFLATED, ZipLayout.METHOD_DEFLATED, 0x12345678);
        assertEquals(100, local.getInt());
        assertEquals(250, local.getInt());
        assertEquals(name(c).length, local.getShort());
        assertEquals(0, local.getShort());
        assertEquals(c.name(), nameAt(local, name(c).length));

        ByteBuffer central = read(RECORDS.centralHeader(c));
        assertEquals(ZipLayout.CENTRAL_HEADER_FIXED_BYTES + name(c).length, central.capacity());
        assertEquals(ZipLayout.CENTRAL_HEADER_SIGNATURE, central.getInt());
        assertEquals((short) ZipLayout.VERSION_MADE_BY, central.getShort());
        assertSharedFields(central, ZipLayout.VERSION_DEFLATED, ZipLayout.METHOD_DEFLATED, 0x12345678);
        assertEquals(100, central.getInt());
        assertEquals(250, central.getInt());
        assertEquals(name(c).length, central.getShort());
        assertEquals(0, central.getShort(), "no extra");
        assertEquals(0, central.getShort(), "no comment");
        assertEquals(0, central.getShort(), "disk 0");
        assertEquals(ZipLayout.INTERNAL_ATTRIBUTES, central.getShort());
        assertEquals((int) ZipPolicyV1.EXTERNAL_ATTRIBUTES, central.getInt());
        assertEquals(4096, central.getInt());
        assertEquals(c.name(), nameAt(central, name(c).length));
    }

    @Test
    void aSizePastFourGibibytesPutsBothSizesInTheLocalExtraAndOnlyTheSizesInTheCentral() {
        EntryHeader c = new EntryHeader("big.mov", false, 7, FIVE_GIB, FIVE_GIB, 12);
        ByteBuffer local = read(RECORDS.localHeader(c, name(c)));
        assertEquals(ZipLayout.LOCAL_HEADER_SIGNATURE, local.getInt());
        assertSharedFields(local, ZipLayout.VERSION_ZIP64, ZipLayout.METHOD_STORED, 7);
        assertEquals(ZipLayout.MARKER_32, local.getInt());
        assertEquals(ZipLayout.MARKER_32, local.getInt());
        assertEquals(name(c).length, local.getShort());
        assertEquals(ZipLayout.LOCAL_ZIP64_EXTRA_BYTES, local.getShort());
        assertEquals(c.name(), nameAt(local, name(c).length));
        assertEquals(ZipLayout.ZIP64_EXTRA_ID, local.getShort());
        assertEquals(2 * Long.BYTES, local.getShort());
        assertEquals(FIVE_GIB, local.getLong(), "size first");
        assertEquals(FIVE_GIB, local.getLong());
        assertFalse(local.hasRemaining());

        ByteBuffer central = read(RECORDS.centralHeader(c));
        assertEquals(ZipLayout.VERSION_ZIP64, central.getShort(CENTRAL_VERSION_NEEDED));
        assertEquals(ZipLayout.MARKER_32, central.getInt(CENTRAL_COMPRESSED_SIZE));
        assertEquals(ZipLayout.MARKER_32, central.getInt(CENTRAL_SIZE));
        assertEquals(4 + 2 * Long.BYTES, central.getShort(CENTRAL_EXTRA_LENGTH));
        assertEquals(12, central.getInt(CENTRAL_OFFSET), "the offset fits: no marker");
        central.position(ZipLayout.CENTRAL_HEADER_FIXED_BYTES + name(c).length);
        assertEquals(ZipLayout.ZIP64_EXTRA_ID, central.getShort());
        assertEquals(2 * Long.BYTES, central.getShort());
        assertEquals(FIVE_GIB, central.getLong());
        assertEquals(FIVE_GIB, central.getLong());
        assertFalse(central.hasRemaining());
    }

    @Test
    void anOffsetPastFourGibibytesIsTheCentralExtrasOnlyFieldAndNeedsVersionFourFive() {
        EntryHeader c = new EntryHeader("z.txt", true, 9, 10, 20, FIVE_GIB);
        ByteBuffer local = read(RECORDS.localHeader(c, name(c)));
        assertEquals(ZipLayout.LOCAL_HEADER_FIXED_BYTES + name(c).length, local.capacity(), "no local extra");
        assertEquals(ZipLayout.VERSION_ZIP64, local.getShort(LOCAL_VERSION_NEEDED));

        ByteBuffer central = read(RECORDS.centralHeader(c));
        assertEquals(ZipLayout.VERSION_ZIP64, central.getShort(CENTRAL_VERSION_NEEDED));
        assertEquals(10, central.getInt(CENTRAL_COMPRESSED_SIZE));
        assertEquals(20, central.getInt(CENTRAL_SIZE));
        assertEquals(4 + Long.BYTES, central.getShort(CENTRAL_EXTRA_LENGTH));
        assertEquals(ZipLayout.MARKER_32, central.getInt(CENTRAL_OFFSET));
        central.position(ZipLayout.CENTRAL_HEADER_FIXED_BYTES + name(c).length);
        assertEquals(ZipLayout.ZIP64_EXTRA_ID, central.getShort());
        assertEquals(Long.BYTES, central.getShort());
        assertEquals(FIVE_GIB, central.getLong());
        assertFalse(central.hasRemaining());
    }

    @Test
    void theEndDefersToTheZip64EndRecordOnlyForWhatItCannotHold() {
        assertFalse(ZipRecords.needsZip64End(ZipLayout.MARKER_16_VALUE - 1, 0xFFFF_FFFEL, 0xFFFF_FFFEL));
        assertTrue(ZipRecords.needsZip64End(ZipLayout.MARKER_16_VALUE, 0, 0));
        assertTrue(ZipRecords.needsZip64End(1, 0xFFFF_FFFFL, 0));
        assertTrue(ZipRecords.needsZip64End(1, 0, 0xFFFF_FFFFL));

        ByteBuffer small = read(ZipRecords.end(3, 100, 200));
        assertEquals(ZipLayout.END_BYTES, small.capacity());
        assertEquals(ZipLayout.END_SIGNATURE, small.getInt());
        assertEquals(0, small.getInt(), "disk numbers");
        assertEquals(3, small.getShort());
        assertEquals(3, small.getShort());
        assertEquals(100, small.getInt());
        assertEquals(200, small.getInt());
        assertEquals(0, small.getShort(), "no comment");

        ByteBuffer large = read(ZipRecords.end(70_000, 100, FIVE_GIB));
        large.position(Integer.BYTES + 2 * Short.BYTES);
        assertEquals((short) ZipLayout.MARKER_16_VALUE, large.getShort());
        assertEquals((short) ZipLayout.MARKER_16_VALUE, large.getShort());
        assertEquals(100, large.getInt());
        assertEquals(ZipLayout.MARKER_32, large.getInt());

        ByteBuffer zip64 = read(ZipRecords.zip64End(70_000, 100, FIVE_GIB, FIVE_GIB + 100));
        assertEquals(ZipLayout.ZIP64_END_BYTES + ZipLayout.ZIP64_LOCATOR_BYTES, zip64.capacity());
        assertEquals(ZipLayout.ZIP64_END_SIGNATURE, zip64.getInt());
        assertEquals(ZipLayout.ZIP64_END_BYTES - 12, zip64.getLong());
        assertEquals((short) ZipLayout.VERSION_MADE_BY, zip64.getShort());
        assertEquals(ZipLayout.VERSION_ZIP64, zip64.getShort());
        assertEquals(0L, zip64.getLong(), "disk numbers");
        assertEquals(70_000, zip64.getLong());
        assertEquals(70_000, zip64.getLong());
        assertEquals(100, zip64.getLong());
        assertEquals(FIVE_GIB, zip64.getLong());
        assertEquals(ZipLayout.ZIP64_LOCATOR_SIGNATURE, zip64.getInt());
        assertEquals(0, zip64.getInt());
        assertEquals(FIVE_GIB + 100, zip64.getLong(), "where the zip64 end record starts");
        assertEquals(1, zip64.getInt(), "disks in all");
    }
}
