package verify;

import static verify.ZipStructure.CENTRAL_HEADER_FIXED_BYTES;
import static verify.ZipStructure.END_FIXED_BYTES;
import static verify.ZipStructure.END_SIGNATURE;
import static verify.ZipStructure.MAX_END_COMMENT_BYTES;
import static verify.ZipStructure.ZIP64_END_LEAD_BYTES;
import static verify.ZipStructure.ZIP64_END_MIN_BODY_BYTES;
import static verify.ZipStructure.ZIP64_END_SIGNATURE;
import static verify.ZipStructure.ZIP64_LOCATOR_BYTES;
import static verify.ZipStructure.ZIP64_LOCATOR_SIGNATURE;
import static verify.ZipStructure.ZIP64_MARKER_16;
import static verify.ZipStructure.ZIP64_MARKER_32;
import static verify.ZipStructure.u16;
import static verify.ZipStructure.u32;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import verify.ZipStructure.Classic;
import verify.ZipStructure.End;
import verify.ZipStructure.MalformedZipException;

/** Finds and reads the end records of a zip: the classic one, and the zip64 one with its locator where present. */
final class EndRecords {
    private EndRecords() {}

    /** Finds and reads the end records. Trailing bytes after the end record are left to the caller to report. */
    static End read(FileChannel channel) throws IOException, MalformedZipException {
        long endOffset = locate(channel);
        ByteBuffer end = ZipStructure.read(channel, endOffset, END_FIXED_BYTES);
        int disk = u16(end, 4);
        int centralDisk = u16(end, 6);
        int entriesHere = u16(end, 8);
        int entries = u16(end, 10);
        long centralSize = u32(end, 12);
        long centralOffset = u32(end, 16);
        int commentLength = u16(end, 20);
        Classic classic = new Classic(disk, centralDisk, entriesHere, entries, centralSize, centralOffset);
        if (endOffset >= ZIP64_LOCATOR_BYTES
                && ZipStructure.read(channel, endOffset - ZIP64_LOCATOR_BYTES, 4).getInt(0) == ZIP64_LOCATOR_SIGNATURE) {
            return checked(readZip64(channel, endOffset, commentLength, classic));
        }
        if (disk != 0 || centralDisk != 0 || entriesHere != entries) {
            throw new MalformedZipException("multi-disk (split) zip: the end record names other disks");
        }
        return checked(new End(endOffset, commentLength, -1, 0, centralOffset, centralSize, entries, classic, 0, 0));
    }

    /** The offset of the end record: the last whose comment reaches the end of the file, else the last of all. */
    private static long locate(FileChannel channel) throws IOException, MalformedZipException {
        long size = channel.size();
        if (size < END_FIXED_BYTES) {
            throw new MalformedZipException("the file is " + size + " bytes, too short for a zip's end record");
        }
        int window = (int) Math.min(size, END_FIXED_BYTES + MAX_END_COMMENT_BYTES);
        ByteBuffer tail = ZipStructure.read(channel, size - window, window);
        long fallback = -1;
        for (int i = window - END_FIXED_BYTES; i >= 0; i--) {
            if (tail.getInt(i) == END_SIGNATURE) {
                if (fallback < 0) {
                    fallback = size - window + i;
                }
                int commentLength = u16(tail, i + 20);
                if (i + END_FIXED_BYTES + commentLength == window) {
                    return size - window + i;
                }
            }
        }
        // A record whose comment does not reach the end of file still locates the directory; the
        // verifier reports the trailing bytes as a layout failure rather than refusing to look.
        if (fallback < 0) {
            throw new MalformedZipException("no end-of-central-directory record: not a zip file, or truncated");
        }
        return fallback;
    }

    /** The zip64 end record the locator before {@code endOffset} points to, which the classic record must agree with. */
    private static End readZip64(FileChannel channel, long endOffset, int commentLength, Classic classic)
            throws IOException, MalformedZipException {
        ByteBuffer locator = ZipStructure.read(channel, endOffset - ZIP64_LOCATOR_BYTES, ZIP64_LOCATOR_BYTES);
        long locatorDisk = u32(locator, 4);
        long zip64EndOffset = locator.getLong(8);
        long totalDisks = u32(locator, 16);
        if (locatorDisk != 0 || totalDisks != 1) {
            throw new MalformedZipException("multi-disk (split) zip: the zip64 locator names " + totalDisks + " disks");
        }
        if (zip64EndOffset < 0 || zip64EndOffset > endOffset - ZIP64_LOCATOR_BYTES - ZIP64_END_LEAD_BYTES - ZIP64_END_MIN_BODY_BYTES) {
            throw new MalformedZipException("the zip64 locator points outside the file (offset " + zip64EndOffset + ")");
        }
        ByteBuffer z = ZipStructure.read(channel, zip64EndOffset, ZIP64_END_LEAD_BYTES + ZIP64_END_MIN_BODY_BYTES);
        if (z.getInt(0) != ZIP64_END_SIGNATURE) {
            throw new MalformedZipException("no zip64 end record where the zip64 locator points (offset " + zip64EndOffset + ")");
        }
        long body = z.getLong(4);
        if (body < ZIP64_END_MIN_BODY_BYTES || body > endOffset - zip64EndOffset) {
            throw new MalformedZipException("the zip64 end record declares an impossible size " + body);
        }
        long disk64 = u32(z, 16);
        long centralDisk64 = u32(z, 20);
        long entriesHere64 = z.getLong(24);
        long entries64 = z.getLong(32);
        long centralSize64 = z.getLong(40);
        long centralOffset64 = z.getLong(48);
        if (disk64 != 0 || centralDisk64 != 0 || entriesHere64 != entries64) {
            throw new MalformedZipException("multi-disk (split) zip: the zip64 end record names other disks");
        }
        requireAgrees(classic.entries(), ZIP64_MARKER_16, entries64, "entry count");
        requireAgrees(classic.entriesHere(), ZIP64_MARKER_16, entriesHere64, "entry count on this disk");
        requireAgrees(classic.centralSize(), ZIP64_MARKER_32, centralSize64, "central directory size");
        requireAgrees(classic.centralOffset(), ZIP64_MARKER_32, centralOffset64, "central directory offset");
        return new End(endOffset, commentLength, zip64EndOffset, ZIP64_END_LEAD_BYTES + body,
                centralOffset64, centralSize64, entries64, classic, u16(z, 12), u16(z, 14));
    }

    private static End checked(End end) throws MalformedZipException {
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
}
