package verify;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import text.Printable;
import zip.ZipLayout;
import zip.ZipPolicyV1;

/**
 * The records of a zip file exactly as they are on disk: end records (plain and zip64), the central
 * directory, local headers and data descriptors, and the bounded reads their readers share
 * ({@link EndRecords}, {@link CentralDirectory}, {@link LocalRecords}). Hand-written rather than
 * java.util.zip or Zip4j because the verifier must see both copies of every header, every extra field
 * and every byte offset, where libraries repair, merge or hide them. Reads are positional and bounded
 * by the record lengths, so a hostile file cannot make it allocate more than one header at a time.
 */
public final class ZipStructure {
    public static final int LOCAL_HEADER_SIGNATURE = ZipLayout.LOCAL_HEADER_SIGNATURE;
    public static final int CENTRAL_HEADER_SIGNATURE = ZipLayout.CENTRAL_HEADER_SIGNATURE;
    public static final int DATA_DESCRIPTOR_SIGNATURE = 0x08074b50;
    public static final int END_SIGNATURE = ZipLayout.END_SIGNATURE;
    public static final int ZIP64_END_SIGNATURE = ZipLayout.ZIP64_END_SIGNATURE;
    public static final int ZIP64_LOCATOR_SIGNATURE = ZipLayout.ZIP64_LOCATOR_SIGNATURE;

    public static final int LOCAL_HEADER_FIXED_BYTES = ZipLayout.LOCAL_HEADER_FIXED_BYTES;
    public static final int CENTRAL_HEADER_FIXED_BYTES = ZipLayout.CENTRAL_HEADER_FIXED_BYTES;
    static final int END_FIXED_BYTES = ZipLayout.END_BYTES;
    static final int ZIP64_LOCATOR_BYTES = ZipLayout.ZIP64_LOCATOR_BYTES;
    /** Signature and the size field, which counts the bytes after itself. */
    static final int ZIP64_END_LEAD_BYTES = 12;
    public static final int ZIP64_END_MIN_BODY_BYTES = 44;
    static final int MAX_END_COMMENT_BYTES = 0xFFFF;

    /** Extra-field header id of the zip64 extended information record (APPNOTE 4.5.3). */
    public static final int ZIP64_EXTRA_ID = ZipLayout.ZIP64_EXTRA_ID;
    /** A 32-bit field holding this value defers to the zip64 record. */
    public static final long ZIP64_MARKER_32 = 0xFFFFFFFFL;
    public static final int ZIP64_MARKER_16 = 0xFFFF;

    static final int FLAG_ENCRYPTED = 1;
    public static final int FLAG_DATA_DESCRIPTOR = 1 << 3;
    static final int FLAG_STRONG_ENCRYPTION = 1 << 6;
    public static final int FLAG_UTF8 = ZipPolicyV1.FLAG_UTF8;
    static final int FLAG_MASKED_LOCAL_HEADER = 1 << 13;

    public static final int METHOD_STORED = ZipLayout.METHOD_STORED;
    public static final int METHOD_DEFLATED = ZipLayout.METHOD_DEFLATED;

    private ZipStructure() {}

    /** The file is not a zip this reader can follow; {@code entry} names the entry involved, if any. */
    static final class MalformedZipException extends Exception {
        private final String entry;

        MalformedZipException(String message) {
            this(null, message);
        }

        MalformedZipException(String entry, String message) {
            super(message);
            this.entry = entry;
        }

        String entry() {
            return entry;
        }
    }

    record ExtraField(int id, byte[] data) {}

    /** The extra block of a header, split into fields; {@code problem} is set when it does not parse. */
    record Extras(List<ExtraField> fields, String problem) {
        ExtraField find(int id) {
            return fields.stream().filter(f -> f.id() == id).findFirst().orElse(null);
        }
    }

    /** The end of the archive: where the central directory is and what follows it. */
    record End(long endOffset, int commentLength, long zip64EndOffset, long zip64EndLength,
               long centralOffset, long centralSize, long entryCount, Classic classic, int zip64VersionMadeBy,
               int zip64VersionNeeded) {
        boolean zip64() {
            return zip64EndOffset >= 0;
        }
    }

    /** The classic end record's fields as written, markers included. */
    record Classic(int disk, int centralDisk, int entriesHere, int entries, long centralSize, long centralOffset) {}

    /** Which values a header took from its zip64 extra (its field held the marker): bits of these. */
    static final int DEFERRED_SIZE = 1;
    static final int DEFERRED_COMPRESSED_SIZE = 2;
    static final int DEFERRED_OFFSET = 4;
    static final int DEFERRED_DISK = 8;

    /**
     * One central directory record, with zip64 values already substituted for their markers.
     * @param deferred the DEFERRED_ bits of the values taken from the zip64 extra
     */
    record CentralHeader(int index, long headerOffset, int versionMadeBy, int versionNeeded, int flags, int method,
                         int dosTime, int dosDate, long crc, long compressedSize, long uncompressedSize,
                         byte[] rawName, Extras extras, int commentLength, long diskStart, int internalAttributes,
                         long externalAttributes, long localHeaderOffset, int deferred) {
        int hostByte() {
            return versionMadeBy >>> 8;
        }
    }

    /**
     * One local header; sizes with zip64 substituted where the header defers to it.
     * @param deferred the DEFERRED_ bits of the sizes taken from the zip64 extra
     */
    record LocalHeader(long offset, int versionNeeded, int flags, int method, int dosTime, int dosDate, long crc,
                       long compressedSize, long uncompressedSize, byte[] rawName, Extras extras, long dataOffset,
                       int deferred) {
        boolean zip64() {
            return extras.find(ZIP64_EXTRA_ID) != null;
        }
    }

    record DataDescriptor(long offset, int length, boolean signed, long crc, long compressedSize, long uncompressedSize) {}

    static Extras parseExtras(byte[] block) {
        List<ExtraField> fields = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
        while (b.remaining() > 0) {
            if (b.remaining() < 4) {
                return new Extras(List.copyOf(fields), b.remaining() + " stray byte(s) at the end of the extra block");
            }
            int id = Short.toUnsignedInt(b.getShort());
            int length = Short.toUnsignedInt(b.getShort());
            if (length > b.remaining()) {
                return new Extras(List.copyOf(fields), String.format(Locale.ROOT,
                        "extra field 0x%04x declares %d bytes, only %d remain", id, length, b.remaining()));
            }
            byte[] data = new byte[length];
            b.get(data);
            fields.add(new ExtraField(id, data));
        }
        return new Extras(List.copyOf(fields), null);
    }

    /** Reads exactly {@code length} bytes at {@code position}; a short file is a truncated zip. */
    static ByteBuffer read(FileChannel channel, long position, int length) throws IOException, MalformedZipException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        try {
            readFully(channel, position, buffer);
        } catch (EOFException e) {
            throw new MalformedZipException("the file ends inside a record at offset " + position + ": truncated");
        }
        buffer.flip();
        return buffer;
    }

    static void readFully(FileChannel channel, long position, ByteBuffer buffer) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new EOFException("end of file at offset " + at);
            }
            at += n;
        }
    }

    static byte[] bytes(ByteBuffer buffer, int offset, int length) {
        byte[] out = new byte[length];
        buffer.get(offset, out);
        return out;
    }

    static int u16(ByteBuffer b, int offset) {
        return Short.toUnsignedInt(b.getShort(offset));
    }

    static long u32(ByteBuffer b, int offset) {
        return Integer.toUnsignedLong(b.getInt(offset));
    }

    /** Entry names as the verifier reports them. */
    static final class Names {
        private Names() {}

        /** The name decoded as UTF-8 (malformed bytes replaced) with invisible characters escaped. */
        static String display(byte[] raw) {
            return Printable.of(new String(raw, StandardCharsets.UTF_8));
        }
    }
}
