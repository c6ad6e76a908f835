package deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import support.DeflateBlocks;

/** A block's symbols written stored, fixed or with its own code, whichever is cheapest; each inflates back. */
class BlockWriterTest {
    /** Writes the block as the last of a stream and returns the stream. */
    static byte[] lastBlock(BlockWriter block, byte[] window, int start, int length) throws IOException {
        BitSink sink = new BitSink();
        block.write(window, start, length, true, sink);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sink.drainTo(out);
        return out.toByteArray();
    }

    static byte[] inflate(byte[] stream) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        inflater.setInput(stream);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && !inflater.finished() && inflater.needsInput()) {
                throw new DataFormatException("the stream ends early");
            }
            out.write(buffer, 0, n);
        }
        assertEquals(0, inflater.getRemaining(), "nothing after the last block");
        inflater.end();
        return out.toByteArray();
    }

    static BlockWriter literals(byte[] bytes) {
        BlockWriter block = new BlockWriter();
        for (byte b : bytes) {
            assertFalse(block.literal(b & 0xFF));
        }
        return block;
    }

    static int onlyBlockType(byte[] stream) {
        List<DeflateBlocks.Block> blocks = DeflateBlocks.read(stream);
        assertEquals(1, blocks.size());
        assertTrue(blocks.get(0).last());
        return blocks.get(0).type();
    }

    @Test
    void anEmptyLastBlockIsTheTwoBytesOfAnEmptyFixedBlock() throws Exception {
        BlockWriter block = new BlockWriter();
        assertTrue(block.isEmpty());
        byte[] stream = lastBlock(block, new byte[0], 0, 0);
        assertArrayEquals(new byte[] {0x03, 0x00}, stream, "BFINAL, fixed, end of block, padding");
        assertArrayEquals(new byte[0], inflate(stream));
    }

    @Test
    void aFewLiteralsGoFixed() throws Exception {
        byte[] text = "hello".getBytes(StandardCharsets.US_ASCII);
        byte[] stream = lastBlock(literals(text), text, 0, text.length);
        assertEquals(DeflateBlocks.FIXED, onlyBlockType(stream));
        assertArrayEquals(text, inflate(stream));
    }

    @Test
    void skewedTextGetsItsOwnCode() throws Exception {
        byte[] text = "abracadabra, a bad cab; ".repeat(60).getBytes(StandardCharsets.US_ASCII);
        byte[] stream = lastBlock(literals(text), text, 0, text.length);
        assertEquals(DeflateBlocks.DYNAMIC, onlyBlockType(stream));
        assertArrayEquals(text, inflate(stream));
        assertTrue(stream.length < text.length * 5 / 8, "its own code beats 8 bits a letter: " + stream.length);
    }

    @Test
    void randomBytesGoStoredWhileInTheWindowAndCodedOnceTheyLeftIt() throws Exception {
        byte[] random = new byte[4000];
        new Random(7).nextBytes(random);
        byte[] stored = lastBlock(literals(random), random, 0, random.length);
        assertEquals(DeflateBlocks.STORED, onlyBlockType(stored));
        assertEquals(random.length + 5, stored.length, "header byte, length, complement, the bytes");
        assertArrayEquals(random, inflate(stored));

        byte[] coded = lastBlock(literals(random), random, -1, random.length);
        assertNotEquals(DeflateBlocks.STORED, onlyBlockType(coded), "a block whose bytes left the window cannot be stored");
        assertArrayEquals(random, inflate(coded));
    }

    @Test
    void storedBlockBytesAreTheRfcs() throws IOException {
        BitSink sink = new BitSink();
        BlockWriter.writeStored("abc".getBytes(StandardCharsets.US_ASCII), 0, 3, true, sink);
        BlockWriter.writeStored(new byte[0], 0, 0, false, sink);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sink.drainTo(out);
        assertArrayEquals(new byte[] {0x01, 0x03, 0x00, (byte) 0xFC, (byte) 0xFF, 'a', 'b', 'c', 0x00, 0x00, 0x00, (byte) 0xFF,
                (byte) 0xFF}, out.toByteArray(), "BFINAL stored, LEN, NLEN, data; then the empty sync marker");
    }

    @Test
    void everyLengthAndEveryDistanceCodeInflatesBack() throws Exception {
        // Random literals, then matches of every length 3..258 at distances from 1 to 32,768, the expected bytes
        // copied as an inflater would: a wrong length, distance or extra bit shows as other bytes.
        Random random = new Random(1951);
        byte[] bytes = new byte[3000 + 3 * 256 * 258];
        int size = 0;
        BlockWriter block = new BlockWriter();
        for (; size < 3000; size++) {
            bytes[size] = (byte) random.nextInt(256);
            block.literal(bytes[size] & 0xFF);
        }
        int[] distances = {1, 2, 3, 4, 5, 8, 9, 16, 17, 256, 257, 4096, 4097, 24_577, 32_767, 32_768};
        for (int round = 0; round < 3; round++) {
            for (int length = 3; length <= 258; length++) {
                int distance = Math.min(size, round == 0 ? 1 + random.nextInt(32_768) : distances[length % distances.length]);
                assertFalse(block.match(distance, length - 3));
                for (int k = 0; k < length; k++, size++) {
                    bytes[size] = bytes[size - distance];
                }
            }
        }
        bytes = java.util.Arrays.copyOf(bytes, size);
        assertTrue(size > 32_768 + 258, "every distance reachable");
        byte[] stream = lastBlock(block, bytes, 0, size);
        assertEquals(DeflateBlocks.DYNAMIC, onlyBlockType(stream));
        assertEquals(3000 + 3 * 256, DeflateBlocks.read(stream).get(0).symbols());
        assertArrayEquals(bytes, inflate(stream));
    }

    @Test
    void aBlockIsFullAtZlibsSymbolBufferAndStartsEmptyAfterItIsWritten() throws Exception {
        assertEquals(16_383, BlockWriter.SYMBOLS_PER_BLOCK);
        BlockWriter block = new BlockWriter();
        byte[] bytes = new byte[BlockWriter.SYMBOLS_PER_BLOCK - 1 + 3];
        for (int i = 0; i < BlockWriter.SYMBOLS_PER_BLOCK - 1; i++) {
            bytes[i] = (byte) (i * 31 % 7);
            assertFalse(block.literal(bytes[i]), "symbol " + (i + 1));
        }
        assertTrue(block.match(1, 0), "the 16,383rd symbol fills it, a match as well as a literal");
        for (int i = BlockWriter.SYMBOLS_PER_BLOCK - 1; i < bytes.length; i++) {
            bytes[i] = bytes[i - 1];
        }
        byte[] stream = lastBlock(block, bytes, 0, bytes.length);
        assertEquals(BlockWriter.SYMBOLS_PER_BLOCK, DeflateBlocks.read(stream).get(0).symbols());
        assertArrayEquals(bytes, inflate(stream));
        assertTrue(block.isEmpty(), "written: the next block starts empty");
        assertArrayEquals(new byte[] {0x03, 0x00}, lastBlock(block, bytes, 0, 0), "and has no symbols of the last one");
    }

    @Test
    void aBlockThatIsNotTheLastLeavesItsBitsOpenForTheNext() throws Exception {
        byte[] first = "first block, not the last; ".repeat(20).getBytes(StandardCharsets.US_ASCII);
        byte[] second = "second".getBytes(StandardCharsets.US_ASCII);
        BitSink sink = new BitSink();
        BlockWriter block = literals(first);
        block.write(first, 0, first.length, false, sink);
        for (byte b : second) {
            block.literal(b);
        }
        block.write(second, 0, second.length, true, sink);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sink.drainTo(out);
        List<DeflateBlocks.Block> blocks = DeflateBlocks.read(out.toByteArray());
        assertEquals(2, blocks.size());
        assertFalse(blocks.get(0).last());
        assertEquals(first.length, blocks.get(0).bytes());
        assertEquals(second.length, blocks.get(1).bytes());
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        assertArrayEquals(both, inflate(out.toByteArray()));
    }
}
