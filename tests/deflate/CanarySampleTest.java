package deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import support.DeflateBlocks;
import support.DeflateDifferential;

/**
 * The canary: a sample large enough to pass through zlib's window and symbol buffer, the same on every call,
 * and the recorded digests of classic zlib's output of it, which the JDK's Deflater here (classic zlib) and
 * the toolkit's encoder both give.
 */
class CanarySampleTest {
    static final int DICTIONARY = 32 << 10;
    /** The block case's input: the sample's last 16 KiB (CanarySample.BLOCK_INPUT_BYTES). */
    static final int BLOCK = 16 << 10;

    /** The single stream's calls, made here so the output itself can be read: 64 KiB writes, then the finish. */
    static DeflateDifferential.Case singleStream() {
        return DeflateDifferential.oneStream(CanarySample.bytes(), 64 << 10, "the canary");
    }

    /** The block case's calls: the last 16 KiB after the 32 KiB before them, sync-flushed; then again, finished. */
    static DeflateDifferential.Case blocks() {
        byte[] sample = CanarySample.bytes();
        int block = sample.length - BLOCK;
        List<DeflateDifferential.Step> steps = new java.util.ArrayList<>();
        for (DeflateDifferential.Op end : List.of(DeflateDifferential.Op.SYNC_FLUSH, DeflateDifferential.Op.FINISH)) {
            steps.add(new DeflateDifferential.Step(DeflateDifferential.Op.RESET, 0, 0));
            steps.add(new DeflateDifferential.Step(DeflateDifferential.Op.DICTIONARY, block - DICTIONARY, DICTIONARY));
            steps.add(new DeflateDifferential.Step(DeflateDifferential.Op.WRITE, block, BLOCK));
            steps.add(new DeflateDifferential.Step(end, 0, 0));
        }
        return new DeflateDifferential.Case(0, -1, "the canary's block", sample, "sync-flushed, then finished", steps);
    }

    static CanarySample.Digest digest(byte[] output) {
        CRC32 crc = new CRC32();
        crc.update(output);
        return new CanarySample.Digest(crc.getValue(), output.length);
    }

    @Test
    void theSampleIsLargerThanZlibsWindowBufferAndTheSameEveryCall() {
        byte[] sample = CanarySample.bytes();
        assertTrue(sample.length > 64 << 10, "past the 64 KiB window buffer, so the window slides: " + sample.length);
        byte[] again = CanarySample.bytes();
        assertNotSame(sample, again, "a copy each call: no caller can change the next one's");
        assertArrayEquals(sample, again);
        sample[0] ^= 1;
        assertArrayEquals(again, CanarySample.bytes(), "changing a copy changes nothing");
    }

    @Test
    void theSingleStreamHoldsMoreThanOneBlocksWorthOfSymbols() {
        // More than zlib's 16,383 symbols per block: a block ended because the buffer was full, not by the finish.
        byte[] output = DeflateDifferential.ours(singleStream(), new ClassicZlibEncoder());
        assertTrue(CanarySample.SINGLE_STREAM.matches(digest(output)), "these are the canary's calls: " + digest(output));
        List<DeflateBlocks.Block> blocks = DeflateBlocks.read(output);
        assertTrue(blocks.size() >= 2, blocks.toString());
        assertTrue(blocks.stream().anyMatch(block -> block.symbols() == BlockWriter.SYMBOLS_PER_BLOCK), blocks.toString());
        assertEquals(CanarySample.bytes().length, blocks.stream().mapToInt(DeflateBlocks.Block::bytes).sum());
    }

    @Test
    void theJdksDeflaterOnThisMachinesClassicZlibGivesTheRecordedDigests() {
        JdkDeflate jdk = new JdkDeflate(CanarySample.bytes().length * 2);
        assertTrue(CanarySample.SINGLE_STREAM.matches(CanarySample.singleStream(jdk)), CanarySample.singleStream(jdk).toString());
        assertTrue(CanarySample.BLOCKS.matches(CanarySample.blocks(jdk)), CanarySample.blocks(jdk).toString());
        jdk.end();
    }

    @Test
    void theToolkitsEncoderGivesTheRecordedDigests() {
        ClassicZlibEncoder encoder = new ClassicZlibEncoder();
        assertTrue(CanarySample.SINGLE_STREAM.matches(CanarySample.singleStream(encoder)));
        assertTrue(CanarySample.BLOCKS.matches(CanarySample.blocks(encoder)));
        // Once more on the same encoder: the digests do not depend on what it deflated before.
        assertTrue(CanarySample.SINGLE_STREAM.matches(CanarySample.singleStream(encoder)));
    }

    @Test
    void theBlockCaseIsASyncFlushedBlockThenTheSameBlockFinishedEachInflatingWithItsDictionary() throws Exception {
        byte[] output = DeflateDifferential.ours(blocks(), new ClassicZlibEncoder());
        assertTrue(CanarySample.BLOCKS.matches(digest(output)), "these are the canary's block calls: " + digest(output));
        byte[] sample = CanarySample.bytes();
        byte[] dictionary = Arrays.copyOfRange(sample, sample.length - BLOCK - DICTIONARY, sample.length - BLOCK);
        byte[] block = Arrays.copyOfRange(sample, sample.length - BLOCK, sample.length);
        DeflateBlocks.Block marker = DeflateBlocks.read(output).stream()
                .filter(b -> b.type() == DeflateBlocks.STORED && b.bytes() == 0).findFirst().orElseThrow();
        byte[] flushed = Arrays.copyOf(output, marker.end());
        byte[] finished = Arrays.copyOfRange(output, marker.end(), output.length);
        assertArrayEquals(new byte[] {0, 0, (byte) 0xFF, (byte) 0xFF}, Arrays.copyOfRange(flushed, flushed.length - 4, flushed.length));
        assertArrayEquals(block, JdkDeflateTest.inflate(flushed, dictionary, block.length));
        assertArrayEquals(block, JdkDeflateTest.inflate(finished, dictionary, block.length));
        List<DeflateBlocks.Block> last = DeflateBlocks.read(finished);
        assertTrue(last.get(last.size() - 1).last());
    }

    @Test
    void aDeflaterOneStepAwayFromClassicZlibGetsOtherDigests() {
        // Level 5 instead of 6: the digests tell even a near miss from classic zlib's level 6.
        RawDeflate level5 = DeflatersTest.jdkAtLevel(5);
        assertFalse(CanarySample.SINGLE_STREAM.matches(CanarySample.singleStream(level5)));
        assertFalse(CanarySample.BLOCKS.matches(CanarySample.blocks(level5)));
        level5.end();
    }

    @Test
    void aDigestIsItsCrcAndLength() {
        CanarySample.Digest recorded = CanarySample.SINGLE_STREAM;
        assertTrue(new CanarySample.Digest(recorded.crc, recorded.length).matches(recorded));
        assertFalse(new CanarySample.Digest(recorded.crc, recorded.length + 1).matches(recorded));
        assertFalse(new CanarySample.Digest(recorded.crc ^ 1, recorded.length).matches(recorded));
        assertEquals("crc32 abc, 12 bytes", new CanarySample.Digest(0xabcL, 12).toString());
    }
}
