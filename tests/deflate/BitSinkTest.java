package deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bits leave least significant first (RFC 1951, 3.1.1), only as whole bytes, padded with zeros when aligned. */
class BitSinkTest {
    static byte[] drain(BitSink sink) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sink.drainTo(out);
        return out.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void bitsArePackedFromTheLowestBitOfEachByte() throws IOException {
        BitSink sink = new BitSink();
        sink.writeBits(0b1, 1);
        sink.writeBits(0b10, 2);
        sink.writeBits(0b11111, 5);
        sink.writeBits(0b101, 3);
        // 1, then 0 1, then 1 1 1 1 1 (first byte 1111_1101), then 1 0 1 in the next byte's low bits.
        assertArrayEquals(bytes(0b1111_1101), drain(sink), "only the whole byte leaves");
        sink.alignToByte();
        assertArrayEquals(bytes(0b101), drain(sink), "the partial byte leaves padded with zeros");
    }

    @Test
    void aPartialByteWaitsForMoreBits() throws IOException {
        BitSink sink = new BitSink();
        sink.writeBits(0x5, 4);
        assertArrayEquals(new byte[0], drain(sink));
        sink.writeBits(0xA, 4);
        assertArrayEquals(bytes(0xA5), drain(sink));
    }

    @Test
    void thirtyTwoBitsAtOnceAfterAnOddCount() throws IOException {
        BitSink sink = new BitSink();
        sink.writeBits(1, 3);
        sink.writeBits(0xDEADBEEF, 32);
        sink.alignToByte();
        long expected = 1L | 0xDEADBEEFL << 3;
        assertArrayEquals(bytes((int) expected, (int) (expected >>> 8), (int) (expected >>> 16), (int) (expected >>> 24),
                (int) (expected >>> 32)), drain(sink));
    }

    @Test
    void shortsAreLowByteFirstAndBytesGoAsTheyAre() throws IOException {
        BitSink sink = new BitSink();
        sink.writeBits(0b011, 3);
        sink.alignToByte();
        sink.writeShort(0x1234);
        sink.writeShort(~0x1234);
        sink.writeBytes(bytes(9, 8, 7, 6), 1, 2);
        assertArrayEquals(bytes(0b011, 0x34, 0x12, 0xCB, 0xED, 8, 7), drain(sink));
    }

    @Test
    void alignOnABoundaryAddsNothing() throws IOException {
        BitSink sink = new BitSink();
        sink.writeBits(0xAB, 8);
        sink.alignToByte();
        sink.alignToByte();
        assertArrayEquals(bytes(0xAB), drain(sink));
    }

    @Test
    void growsPastItsFirstBufferAndKeepsEveryBit() throws IOException {
        // Far more than the sink's first buffer, in writes of 1 to 32 bits, against a bit-by-bit reference.
        Random random = new Random(3);
        BitSink sink = new BitSink();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        int pending = 0;
        int pendingBits = 0;
        for (int i = 0; i < 200_000; i++) {
            int count = 1 + random.nextInt(32);
            int value = (int) (random.nextInt() & ((1L << count) - 1));
            sink.writeBits(value, count);
            for (int bit = 0; bit < count; bit++) {
                pending |= (value >>> bit & 1) << pendingBits++;
                if (pendingBits == 8) {
                    expected.write(pending);
                    pending = 0;
                    pendingBits = 0;
                }
            }
        }
        sink.alignToByte();
        if (pendingBits > 0) {
            expected.write(pending);
        }
        byte[] written = drain(sink);
        assertEquals(expected.size(), written.length);
        assertArrayEquals(expected.toByteArray(), written);
    }

    @Test
    void clearForgetsEverythingIncludingAPartialByte() throws IOException {
        BitSink sink = new BitSink();
        sink.writeBits(0x7FF, 11);
        sink.clear();
        sink.writeBits(0x3C, 8);
        assertArrayEquals(bytes(0x3C), drain(sink));
    }
}
