package deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import support.DeflateInputs;

/** The JDK's Deflater behind RawDeflate: level 6, raw, its output whole whatever the buffer it drains through. */
class JdkDeflateTest {
    static final byte[] TEXT = DeflateInputs.make(DeflateInputs.Kind.TEXT, 300_000, new Random(6));

    static byte[] stream(RawDeflate deflate, byte[] input, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        deflate.reset();
        for (int at = 0; at < input.length; at += chunk) {
            deflate.write(input, at, Math.min(chunk, input.length - at), out);
        }
        deflate.finish(out);
        return out.toByteArray();
    }

    /** The plain JDK call, all at once: what JdkDeflate must equal. */
    static byte[] plain(byte[] input) {
        Deflater deflater = new Deflater(6, true);
        deflater.setInput(input);
        deflater.finish();
        byte[] out = new byte[input.length + input.length / 100 + 1024];
        int n = deflater.deflate(out);
        assertTrue(deflater.finished());
        deflater.end();
        return Arrays.copyOf(out, n);
    }

    static byte[] inflate(byte[] stream, byte[] dictionary, int length) throws Exception {
        Inflater inflater = new Inflater(true);
        if (dictionary != null) {
            inflater.setDictionary(dictionary);
        }
        inflater.setInput(stream);
        byte[] out = new byte[length + 1];
        int n = 0;
        for (int got; (got = inflater.inflate(out, n, out.length - n)) > 0; ) {
            n += got;
        }
        inflater.end();
        return Arrays.copyOf(out, n);
    }

    @Test
    void aStreamIsThePlainDeflatersWhateverTheBufferAndChunks() throws Exception {
        byte[] expected = plain(TEXT);
        for (int buffer : new int[] {1, 7, 4096, 1 << 16}) {
            RawDeflate deflate = new JdkDeflate(buffer);
            for (int chunk : new int[] {1 << 16, 1000, TEXT.length}) {
                assertArrayEquals(expected, stream(deflate, TEXT, chunk), "buffer " + buffer + ", chunks of " + chunk);
            }
            deflate.end();
        }
        assertArrayEquals(TEXT, inflate(expected, null, TEXT.length));
    }

    @Test
    void resetForgetsTheLastStream() throws Exception {
        RawDeflate deflate = new JdkDeflate(1 << 16);
        ByteArrayOutputStream abandoned = new ByteArrayOutputStream();
        deflate.write(TEXT, 0, 100_000, abandoned);
        byte[] small = Arrays.copyOf(TEXT, 5000);
        assertArrayEquals(plain(small), stream(deflate, small, 1 << 16), "nothing of the abandoned stream carries over");
        deflate.end();
    }

    @Test
    void aBlockAfterADictionaryIsSyncFlushedOnAByteBoundaryAndInflatesWithThatDictionary() throws Exception {
        byte[] dictionary = Arrays.copyOfRange(TEXT, 0, 32 << 10);
        byte[] block = Arrays.copyOfRange(TEXT, 32 << 10, (32 << 10) + (128 << 10));
        RawDeflate deflate = new JdkDeflate(block.length + 1024);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        deflate.reset();
        deflate.setDictionary(dictionary, 0, dictionary.length);
        deflate.write(block, 0, block.length, out);
        deflate.syncFlush(out);
        byte[] flushed = out.toByteArray();
        assertArrayEquals(new byte[] {0, 0, (byte) 0xFF, (byte) 0xFF}, Arrays.copyOfRange(flushed, flushed.length - 4, flushed.length),
                "the empty stored block of a sync flush");
        assertArrayEquals(block, inflate(flushed, dictionary, block.length));
        byte[] withoutDictionary = stream(deflate, block, block.length);
        assertTrue(withoutDictionary.length > flushed.length, "the dictionary's matches made it smaller");
        deflate.end();
    }

    @Test
    void aSyncFlushThatCouldFillTheBufferIsRefusedRatherThanCutShort() throws IOException {
        byte[] random = DeflateInputs.make(DeflateInputs.Kind.RANDOM, 20_000, new Random(1));
        RawDeflate deflate = new JdkDeflate(1024);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        deflate.reset();
        deflate.write(random, 0, random.length, out);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> deflate.syncFlush(out));
        assertTrue(e.getMessage().contains("1024-byte buffer"), e.getMessage());
        deflate.end();
    }

    @Test
    void endFreesTheNativeDeflater() {
        RawDeflate deflate = new JdkDeflate(64);
        deflate.end();
        assertThrows(NullPointerException.class, () -> deflate.write(TEXT, 0, 10, new ByteArrayOutputStream()),
                "the JDK's Deflater refuses work once ended");
    }
}
