package secrets;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Lines of one scanned stream, for a finding's line and column. Lines are counted only in bytes dropped
 * from the scanner's buffer, and located only for a finding: the automaton never stops at a newline.
 */
final class LineCounter {
    /** The buffer read as little-endian longs, for counting newlines eight bytes at a time. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A_0A0A_0A0A_0A0AL;
    private static final long LOW_SEVEN_BITS = 0x7F7F_7F7F_7F7F_7F7FL;

    /** Newlines before the buffer's first byte, and the stream offset after the last of them. */
    private long linesBefore;
    private long lineStartBefore;

    /**
     * Counts the newlines in buffer[0, end), about to be dropped, eight bytes at a time: a byte of
     * {@code v ^ 0x0A..} is zero where a newline was, and the classic zero-byte test marks it with its top bit.
     *
     * @param base the stream offset of buffer[0]
     */
    void countDropped(byte[] buffer, long base, int end) {
        int i = 0;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long v = (long) LONGS.get(buffer, i) ^ NEWLINES;
            long zeros = ~(((v & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | v | LOW_SEVEN_BITS);
            if (zeros != 0) {
                linesBefore += Long.bitCount(zeros);
                lineStartBefore = base + i + (63 - Long.numberOfLeadingZeros(zeros)) / 8 + 1;
            }
        }
        for (; i < end; i++) {
            if (buffer[i] == '\n') {
                linesBefore++;
                lineStartBefore = base + i + 1;
            }
        }
    }

    /** The 1-based line of buffer index {@code at}: those before the buffer, then the buffer's (only for a finding). */
    long lineOf(byte[] buffer, int at) {
        long line = linesBefore + 1;
        for (int i = 0; i < at; i++) {
            if (buffer[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The 1-based column of buffer index {@code at}, in bytes from the start of its line. */
    long columnOf(byte[] buffer, long base, int at) {
        return base + at - lineStartOf(buffer, base, at) + 1;
    }

    /** Where the line of buffer index {@code at} starts, as a stream offset. */
    private long lineStartOf(byte[] buffer, long base, int at) {
        for (int i = at - 1; i >= 0; i--) {
            if (buffer[i] == '\n') {
                return base + i + 1;
            }
        }
        return lineStartBefore;
    }
}
