package deflate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The input that tells classic zlib from other deflaters, and what classic zlib makes of it. Built here, not
 * read from a file: prose-like text, random bytes, long zero runs, a 4-letter alphabet and a phrase repeated
 * at distances around the 32,506-byte match limit; longer than zlib's 64 KiB window (so it slides) and with
 * more than 16,383 symbols (so blocks end where only classic zlib ends them). It is deflated the two ways the
 * toolkit deflates: one stream in 64 KiB chunks, and a block after a 32 KiB dictionary, sync-flushed then
 * finished. Zlib-ng and other encoders differ on it from the first block.
 */
final class CanarySample {
    /** Chunks the single stream is fed in: the writer's read buffer. */
    private static final int CHUNK_BYTES = 64 << 10;
    /** The dictionary of the block case: a whole window, as a large entry's blocks get. */
    private static final int DICTIONARY_BYTES = Rfc1951.WINDOW_BYTES;

    /** SHA-256 of classic zlib's single stream of {@link #bytes()} (zlib 1.2.11, 1.2.13 and 1.3.2 agree). */
    static final String SINGLE_STREAM_SHA256 = "d02daeb268e8a35ec528a503cfc02f02f1100647b45eedf98eeff727cb0a3d89";
    /** SHA-256 of classic zlib's block case: the sync-flushed block, then the same block finished. */
    static final String BLOCK_SHA256 = "b673e68df7a27ff5dc90c360a61423d81e6ea739c71eaff0f5c766a1f27abc8f";

    private static final String[] WORDS = ("the of delivery and a to in texture is render plate shot version final "
            + "client review frame sequence colour grade 0042 v012 EXR 4096x2160 notes approved changes export "
            + "camera lens focal 35mm scene light key fill rim background matte alpha channel linear sRGB ACES")
            .split(" ");

    private CanarySample() {}

    /** The sample: about 100 KB, the same on every machine (its own generator, no locale, no clock). */
    static byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 17);
        long[] state = {0x9E3779B97F4A7C15L};
        StringBuilder text = new StringBuilder();
        while (text.length() < 40_000) {
            text.append(WORDS[(int) (next(state) >>> 33) % WORDS.length]);
            long shape = next(state) & 15;
            text.append(shape == 0 ? ".\n" : shape == 1 ? ", " : " ");
        }
        byte[] prose = text.toString().getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(prose);
        byte[] random = new byte[20_000];
        for (int i = 0; i < random.length; i++) {
            random[i] = (byte) next(state);
        }
        out.writeBytes(random);
        out.writeBytes(new byte[12_000]);
        for (int i = 0; i < 16_000; i++) {
            out.write("ACGT".charAt((int) (next(state) >>> 62)));
        }
        // A phrase of the prose again at 32,500-32,512 bytes' distance: some reachable, some just not.
        byte[] sofar = out.toByteArray();
        for (int k = 0; k < 13; k++) {
            out.write(sofar, sofar.length - 32_500 - k + 40 * k, 40);
        }
        out.write(random, 0, 4_000);
        return out.toByteArray();
    }

    /** The single stream's output. */
    static byte[] singleStream(RawDeflate deflate) {
        byte[] sample = bytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream(sample.length);
        try {
            deflate.reset();
            for (int offset = 0; offset < sample.length; offset += CHUNK_BYTES) {
                deflate.write(sample, offset, Math.min(CHUNK_BYTES, sample.length - offset), out);
            }
            deflate.finish(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The block case's output: the block sync-flushed, then the same block (same dictionary) finished. */
    static byte[] blocks(RawDeflate deflate) {
        byte[] sample = bytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream(sample.length);
        try {
            for (boolean last : new boolean[] {false, true}) {
                deflate.reset();
                deflate.setDictionary(sample, 0, DICTIONARY_BYTES);
                deflate.write(sample, DICTIONARY_BYTES, sample.length - DICTIONARY_BYTES, out);
                if (last) {
                    deflate.finish(out);
                } else {
                    deflate.syncFlush(out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
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
