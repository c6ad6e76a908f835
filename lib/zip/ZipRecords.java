package zip;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The bytes of each record of a Deterministic ZIP v1 archive, in the layout of {@link ZipLayout}: an
 * entry's local and central headers, the zip64 end record with its locator, and the end record. Each is a
 * function of what it describes and of the archive's one fixed time, nothing else.
 */
final class ZipRecords {
    private final int dosTime;
    private final int dosDate;

    /** @param fixedEpochMs the one instant of every entry (see {@link ZipPolicyV1#fixedEpochMs()}) */
    ZipRecords(long fixedEpochMs) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(Math.floorDiv(fixedEpochMs, 1000), 0, ZoneOffset.UTC);
        this.dosTime = ZipLayout.dosTime(utc);
        this.dosDate = ZipLayout.dosDate(utc);
    }

    /** The local header of an entry, {@code name} its name's UTF-8 bytes; its data follows it. */
    byte[] localHeader(EntryHeader c, byte[] name) {
        boolean zip64 = c.sizesOverflow();
        ByteBuffer header = littleEndian(ZipLayout.LOCAL_HEADER_FIXED_BYTES + name.length
                + (zip64 ? ZipLayout.LOCAL_ZIP64_EXTRA_BYTES : 0));
        putSharedFields(header.putInt(ZipLayout.LOCAL_HEADER_SIGNATURE), c)
                // With a zip64 extra, both sizes are in it and both fields say so (APPNOTE 4.5.3).
                .putInt(zip64 ? ZipLayout.MARKER_32 : (int) c.compressedSize())
                .putInt(zip64 ? ZipLayout.MARKER_32 : (int) c.size())
                .putShort((short) name.length)
                .putShort((short) (zip64 ? ZipLayout.LOCAL_ZIP64_EXTRA_BYTES : 0))
                .put(name);
        if (zip64) {
            header.putShort((short) ZipLayout.ZIP64_EXTRA_ID).putShort((short) (2 * Long.BYTES))
                    .putLong(c.size()).putLong(c.compressedSize());
        }
        return header.array();
    }

    /** The central directory header of an entry. */
    byte[] centralHeader(EntryHeader c) {
        int zip64Fields = (ZipLayout.overflows(c.size()) ? 1 : 0) + (ZipLayout.overflows(c.compressedSize()) ? 1 : 0)
                + (ZipLayout.overflows(c.offset()) ? 1 : 0);
        int extraBytes = zip64Fields == 0 ? 0 : 4 + zip64Fields * Long.BYTES;
        byte[] name = c.name().getBytes(StandardCharsets.UTF_8);
        ByteBuffer header = littleEndian(ZipLayout.CENTRAL_HEADER_FIXED_BYTES + name.length + extraBytes);
        putSharedFields(header.putInt(ZipLayout.CENTRAL_HEADER_SIGNATURE).putShort((short) ZipLayout.VERSION_MADE_BY), c)
                .putInt(ZipLayout.overflows(c.compressedSize()) ? ZipLayout.MARKER_32 : (int) c.compressedSize())
                .putInt(ZipLayout.overflows(c.size()) ? ZipLayout.MARKER_32 : (int) c.size())
                .putShort((short) name.length)
                .putShort((short) extraBytes)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) ZipLayout.INTERNAL_ATTRIBUTES)
                .putInt((int) ZipPolicyV1.EXTERNAL_ATTRIBUTES)
                .putInt(ZipLayout.overflows(c.offset()) ? ZipLayout.MARKER_32 : (int) c.offset())
                .put(name);
        if (zip64Fields > 0) {
            // Exactly the fields that overflow, in APPNOTE 4.5.3 order.
            header.putShort((short) ZipLayout.ZIP64_EXTRA_ID).putShort((short) (zip64Fields * Long.BYTES));
            if (ZipLayout.overflows(c.size())) {
                header.putLong(c.size());
            }
            if (ZipLayout.overflows(c.compressedSize())) {
                header.putLong(c.compressedSize());
            }
            if (ZipLayout.overflows(c.offset())) {
                header.putLong(c.offset());
            }
        }
        return header.array();
    }

    /** Whether the end of the archive needs the zip64 end record: a count or a field the end record cannot hold. */
    static boolean needsZip64End(long count, long directorySize, long directoryOffset) {
        return count >= ZipLayout.MARKER_16_VALUE || ZipLayout.overflows(directorySize) || ZipLayout.overflows(directoryOffset);
    }

    /** The zip64 end record, written at {@code zip64EndOffset}, and its locator. */
    static byte[] zip64End(long count, long directorySize, long directoryOffset, long zip64EndOffset) {
        return littleEndian(ZipLayout.ZIP64_END_BYTES + ZipLayout.ZIP64_LOCATOR_BYTES)
                .putInt(ZipLayout.ZIP64_END_SIGNATURE)
                // The record's size field counts the bytes after its signature and itself.
                .putLong(ZipLayout.ZIP64_END_BYTES - 12)
                .putShort((short) ZipLayout.VERSION_MADE_BY)
                .putShort((short) ZipLayout.VERSION_ZIP64)
                .putInt(0)
                .putInt(0)
                .putLong(count)
                .putLong(count)
                .putLong(directorySize)
                .putLong(directoryOffset)
                .putInt(ZipLayout.ZIP64_LOCATOR_SIGNATURE)
                .putInt(0)
                .putLong(zip64EndOffset)
                .putInt(1)
                .array();
    }

    /** The end record: a field too large for it holds its marker, and the zip64 end record the value. */
    static byte[] end(long count, long directorySize, long directoryOffset) {
        short entries = (short) (count >= ZipLayout.MARKER_16_VALUE ? ZipLayout.MARKER_16_VALUE : count);
        return littleEndian(ZipLayout.END_BYTES)
                .putInt(ZipLayout.END_SIGNATURE)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort(entries)
                .putShort(entries)
                .putInt(ZipLayout.overflows(directorySize) ? ZipLayout.MARKER_32 : (int) directorySize)
                .putInt(ZipLayout.overflows(directoryOffset) ? ZipLayout.MARKER_32 : (int) directoryOffset)
                .putShort((short) 0)
                .array();
    }

    /** The fields both headers hold, in the same order: version needed, flags, method, time, date, CRC-32. */
    private ByteBuffer putSharedFields(ByteBuffer header, EntryHeader c) {
        return header.putShort((short) versionNeeded(c))
                .putShort((short) ZipLayout.FLAGS)
                .putShort((short) method(c))
                .putShort((short) dosTime)
                .putShort((short) dosDate)
                .putInt(c.crc());
    }

    /** 4.5 for an entry with a zip64 extra in either header (the central one has it whenever the local one does). */
    private static int versionNeeded(EntryHeader c) {
        if (c.anyOverflows()) {
            return ZipLayout.VERSION_ZIP64;
        }
        return c.deflated() ? ZipLayout.VERSION_DEFLATED : ZipLayout.VERSION_STORED;
    }

    private static int method(EntryHeader c) {
        return c.deflated() ? ZipLayout.METHOD_DEFLATED : ZipLayout.METHOD_STORED;
    }

    private static ByteBuffer littleEndian(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
