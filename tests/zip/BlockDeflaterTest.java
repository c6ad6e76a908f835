package zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A large entry's blocks: one ordinary deflate stream, the same bytes on any number of threads. */
class BlockDeflaterTest {
    static final int BLOCK = ZipPolicyV1.DEFLATE_BLOCK_BYTES;

    /** Deflates through an entry as the packer does, fed in 64 KiB writes, on {@code threads} threads (0: the caller). */
    static byte[] deflate(byte[] input, int threads) throws Exception {
        ExecutorService pool = threads == 0 ? null : Executors.newFixedThreadPool(threads);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DeterministicZipWriter.Entry entry = DeterministicZipWriter.openEntry("plate.exr", input.length, out,
                    pool == null ? DeterministicZipWriter.BlockPool.CALLER : new DeterministicZipWriter.BlockPool(pool, threads));
            for (int off = 0; off < input.length; off += 1 << 16) {
                entry.write(input, off, Math.min(1 << 16, input.length - off));
            }
            entry.close();
            return out.toByteArray();
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    static byte[] inflate(byte[] deflated, int expectedLength) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        inflater.setInput(deflated);
        byte[] out = new byte[expectedLength + 1];
        int n = 0;
        while (!inflater.finished() && n < out.length) {
            int got = inflater.inflate(out, n, out.length - n);
            if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                break;
            }
            n += got;
        }
        assertTrue(inflater.finished(), "one complete deflate stream");
        assertEquals(0, inflater.getRemaining(), "nothing after the stream's end");
        inflater.end();
        return java.util.Arrays.copyOf(out, n);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 8})
    void theSameBytesOnAnyNumberOfThreadsAndTheyInflateBack(int threads) throws Exception {
        // An exact multiple of the block size, one byte more, and a partial last block.
        for (int length : new int[] {40 * BLOCK, 40 * BLOCK + 1, 41 * BLOCK - 777}) {
            byte[] input = support.TempTrees.compressibleText(length);
            byte[] reference = deflate(input, 0);
            assertArrayEquals(reference, deflate(input, threads), length + " bytes on " + threads + " threads");
            assertArrayEquals(input, inflate(reference, length));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {5 << 20, 12 << 20})
    void theBlocksCostLittleAgainstOneStream(int length) throws Exception {
        byte[] input = support.TempTrees.compressibleText(length);
        Deflater one = new Deflater(ZipPolicyV1.DEFLATE_LEVEL, true);
        one.setInput(input);
        one.finish();
        byte[] buffer = new byte[length];
        int single = 0;
        while (!one.finished()) {
            single += one.deflate(buffer);
        }
        one.end();
        int blocks = deflate(input, 2).length;
        assertTrue(blocks <= single * 1.005, "blocks " + blocks + " vs one stream " + single + " (within 0.5 %)");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, ZipPolicyV1.BLOCK_DEFLATE_MIN_BYTES})
    void entriesUpToTheThresholdKeepOneStream(long length) throws Exception {
        byte[] input = support.TempTrees.compressibleText((int) length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DeterministicZipWriter.Entry entry = DeterministicZipWriter.openEntry("a.txt", length, out);
        entry.write(input, 0, input.length);
        entry.close();
        Deflater one = new Deflater(ZipPolicyV1.DEFLATE_LEVEL, true);
        one.setInput(input);
        one.finish();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (!one.finished()) {
            expected.write(buffer, 0, one.deflate(buffer));
        }
        one.end();
        assertArrayEquals(expected.toByteArray(), out.toByteArray());
    }
}
