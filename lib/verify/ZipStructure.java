package verify;

import java.io.EOFException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
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
 * Reads the records of a zip file exactly as they are on disk: end records (plain and zip64), the
 * central directory, local headers and data descriptors. Hand-written rather than java.util.zip or
 * Zip4j because the verifier must see both copies of every header, every extra field and every byte
 * offset, where libraries repair, merge or hide them. Reads are positional and bounded by the record
 * lengths, so a hostile file cannot make it allocate more than one header at a time.
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

    /** Finds and reads the end records. Trailing bytes after the end record are left to the caller to report. */
    static End readEnd(FileChannel channel) throws IOException, MalformedZipException {
        long size = channel.size();
        if (size < END_FIXED_BYTES) {
            throw new MalformedZipException("the file is " + size + " bytes, too short for a zip's end record");
        }
        int window = (int) Math.min(size, END_FIXED_BYTES + MAX_END_COMMENT_BYTES);
        ByteBuffer tail = read(channel, size - window, window);
        long endOffset = -1;
        long fallback = -1;
        for (int i = window - END_FIXED_BYTES; i >= 0; i--) {
            if (tail.getInt(i) == END_SIGNATURE) {
                if (fallback < 0) {
                    fallback = size - window + i;
                }
                int commentLength = u16(tail, i + 20);
                if (i + END_FIXED_BYTES + commentLength == window) {
                    endOffset = size - window + i;
                    break;
                }
            }
        }
        if (endOffset < 0) {
            // A record whose comment does not reach the end of file still locates the directory; the
            // verifier reports the trailing bytes as a layout failure rather than refusing to look.
            endOffset = fallback;
        }
        if (endOffset < 0) {
            throw new MalformedZipException("no end-of-central-directory record: not a zip file, or truncated");
        }
        ByteBuffer end = read(channel, endOffset, END_FIXED_BYTES);
        int disk = u16(end, 4);
        int centralDisk = u16(end, 6);
        int entriesHere = u16(end, 8);
        int entries = u16(end, 10);
        long centralSize = u32(end, 12);
        long centralOffset = u32(end, 16);
        int commentLength = u16(end, 20);
        Classic classic = new Classic(disk, centralDisk, entriesHere, entries, centralSize, centralOffset);

        long zip64EndOffset = -1;
        long zip64EndLength = 0;
        if (endOffset >= ZIP64_LOCATOR_BYTES && read(channel, endOffset - ZIP64_LOCATOR_BYTES, 4).getInt(0) == ZIP64_LOCATOR_SIGNATURE) {
            ByteBuffer locator = read(channel, endOffset - ZIP64_LOCATOR_BYTES, ZIP64_LOCATOR_BYTES);
            long locatorDisk = u32(locator, 4);
            zip64EndOffset = locator.getLong(8);
            long totalDisks = u32(locator, 16);
            if (locatorDisk != 0 || totalDisks != 1) {
                throw new MalformedZipException("multi-disk (split) zip: the zip64 locator names " + totalDisks + " disks");
            }
            if (zip64EndOffset < 0 || zip64EndOffset > endOffset - ZIP64_LOCATOR_BYTES - ZIP64_END_LEAD_BYTES - ZIP64_END_MIN_BODY_BYTES) {
                throw new MalformedZipException("the zip64 locator points outside the file (offset " + zip64EndOffset + ")");
            }
            ByteBuffer z = read(channel, zip64EndOffset, ZIP64_END_LEAD_BYTES + ZIP64_END_MIN_BODY_BYTES);
            if (z.getInt(0) != ZIP64_END_SIGNATURE) {
                throw new MalformedZipException("no zip64 end record where the zip64 locator points (offset " + zip64EndOffset + ")");
            }
            long body = z.getLong(4);
            if (body < ZIP64_END_MIN_BODY_BYTES || body > endOffset - zip64EndOffset) {
                throw new MalformedZipException("the zip64 end record declares an impossible size " + body);
            }
            zip64EndLength = ZIP64_END_LEAD_BYTES + body;
            long disk64 = u32(z, 16);
            long centralDisk64 = u32(z, 20);
            long entriesHere64 = z.getLong(24);
            long entries64 = z.getLong(32);
            long centralSize64 = z.getLong(40);
            long centralOffset64 = z.getLong(48);
            if (disk64 != 0 || centralDisk64 != 0 || entriesHere64 != entries64) {
                throw new MalformedZipException("multi-disk (split) zip: the zip64 end record names other disks");
            }
            requireAgrees(entries, ZIP64_MARKER_16, entries64, "entry count");
            requireAgrees(entriesHere, ZIP64_MARKER_16, entriesHere64, "entry count on this disk");
            requireAgrees(centralSize, ZIP64_MARKER_32, centralSize64, "central directory size");
            requireAgrees(centralOffset, ZIP64_MARKER_32, centralOffset64, "central directory offset");
            return checkedEnd(new End(endOffset, commentLength, zip64EndOffset, zip64EndLength,
                    centralOffset64, centralSize64, entries64, classic, u16(z, 12), u16(z, 14)));
        }
        if (disk != 0 || centralDisk != 0 || entriesHere != entries) {
            throw new MalformedZipException("multi-disk (split) zip: the end record names other disks");
        }
        return checkedEnd(new End(endOffset, commentLength, -1, 0, centralOffset, centralSize, entries, classic, 0, 0));
    }

    private static End checkedEnd(End end) throws MalformedZipException {
        long directoryLimit = end.zip64() ? end.zip64EndOffset() : end.endOffset();
        if (end.centralOffset() < 0 || end.centralSize() < 0 || end.centralOffset() > directoryLimit
                || end.centralSize() > directoryLimit - end.centralOffset()) {
            throw new MalformedZipException("the central directory (offset " + end.centralOffset() + ", " + end.centralSize()
                    + " bytes) does not fit before the end record at " + directoryLimit + ": truncated or not a zip");
        }
        // Every record has a fixed part, so a count the directory cannot hold is a lie, not a large zip.
        if (end.entryCount() < 0 || end.entryCount() > end.centralSize() / CENTRAL_HEADER_FIXED_BYTES) {
            throw new MalformedZipException("the end record claims " + end.entryCount() + " entries in a central directory of "
                    + end.centralSize() + " bytes");
        }
        return end;
    }

    private static void requireAgrees(long plain, long marker, long zip64, String what) throws MalformedZipException {
        if (plain != marker && plain != zip64) {
            throw new MalformedZipException("the end record and the zip64 end record disagree on the " + what
                    + " (" + plain + " vs " + zip64 + ")");
        }
    }

    /** Reads every central directory record; the directory must hold exactly the count the end record gives. */
    static List<CentralHeader> readCentralDirectory(FileChannel channel, End end) throws IOException, MalformedZipException {
        List<CentralHeader> headers = new ArrayList<>((int) Math.min(end.entryCount(), 1 << 16));
        long position = end.centralOffset();
        long limit = end.centralOffset() + end.centralSize();
        for (int index = 0; index < end.entryCount(); index++) {
            if (limit - position < CENTRAL_HEADER_FIXED_BYTES) {
                throw new MalformedZipException("the central directory ends inside record #" + (index + 1) + " of " + end.entryCount());
            }
            ByteBuffer fixed = read(channel, position, CENTRAL_HEADER_FIXED_BYTES);
            if (fixed.getInt(0) != CENTRAL_HEADER_SIGNATURE) {
                throw new MalformedZipException("no central directory record #" + (index + 1) + " at offset " + position);
            }
            int nameLength = u16(fixed, 28);
            int extraLength = u16(fixed, 30);
            int commentLength = u16(fixed, 32);
            long recordLength = (long) CENTRAL_HEADER_FIXED_BYTES + nameLength + extraLength + commentLength;
            if (limit - position < recordLength) {
                throw new MalformedZipException("central directory record #" + (index + 1) + " runs past the directory's end");
            }
            ByteBuffer variable = read(channel, position + CENTRAL_HEADER_FIXED_BYTES, nameLength + extraLength);
            byte[] name = bytes(variable, 0, nameLength);
            Extras extras = parseExtras(bytes(variable, nameLength, extraLength));

            long compressed = u32(fixed, 20);
            long uncompressed = u32(fixed, 24);
            long disk = u16(fixed, 34);
            long localOffset = u32(fixed, 42);
            ExtraField zip64 = extras.find(ZIP64_EXTRA_ID);
            int deferred = (uncompressed == ZIP64_MARKER_32 ? DEFERRED_SIZE : 0)
                    | (compressed == ZIP64_MARKER_32 ? DEFERRED_COMPRESSED_SIZE : 0)
                    | (localOffset == ZIP64_MARKER_32 ? DEFERRED_OFFSET : 0) | (disk == ZIP64_MARKER_16 ? DEFERRED_DISK : 0);
            if (deferred != 0) {
                // APPNOTE 4.5.3: only the fields whose header value is the marker are present, in this order.
                ByteBuffer z = zip64 == null ? ByteBuffer.allocate(0) : ByteBuffer.wrap(zip64.data()).order(ByteOrder.LITTLE_ENDIAN);
                String entry = Names.display(name);
                try {
                    if (uncompressed == ZIP64_MARKER_32) {
                        uncompressed = z.getLong();
                    }
                    if (compressed == ZIP64_MARKER_32) {
                        compressed = z.getLong();
                    }
                    if (localOffset == ZIP64_MARKER_32) {
                        localOffset = z.getLong();
                    }
                    if (disk == ZIP64_MARKER_16) {
                        disk = Integer.toUnsignedLong(z.getInt());
                    }
                } catch (BufferUnderflowException e) {
                    throw new MalformedZipException(entry, "the central header defers sizes or offset to a zip64 record that "
                            + (zip64 == null ? "is missing" : "is too short"));
                }
                if (uncompressed < 0 || compressed < 0 || localOffset < 0) {
                    throw new MalformedZipException(entry, "the zip64 record holds a size or offset beyond 2^63");
                }
            }
            if (disk != 0) {
                throw new MalformedZipException(Names.display(name), "multi-disk (split) zip: the entry starts on disk " + disk);
            }
            headers.add(new CentralHeader(index, position, u16(fixed, 4), u16(fixed, 6), u16(fixed, 8), u16(fixed, 10),
                    u16(fixed, 12), u16(fixed, 14), u32(fixed, 16), compressed, uncompressed, name, extras,
                    commentLength, disk, u16(fixed, 36), u32(fixed, 38), localOffset, deferred));
            position += recordLength;
        }
        if (position != limit) {
            throw new MalformedZipException("the central directory holds " + (limit - position)
                    + " bytes after its last record; the end record's entry count or directory size is wrong");
        }
        return headers;
    }

    /** Reads the local header at {@code offset}, which must lie before {@code limit} (the central directory). */
    static LocalHeader readLocalHeader(FileChannel channel, long offset, long limit, String entry)
            throws IOException, MalformedZipException {
        if (offset < 0 || limit - offset < LOCAL_HEADER_FIXED_BYTES) {
            throw new MalformedZipException(entry, "the local header offset " + offset + " is outside the entry area");
        }
        ByteBuffer fixed = read(channel, offset, LOCAL_HEADER_FIXED_BYTES);
        if (fixed.getInt(0) != LOCAL_HEADER_SIGNATURE) {
            throw new MalformedZipException(entry, "no local header at offset " + offset);
        }
        int nameLength = u16(fixed, 26);
        int extraLength = u16(fixed, 28);
        long dataOffset = offset + LOCAL_HEADER_FIXED_BYTES + nameLength + extraLength;
        if (dataOffset > limit) {
            throw new MalformedZipException(entry, "the local header at offset " + offset + " runs into the central directory");
        }
        ByteBuffer variable = read(channel, offset + LOCAL_HEADER_FIXED_BYTES, nameLength + extraLength);
        byte[] name = bytes(variable, 0, nameLength);
        Extras extras = parseExtras(bytes(variable, nameLength, extraLength));
        long compressed = u32(fixed, 18);
        long uncompressed = u32(fixed, 22);
        ExtraField zip64 = extras.find(ZIP64_EXTRA_ID);
        int deferred = 0;
        if (zip64 != null) {
            ByteBuffer z = ByteBuffer.wrap(zip64.data()).order(ByteOrder.LITTLE_ENDIAN);
            if (uncompressed == ZIP64_MARKER_32 && z.remaining() >= Long.BYTES) {
                uncompressed = z.getLong();
                deferred |= DEFERRED_SIZE;
            }
            if (compressed == ZIP64_MARKER_32 && z.remaining() >= Long.BYTES) {
                compressed = z.getLong();
                deferred |= DEFERRED_COMPRESSED_SIZE;
            }
        }
        return new LocalHeader(offset, u16(fixed, 4), u16(fixed, 6), u16(fixed, 8), u16(fixed, 10), u16(fixed, 12),
                u32(fixed, 14), compressed, uncompressed, name, extras, dataOffset, deferred);
    }

    /**
     * Reads the data descriptor at {@code offset}. The signature is optional in the format; a first word
     * equal to it is taken as the signature (APPNOTE 4.3.9.3). Sizes are 8 bytes when the local header
     * carries a zip64 record (APPNOTE 4.3.9.2).
     */
    static DataDescriptor readDataDescriptor(FileChannel channel, long offset, long limit, boolean zip64, String entry)
            throws IOException, MalformedZipException {
        int sizeBytes = zip64 ? Long.BYTES : Integer.BYTES;
        int unsignedLength = Integer.BYTES + 2 * sizeBytes;
        if (offset < 0 || limit - offset < unsignedLength) {
            throw new MalformedZipException(entry, "the data descriptor at offset " + offset + " runs into the central directory");
        }
        boolean signed = limit - offset >= unsignedLength + Integer.BYTES
                && read(channel, offset, Integer.BYTES).getInt(0) == DATA_DESCRIPTOR_SIGNATURE;
        int length = unsignedLength + (signed ? Integer.BYTES : 0);
        ByteBuffer d = read(channel, offset, length);
        int at = signed ? Integer.BYTES : 0;
        long crc = u32(d, at);
        long compressed = zip64 ? d.getLong(at + 4) : u32(d, at + 4);
        long uncompressed = zip64 ? d.getLong(at + 4 + sizeBytes) : u32(d, at + 4 + sizeBytes);
        return new DataDescriptor(offset, length, signed, crc, compressed, uncompressed);
    }

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

    private static byte[] bytes(ByteBuffer buffer, int offset, int length) {
        byte[] out = new byte[length];
        buffer.get(offset, out);
        return out;
    }

    private static int u16(ByteBuffer b, int offset) {
        return Short.toUnsignedInt(b.getShort(offset));
    }

    private static long u32(ByteBuffer b, int offset) {
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
