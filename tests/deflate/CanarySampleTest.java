package deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import support.DeflateBlocks;

/**
 * The canary: a sample large enough to pass through every buffer of zlib's, the same on every call, and the
 * recorded digests of classic zlib's output of it, which the JDK's Deflater here (classic zlib) and the
 * toolkit's encoder both give.
 */
class CanarySampleTest {
    static final int DICTIONARY = 32 << 10;

    @Test
    void theSampleIsLargerThanZlibsBuffersAndTheSameEveryCall() {
        byte[] sample = CanarySample.bytes();
        assertTrue(sample.length > 64 << 10, "past the 64 KiB window buffer, so the window slides: " + sample.length);
        byte[] again = CanarySample.bytes();
        assertNotSame(sample, again, "a fresh array each call: no caller can change the next one's");
        assertArrayEquals(sample, again);
    }

    @Test
    void theSingleStreamHoldsMoreThanOneBlocksWorthOfSymbols() {
        // More than zlib's 16,383 symbols per block: a block ended because the buffer was full, not by the finish.
        List<DeflateBlocks.Block> blocks = DeflateBlocks.read(CanarySample.singleStream(new ClassicZlibEncoder()));
        assertTrue(blocks.size() >= 2, blocks.toString());
        assertTrue(blocks.stream().anyMatch(block -> block.symbols() == BlockWriter.SYMBOLS_PER_BLOCK), blocks.toString());
        assertEquals(CanarySample.bytes().length, blocks.stream().mapToInt(DeflateBlocks.Block::bytes).sum());
    }

    @Test
    void theJdksDeflaterOnThisMachinesClassicZlibGivesTheRecordedDigests() {
        JdkDeflate jdk = new JdkDeflate(CanarySample.bytes().length * 2);
        assertEquals(CanarySample.SINGLE_STREAM_SHA256, CanarySample.sha256(CanarySample.singleStream(jdk)));
        assertEquals(CanarySample.BLOCK_SHA256, CanarySample.sha256(CanarySample.blocks(jdk)));
        jdk.end();
    }

    @Test
    void theToolkitsEncoderGivesTheRecordedDigests() {
        ClassicZlibEncoder encoder = new ClassicZlibEncoder();
        assertEquals(CanarySample.SINGLE_STREAM_SHA256, CanarySample.sha256(CanarySample.singleStream(encoder)));
        assertEquals(CanarySample.BLOCK_SHA256, CanarySample.sha256(CanarySample.blocks(encoder)));
        // Once more on the same encoder: the digests do not depend on what it deflated before.
        assertEquals(CanarySample.SINGLE_STREAM_SHA256, CanarySample.sha256(CanarySample.singleStream(encoder)));
    }

    @Test
    void theBlockCaseIsASyncFlushedBlockThenTheSameBlockFinishedEachInflatingWithItsDictionary() throws Exception {
        byte[] sample = CanarySample.bytes();
        byte[] dictionary = Arrays.copyOf(sample, DICTIONARY);
        byte[] block = Arrays.copyOfRange(sample, DICTIONARY, sample.length);
        byte[] both = CanarySample.blocks(new ClassicZlibEncoder());
        int marker = indexOfSyncMarker(both);
        byte[] flushed = Arrays.copyOf(both, marker + 4);
        byte[] finished = Arrays.copyOfRange(both, marker + 4, both.length);
        assertArrayEquals(block, JdkDeflateTest.inflate(flushed, dictionary, block.length));
        assertArrayEquals(block, JdkDeflateTest.inflate(finished, dictionary, block.length));
        assertTrue(DeflateBlocks.read(finished).get(DeflateBlocks.read(finished).size() - 1).last());
    }

    @Test
    void aDeflaterOneStepAwayFromClassicZlibGetsOtherDigests() {
        // Level 5 instead of 6: the digests tell even a near miss from classic zlib's level 6.
        RawDeflate level5 = DeflatersTest.jdkAtLevel(5);
        assertNotEquals(CanarySample.SINGLE_STREAM_SHA256, CanarySample.sha256(CanarySample.singleStream(level5)));
        assertNotEquals(CanarySample.BLOCK_SHA256, CanarySample.sha256(CanarySample.blocks(level5)));
        level5.end();
    }

    /** Where the first stream's sync flush starts: the empty stored block 00 00 ff ff after its blocks. */
    static int indexOfSyncMarker(byte[] stream) {
        DeflateBlocks.Block marker = DeflateBlocks.read(stream).stream()
                .filter(b -> b.type() == DeflateBlocks.STORED && b.bytes() == 0).findFirst().orElseThrow();
        assertArrayEquals(new byte[] {0, 0, (byte) 0xFF, (byte) 0xFF}, Arrays.copyOfRange(stream, marker.end() - 4, marker.end()));
        return marker.end() - 4;
    }
}
