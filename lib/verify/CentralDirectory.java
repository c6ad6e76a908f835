package verify;

import static verify.ZipStructure.CENTRAL_HEADER_FIXED_BYTES;
import static verify.ZipStructure.CENTRAL_HEADER_SIGNATURE;
import static verify.ZipStructure.DEFERRED_COMPRESSED_SIZE;
import static verify.ZipStructure.DEFERRED_DISK;
import static verify.ZipStructure.DEFERRED_OFFSET;
import static verify.ZipStructure.DEFERRED_SIZE;
import static verify.ZipStructure.ZIP64_EXTRA_ID;
import static verify.ZipStructure.ZIP64_MARKER_16;
import static verify.ZipStructure.ZIP64_MARKER_32;
import static verify.ZipStructure.bytes;
import static verify.ZipStructure.parseExtras;
import static verify.ZipStructure.u16;
import static verify.ZipStructure.u32;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import verify.ZipStructure.CentralHeader;
import verify.ZipStructure.End;
import verify.ZipStructure.ExtraField;
import verify.ZipStructure.Extras;
import verify.ZipStructure.MalformedZipException;
import verify.ZipStructure.Names;

/** Reads the central directory the end records locate, one record at a time, zip64 values put in place of their markers. */
final class CentralDirectory {
    private CentralDirectory() {}

    /** Reads every central directory record; the directory must hold exactly the count the end record gives. */
    static List<CentralHeader> read(FileChannel channel, End end) throws IOException, MalformedZipException {
        List<CentralHeader> headers = new ArrayList<>((int) Math.min(end.entryCount(), 1 << 16));
        Cursor cursor = new Cursor(channel, end);
        for (CentralHeader header; (header = cursor.next()) != null; ) {
            headers.add(header);
        }
        return headers;
    }

    /** The records one at a time, in directory order, for a reader that holds only the current one. */
    static final class Cursor {
        private final FileChannel channel;
        private final End end;
        private final long limit;
        private long position;
        private int index;

        Cursor(FileChannel channel, End end) {
            this.channel = channel;
            this.end = end;
            this.position = end.centralOffset();
            this.limit = end.centralOffset() + end.centralSize();
        }

        /** The next record, or null after the last (when the directory must end exactly there). */
        CentralHeader next() throws IOException, MalformedZipException {
            if (index == end.entryCount()) {
                if (position != limit) {
                    throw new MalformedZipException("the central directory holds " + (limit - position)
                            + " bytes after its last record; the end record's entry count or directory size is wrong");
                }
                return null;
            }
            if (limit - position < CENTRAL_HEADER_FIXED_BYTES) {
                throw new MalformedZipException("the central directory ends inside record #" + (index + 1) + " of " + end.entryCount());
            }
            ByteBuffer fixed = ZipStructure.read(channel, position, CENTRAL_HEADER_FIXED_BYTES);
            if (fixed.getInt(0) != CENTRAL_HEADER_SIGNATURE) {
                throw new MalformedZipException("no central directory record #" + (index + 1) + " at offset " + position);
            }
            long recordLength = (long) CENTRAL_HEADER_FIXED_BYTES + u16(fixed, 28) + u16(fixed, 30) + u16(fixed, 32);
            if (limit - position < recordLength) {
                throw new MalformedZipException("central directory record #" + (index + 1) + " runs past the directory's end");
            }
            CentralHeader header = header(channel, index++, position, fixed);
            position += recordLength;
            return header;
        }
    }

    /** The record at {@code position} whose fixed part is {@code fixed}: its name and extras read after it. */
    private static CentralHeader header(FileChannel channel, int index, long position, ByteBuffer fixed)
            throws IOException, MalformedZipException {
        int nameLength = u16(fixed, 28);
        int extraLength = u16(fixed, 30);
        ByteBuffer variable = ZipStructure.read(channel, position + CENTRAL_HEADER_FIXED_BYTES, nameLength + extraLength);
        byte[] name = bytes(variable, 0, nameLength);
        Extras extras = parseExtras(bytes(variable, nameLength, extraLength));
        Deferrable written = new Deferrable(u32(fixed, 24), u32(fixed, 20), u32(fixed, 42), u16(fixed, 34));
        int deferred = written.deferred();
        Deferrable values = deferred == 0 ? written : fromZip64(written, extras.find(ZIP64_EXTRA_ID), name);
        if (values.disk() != 0) {
            throw new MalformedZipException(Names.display(name), "multi-disk (split) zip: the entry starts on disk " + values.disk());
        }
        return new CentralHeader(index, position, u16(fixed, 4), u16(fixed, 6), u16(fixed, 8), u16(fixed, 10),
                u16(fixed, 12), u16(fixed, 14), u32(fixed, 16), values.compressed(), values.uncompressed(), name, extras,
                u16(fixed, 32), values.disk(), u16(fixed, 36), u32(fixed, 38), values.localOffset(), deferred);
    }

    /** The four values a central header may defer to its zip64 extra. */
    private record Deferrable(long uncompressed, long compressed, long localOffset, long disk) {
        /** The DEFERRED_ bits of the values that hold the marker. */
        int deferred() {
            return (uncompressed == ZIP64_MARKER_32 ? DEFERRED_SIZE : 0)
                    | (compressed == ZIP64_MARKER_32 ? DEFERRED_COMPRESSED_SIZE : 0)
                    | (localOffset == ZIP64_MARKER_32 ? DEFERRED_OFFSET : 0) | (disk == ZIP64_MARKER_16 ? DEFERRED_DISK : 0);
        }
    }

    /** The values with each marker replaced by the zip64 extra's value for it. */
    private static Deferrable fromZip64(Deferrable written, ExtraField zip64, byte[] name) throws MalformedZipException {
        // APPNOTE 4.5.3: only the fields whose header value is the marker are present, in this order.
        ByteBuffer z = zip64 == null ? ByteBuffer.allocate(0) : ByteBuffer.wrap(zip64.data()).order(ByteOrder.LITTLE_ENDIAN);
        String entry = Names.display(name);
        long uncompressed = written.uncompressed();
        long compressed = written.compressed();
        long localOffset = written.localOffset();
        long disk = written.disk();
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
        return new Deferrable(uncompressed, compressed, localOffset, disk);
    }
}
