package types;

import java.util.List;

/**
 * The names a zip lists, as far as a detector needs them: which of the table's wanted entry names
 * ({@code *.ext} for any name ending so) its central directory holds, read from the file's last bytes, and
 * the name of its first member from its first bytes. Bounded by what was captured: a listing that lies
 * (offsets, sizes, counts) stops the walk, never a read outside the bytes.
 */
final class ZipListing {
    private ZipListing() {}

    static final int LOCAL_HEADER_BYTES = 30;
    static final int CENTRAL_HEADER_BYTES = 46;
    static final int END_RECORD_BYTES = 22;
    static final int ZIP64_LOCATOR_BYTES = 20;
    /** The end record's comment is at most this long: the record is within this many bytes of the end. */
    static final int MAX_COMMENT_BYTES = 0xFFFF;
    static final long LOCAL_SIGNATURE = 0x04034b50L;
    static final long CENTRAL_SIGNATURE = 0x02014b50L;
    static final long END_SIGNATURE = 0x06054b50L;
    static final long ZIP64_LOCATOR_SIGNATURE = 0x07064b50L;
    static final long ZIP64_END_SIGNATURE = 0x06064b50L;
    /** A field that says "see the zip64 record". */
    static final long ZIP64_MARK = 0xFFFFFFFFL;

    /**
     * The wanted names found (bit i: {@code wanted.get(i)}), from the central directory in {@code tail} (the
     * file's last bytes), or -1 where no whole central directory is in it.
     */
    static long centralDirectory(Window tail, long size, List<byte[]> wanted, List<Boolean> suffix) {
        long end = findEndRecord(tail, size);
        if (end < 0) {
            return -1;
        }
        long directorySize = littleEndian(tail, end + 12, 4);
        long recordBefore = end;
        if (directorySize == ZIP64_MARK || littleEndian(tail, end + 16, 4) == ZIP64_MARK) {
            long locator = end - ZIP64_LOCATOR_BYTES;
            long record = littleEndian(tail, locator + 8, 8);
            if (littleEndian(tail, locator, 4) != ZIP64_LOCATOR_SIGNATURE || littleEndian(tail, record, 4) != ZIP64_END_SIGNATURE) {
                return -1;
            }
            directorySize = littleEndian(tail, record + 40, 8);
            recordBefore = record;
        }
        // The directory ends where the end records start: counted back from there, data before the zip does not shift it.
        long start = recordBefore - directorySize;
        if (directorySize < 0 || start < tail.start) {
            return -1;
        }
        long found = 0;
        for (long at = start; at + CENTRAL_HEADER_BYTES <= recordBefore; ) {
            if (littleEndian(tail, at, 4) != CENTRAL_SIGNATURE) {
                break;
            }
            long nameLength = littleEndian(tail, at + 28, 2);
            long next = at + CENTRAL_HEADER_BYTES + nameLength + littleEndian(tail, at + 30, 2) + littleEndian(tail, at + 32, 2);
            if (at + CENTRAL_HEADER_BYTES + nameLength > recordBefore) {
                break;
            }
            found |= matching(tail.bytes, (int) (at + CENTRAL_HEADER_BYTES - tail.start), (int) nameLength, wanted, suffix);
            at = next;
        }
        return found;
    }

    /** The wanted names that the first member's name (a local header at the start of {@code head}) is. */
    static long firstMember(byte[] head, List<byte[]> wanted, List<Boolean> suffix) {
        int nameLength = firstNameLength(head);
        return nameLength < 0 ? 0 : matching(head, LOCAL_HEADER_BYTES, nameLength, wanted, suffix);
    }

    /** Whether the first member is named {@code mimetype}, stored, and its content starts with {@code prefix}. */
    static boolean firstMemberIsMimetype(byte[] head, byte[] prefix) {
        int nameLength = firstNameLength(head);
        if (nameLength != MIMETYPE.length || head[8] != 0 || head[9] != 0
                || !java.util.Arrays.equals(head, LOCAL_HEADER_BYTES, LOCAL_HEADER_BYTES + nameLength, MIMETYPE, 0, MIMETYPE.length)) {
            return false;
        }
        int data = LOCAL_HEADER_BYTES + nameLength + (int) le(head, 28, 2);
        return data + prefix.length <= head.length && java.util.Arrays.equals(head, data, data + prefix.length, prefix, 0, prefix.length);
    }

    private static final byte[] MIMETYPE = "mimetype".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The first member's name length when its local header and name are in {@code head}, else -1. */
    private static int firstNameLength(byte[] head) {
        if (head.length < LOCAL_HEADER_BYTES || le(head, 0, 4) != LOCAL_SIGNATURE) {
            return -1;
        }
        int nameLength = (int) le(head, 26, 2);
        return LOCAL_HEADER_BYTES + nameLength <= head.length ? nameLength : -1;
    }

    private static long matching(byte[] bytes, int at, int length, List<byte[]> wanted, List<Boolean> suffix) {
        long found = 0;
        for (int i = 0; i < wanted.size(); i++) {
            byte[] name = wanted.get(i);
            boolean match = suffix.get(i)
                    ? length >= name.length && java.util.Arrays.equals(bytes, at + length - name.length, at + length, name, 0, name.length)
                    : length == name.length && java.util.Arrays.equals(bytes, at, at + length, name, 0, name.length);
            found |= match ? 1L << i : 0;
        }
        return found;
    }

    /** Where the end of central directory record starts, searched back from the end over the longest comment; -1 if none. */
    static long findEndRecord(Window tail, long size) {
        long lowest = Math.max(tail.start, size - END_RECORD_BYTES - MAX_COMMENT_BYTES);
        for (long at = size - END_RECORD_BYTES; at >= lowest; at--) {
            if (littleEndian(tail, at, 4) == END_SIGNATURE && at + END_RECORD_BYTES + littleEndian(tail, at + 20, 2) <= size) {
                return at;
            }
        }
        return -1;
    }

    /** A little-endian value in the window, or -1 where any of its bytes is outside it. */
    private static long littleEndian(Window window, long at, int bytes) {
        // Compared without adding to {@code at}: an offset read from the file may be near Long.MAX_VALUE.
        if (at < window.start || at > window.end() - bytes) {
            return -1;
        }
        return le(window.bytes, (int) (at - window.start), bytes);
    }

    private static long le(byte[] bytes, int at, int count) {
        long value = 0;
        for (int i = count - 1; i >= 0; i--) {
            value = value << 8 | (bytes[at + i] & 0xFF);
        }
        return value;
    }
}
