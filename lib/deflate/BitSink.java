package deflate;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A deflate stream's bits on their way out: packed least significant bit first (RFC 1951, 3.1.1) into
 * bytes held until the encoder hands them on. Only whole bytes leave; the last partial byte waits for more
 * bits or for {@link #alignToByte}, which pads it with zeros.
 */
final class BitSink {
    /** Room for one block's output in the common case; grows for the rare larger one. */
    private static final int INITIAL_BYTES = 1 << 16;

    private byte[] bytes = new byte[INITIAL_BYTES];
    private int size;
    /** Bits not yet in {@link #bytes}, the oldest in the lowest place. */
    private long bits;
    private int bitCount;

    /** Appends {@code count} bits (at most 32) of {@code value}, which has no bit set above them (not masked here). */
    void writeBits(int value, int count) {
        bits |= (value & 0xFFFFFFFFL) << bitCount;
        bitCount += count;
        if (bitCount >= 32) {
            ensureRoom(4);
            int word = (int) bits;
            bytes[size] = (byte) word;
            bytes[size + 1] = (byte) (word >>> 8);
            bytes[size + 2] = (byte) (word >>> 16);
            bytes[size + 3] = (byte) (word >>> 24);
            size += 4;
            bits >>>= 32;
            bitCount -= 32;
        }
    }

    /** Ends the partial byte, its unused high bits zero, as a stored block's header and a stream's end need. */
    void alignToByte() {
        ensureRoom(8);
        while (bitCount > 0) {
            bytes[size++] = (byte) bits;
            bits >>>= 8;
            bitCount -= 8;
        }
        bits = 0;
        bitCount = 0;
    }

    /** Appends bytes as they are; the bits before them must end on a byte. */
    void writeBytes(byte[] from, int offset, int length) {
        ensureRoom(length);
        System.arraycopy(from, offset, bytes, size, length);
        size += length;
    }

    /** Appends a 16-bit value, low byte first; the bits before it must end on a byte. */
    void writeShort(int value) {
        ensureRoom(2);
        bytes[size++] = (byte) value;
        bytes[size++] = (byte) (value >>> 8);
    }

    /** Hands every whole byte on (a partial byte stays) and forgets them. */
    void drainTo(OutputStream out) throws IOException {
        if (bitCount >= 8) {
            ensureRoom(4);
            while (bitCount >= 8) {
                bytes[size++] = (byte) bits;
                bits >>>= 8;
                bitCount -= 8;
            }
        }
        if (size > 0) {
            out.write(bytes, 0, size);
            size = 0;
        }
    }

    /** Drops everything, for a new stream. */
    void clear() {
        size = 0;
        bits = 0;
        bitCount = 0;
    }

    private void ensureRoom(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
