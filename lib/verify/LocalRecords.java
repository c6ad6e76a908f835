package verify;

import static verify.ZipStructure.DATA_DESCRIPTOR_SIGNATURE;
import static verify.ZipStructure.DEFERRED_COMPRESSED_SIZE;
import static verify.ZipStructure.DEFERRED_SIZE;
import static verify.ZipStructure.LOCAL_HEADER_FIXED_BYTES;
import static verify.ZipStructure.LOCAL_HEADER_SIGNATURE;
import static verify.ZipStructure.ZIP64_EXTRA_ID;
import static verify.ZipStructure.ZIP64_MARKER_32;
import static verify.ZipStructure.bytes;
import static verify.ZipStructure.parseExtras;
import static verify.ZipStructure.read;
import static verify.ZipStructure.u16;
import static verify.ZipStructure.u32;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import verify.ZipStructure.DataDescriptor;
import verify.ZipStructure.ExtraField;
import verify.ZipStructure.Extras;
import verify.ZipStructure.LocalHeader;
import verify.ZipStructure.MalformedZipException;

/** Reads what precedes and follows each entry's data: its local header and, when its flags say so, its data descriptor. */
final class LocalRecords {
    private LocalRecords() {}

    /** Reads the local header at {@code offset}, which must lie before {@code limit} (the central directory). */
    static LocalHeader readHeader(FileChannel channel, long offset, long limit, String entry)
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
}
