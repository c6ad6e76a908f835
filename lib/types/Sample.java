package types;

/** What a detector reads of a file: its size, the bytes captured (by position), and its zip listing. */
interface Sample {
    long size();

    /** The byte at {@code position} (0-255), or -1 where it was not captured. */
    int byteAt(long position);

    /** Whether the file's last bytes hold a zip's end of central directory record. */
    boolean zipEndFound();

    /** Whether the file is a zip that this rule describes. */
    boolean zipMatches(Signature.ZipRule rule);

    /** A little-endian unsigned integer of {@code bytes} bytes, or -1 where one of them was not captured. */
    default long littleEndian(long position, int bytes) {
        long value = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            int b = byteAt(position + i);
            if (b < 0) {
                return -1;
            }
            value = value << 8 | b;
        }
        return value;
    }

    /** A big-endian unsigned integer, as {@link #littleEndian}. */
    default long bigEndian(long position, int bytes) {
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            int b = byteAt(position + i);
            if (b < 0) {
                return -1;
            }
            value = value << 8 | b;
        }
        return value;
    }
}
