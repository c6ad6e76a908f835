package types;

/** Bytes of a file captured at a known place as the file streams past (in any chunks) or is read there. */
final class Window {
    final long start;
    final byte[] bytes;

    Window(long start, int length) {
        this.start = start;
        this.bytes = new byte[length];
    }

    long end() {
        return start + bytes.length;
    }

    /** Copies the part of the chunk {@code b[off, off+n)}, which is the file's bytes from {@code at}, that falls in this window. */
    void put(long at, byte[] b, int off, int n) {
        long from = Math.max(at, start);
        long to = Math.min(at + n, end());
        if (from < to) {
            System.arraycopy(b, off + (int) (from - at), bytes, (int) (from - start), (int) (to - from));
        }
    }

    /** The byte at {@code position} (0-255), or -1 outside the window. */
    int get(long position) {
        return position >= start && position < end() ? bytes[(int) (position - start)] & 0xFF : -1;
    }
}
