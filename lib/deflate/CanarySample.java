package deflate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The input that tells classic zlib from other deflaters, and what classic zlib makes of it. Built here, not
 * read from a file: prose-like text, random bytes, a zero run, a 4-letter alphabet and a phrase repeated at
 * distances around the 32,506-byte match limit; longer than zlib's 64 KiB window (so it slides) and with
 * more than 16,383 symbols (so blocks end where only classic zlib ends them). It is deflated the two ways the
 * toolkit deflates: one stream in 64 KiB chunks, and its last 16 KiB after a 32 KiB dictionary, sync-flushed
 * then finished. Zlib-ng and other encoders differ on it from the first block.
 */
final class CanarySample {
    /** Chunks the single stream is fed in: the writer's read buffer. */
    private static final int CHUNK_BYTES = 64 << 10;
    /** The dictionary of the block case: a whole window, as a large entry's blocks get. */
    private static final int DICTIONARY_BYTES = Rfc1951.WINDOW_BYTES;
    /** The block case's input after its dictionary: enough for a dictionary's reach, small enough to be quick. */
    private static final int BLOCK_INPUT_BYTES = 16 << 10;

    /** Classic zlib's single stream of {@link #bytes()}: its CRC-32 and length (zlib 1.2.11, 1.2.13 and 1.3.2 agree). */
    static final Digest SINGLE_STREAM = new Digest(0x441c3775L, 33_221);
    /** Classic zlib's block case: the sync-flushed block, then the same block finished. */
    static final Digest BLOCKS = new Digest(0xcba449a1L, 22_766);

    private static final byte[] WORDS = ("the of delivery and a to in texture is render plate shot version final "
            + "client review frame sequence colour grade 0042 v012 EXR 4096x2160 notes approved changes export "
            + "camera lens focal 35mm scene light key fill rim background matte alpha channel linear sRGB ACES ")
            .getBytes(StandardCharsets.US_ASCII);
    /**
     * The parts' sizes. Random bytes and zeros are cheap for every deflater (short chains, long matches) and
     * make the sample long and many-symboled; prose and a 4-letter alphabet, which make zlib search whole
     * hash chains, are kept small, so the check costs a few milliseconds.
     */
    private static final int PROSE_BYTES = 8_000;
    private static final int RANDOM_BYTES = 20_000;
    private static final int ZERO_BYTES = 30_000;
    private static final int LETTER_BYTES = 4_000;
    private static final int SAMPLE_BYTES = 72_000;
    private static final byte[] SAMPLE = build();

    private CanarySample() {}

    /** The sample: 72,000 bytes, the same on every machine (its own generator: no locale, no clock, no JDK's). */
    static byte[] bytes() {
        return SAMPLE.clone();
    }

    private static byte[] build() {
        byte[] sample = new byte[SAMPLE_BYTES];
        long[] state = {0x9E3779B97F4A7C15L};
        int at = 0;
        // Prose: runs of the word list from random places, with line ends.
        while (at < PROSE_BYTES) {
            long r = next(state);
            int from = (int) ((r >>> 33) % (WORDS.length - 40));
            int length = 8 + (int) (r & 31);
            System.arraycopy(WORDS, from, sample, at, length);
            at += length;
            sample[at++] = (byte) ((r & 0x300) == 0 ? '\n' : ' ');
        }
        at = random(sample, at, RANDOM_BYTES, state);
        at += ZERO_BYTES;
        for (int end = at + LETTER_BYTES; at < end; at += 32) {
            long r = next(state);
            for (int k = 0; k < 32; k++) {
                sample[at + k] = (byte) "ACGT".charAt((int) (r >>> (2 * k)) & 3);
            }
        }
        // Phrases again at 32,500-32,512 bytes' distance: some within the 32,506-byte reach, some just not.
        for (int k = 0; k < 13; k++, at += 40) {
            System.arraycopy(sample, at - 32_500 - k, sample, at, 40);
        }
        random(sample, at, sample.length - at, state);
        return sample;
    }

    private static int random(byte[] sample, int at, int count, long[] state) {
        for (int end = at + count; at < end; at += Long.BYTES) {
            long r = next(state);
            for (int k = 0; k < Long.BYTES && at + k < end; k++) {
                sample[at + k] = (byte) (r >>> (8 * k));
            }
        }
        return at;
    }

    /**
     * Output as its CRC-32 and length. A plain class, not a record, and no string concatenation: their first
     * use in a JVM costs milliseconds of bootstrapping, more than the check itself.
     */
    static final class Digest {
        final long crc;
        final long length;

        Digest(long crc, long length) {
            this.crc = crc;
            this.length = length;
        }

        boolean matches(Digest other) {
            return crc == other.crc && length == other.length;
        }

        @Override
        public String toString() {
            return new StringBuilder("crc32 ").append(Long.toHexString(crc)).append(", ").append(length).append(" bytes").toString();
        }
    }

    /** The single stream's output, as its CRC-32 and length. */
    static Digest singleStream(RawDeflate deflate) {
        Output out = new Output();
        try {
            deflate.reset();
            for (int offset = 0; offset < SAMPLE.length; offset += CHUNK_BYTES) {
                deflate.write(SAMPLE, offset, Math.min(CHUNK_BYTES, SAMPLE.length - offset), out);
            }
            deflate.finish(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.digest();
    }

    /** The block case's output (the block sync-flushed, then the same block finished), as its CRC-32 and length. */
    static Digest blocks(RawDeflate deflate) {
        Output out = new Output();
        try {
            for (boolean last : new boolean[] {false, true}) {
                deflate.reset();
                deflate.setDictionary(SAMPLE, SAMPLE.length - BLOCK_INPUT_BYTES - DICTIONARY_BYTES, DICTIONARY_BYTES);
                deflate.write(SAMPLE, SAMPLE.length - BLOCK_INPUT_BYTES, BLOCK_INPUT_BYTES, out);
                if (last) {
                    deflate.finish(out);
                } else {
                    deflate.syncFlush(out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.digest();
    }

    /**
     * Output summed as it comes, never kept. CRC-32 and not SHA-256: the JDK computes it natively even before
     * the JIT warms up (SHA-256 of the same bytes costs the cold check milliseconds), and nobody forges a
     * canary's output: a different encoder differs in its CRC but once in four billion.
     */
    private static final class Output extends OutputStream {
        private final CRC32 crc = new CRC32();
        private long length;

        @Override
        public void write(int b) {
            crc.update(b);
            length++;
        }

        @Override
        public void write(byte[] bytes, int offset, int count) {
            crc.update(bytes, offset, count);
            length += count;
        }

        Digest digest() {
            return new Digest(crc.getValue(), length);
        }
    }

    /** xorshift64*: a generator of our own, so the sample never changes with the JDK. */
    private static long next(long[] state) {
        long x = state[0];
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        state[0] = x;
        return x * 0x2545F4914F6CDD1DL;
    }
}
