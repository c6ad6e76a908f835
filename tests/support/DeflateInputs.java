package support;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Inputs for the differential test of the toolkit's DEFLATE encoder: bytes of a given size and kind, each
 * kind one that has told deflaters apart (shared/notes/deflate-identity.md): text, source code, random
 * bytes, long zero runs, low entropy, all 256 byte values, phrases repeated at distances around the 32 KiB
 * window, render-like float data, runs, periodic data and copies at any distance. Reproducible from the
 * {@link Random} given; sizes favour the edges of zlib's window and internal buffers.
 */
public final class DeflateInputs {
    /** What an input is made of. */
    public enum Kind { TEXT, SOURCE, RANDOM, ZEROS, LOW_ENTROPY, ALL_BYTES, NEAR_WINDOW, FLOATS, RUNS, PERIODIC, COPIES, MIXED }

    /**
     * Where zlib's buffers end: symbols per block (16,383), the farthest match (32,506), the window, the
     * two-window buffer, the toolkit's 128 KiB block and twice it.
     */
    public static final int[] EDGES = {16_383, 16_384, 32_506, 32_768, 65_536, 131_072, 262_144};
    /** How far around an edge a size lands. */
    static final int EDGE_SPREAD = 400;
    /** The largest input the tests make. */
    public static final int MAX_SIZE = 2 << 20;
    /** The toolkit's block of a large entry (zip.ZipPolicyV1.DEFLATE_BLOCK_BYTES). */
    public static final int BLOCK = 128 << 10;
    /** Distances just inside and just outside zlib's reach (32,506), and near the window's 32,768. */
    static final int[][] NEAR_WINDOW_DISTANCES = {{32_500, 32_512}, {32_755, 32_775}};

    private static final String[] KEYWORDS = {"if", "for", "return", "static", "final", "int", "void", "class", "new",
            "while", "else", "public", "private", "byte[]", "null", "true", "this"};

    private DeflateInputs() {}

    /**
     * A size: most small (a third under 300 bytes, 0-4 bytes among them), one in eight at an {@link #EDGES
     * edge} give or take {@link #EDGE_SPREAD}, one in 250 above 128 KiB; never above {@code max}.
     */
    public static int size(Random random, int max) {
        int pick = random.nextInt(1000);
        int size;
        if (pick < 60) {
            size = random.nextInt(5);
        } else if (pick < 350) {
            size = 5 + random.nextInt(295);
        } else if (pick < 780) {
            size = logUniform(random, 300, 16 << 10);
        } else if (pick < 910) {
            // The larger edges less often: they cost more.
            int edge = EDGES[Math.min(random.nextInt(EDGES.length), random.nextInt(EDGES.length))];
            size = edge - EDGE_SPREAD + random.nextInt(2 * EDGE_SPREAD + 1);
        } else if (pick < 996) {
            size = logUniform(random, 16 << 10, 128 << 10);
        } else {
            size = logUniform(random, 128 << 10, MAX_SIZE);
        }
        return Math.min(size, max);
    }

    /** A kind for an input of this size (phrases near the window need more than a window of input). */
    public static Kind kind(Random random, int size) {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        return kind == Kind.NEAR_WINDOW && size < NEAR_WINDOW_DISTANCES[1][1] + 300 ? Kind.COPIES : kind;
    }

    public static byte[] make(Kind kind, int size, Random random) {
        byte[] out = new byte[size];
        fill(kind, out, 0, size, random);
        return out;
    }

    private static void fill(Kind kind, byte[] out, int from, int to, Random random) {
        switch (kind) {
            case TEXT -> text(out, from, to, random);
            case SOURCE -> source(out, from, to, random);
            case RANDOM -> randomBytes(out, from, to, random);
            case ZEROS -> zeros(out, from, to, random);
            case LOW_ENTROPY -> lowEntropy(out, from, to, random);
            case ALL_BYTES -> allBytes(out, from, to, random);
            case NEAR_WINDOW -> nearWindow(out, from, to, random);
            case FLOATS -> floats(out, from, to, random);
            case RUNS -> runs(out, from, to, random);
            case PERIODIC -> periodic(out, from, to, random);
            case COPIES -> copies(out, from, to, random);
            case MIXED -> mixed(out, from, to, random);
        }
    }

    static int logUniform(Random random, int low, int high) {
        return (int) Math.min(high, Math.round(low * Math.pow((double) high / low, random.nextDouble())));
    }

    private static void randomBytes(byte[] out, int from, int to, Random random) {
        byte[] bytes = new byte[to - from];
        random.nextBytes(bytes);
        System.arraycopy(bytes, 0, out, from, bytes.length);
    }

    /** Words of a random vocabulary (4 to 3,000 words), skewed as prose is, in sentences and lines. */
    private static void text(byte[] out, int from, int to, Random random) {
        byte[][] words = new byte[4 + logUniform(random, 1, 3000)][];
        for (int i = 0; i < words.length; i++) {
            char[] word = new char[1 + random.nextInt(10)];
            for (int c = 0; c < word.length; c++) {
                word[c] = (char) ('a' + random.nextInt(26));
            }
            words[i] = new String(word).getBytes(StandardCharsets.US_ASCII);
        }
        double skew = 1 + 3 * random.nextDouble();
        int at = from;
        while (at < to) {
            byte[] word = words[(int) (words.length * Math.pow(random.nextDouble(), skew))];
            at = put(out, at, to, word);
            int shape = random.nextInt(20);
            at = put(out, at, to, shape == 0 ? ".\n".getBytes(StandardCharsets.US_ASCII)
                    : shape == 1 ? ", ".getBytes(StandardCharsets.US_ASCII) : new byte[] {' '});
        }
    }

    /** Lines of code: indentation, keywords, a few identifiers, numbers and punctuation. */
    private static void source(byte[] out, int from, int to, Random random) {
        String[] names = new String[2 + random.nextInt(60)];
        for (int i = 0; i < names.length; i++) {
            names[i] = "name" + Integer.toString(random.nextInt(1 << 20), 36);
        }
        int at = from;
        int depth = 0;
        while (at < to) {
            StringBuilder line = new StringBuilder(" ".repeat(4 * depth));
            line.append(KEYWORDS[random.nextInt(KEYWORDS.length)]).append(' ').append(names[random.nextInt(names.length)]);
            switch (random.nextInt(4)) {
                case 0 -> line.append(" = ").append(random.nextInt(1000)).append(";");
                case 1 -> line.append("(").append(names[random.nextInt(names.length)]).append(") {");
                case 2 -> line.append(".").append(names[random.nextInt(names.length)]).append("();");
                default -> line.append(depth > 0 ? "}" : ";");
            }
            depth = Math.max(0, Math.min(6, depth + (line.charAt(line.length() - 1) == '{' ? 1 : line.charAt(line.length() - 1) == '}' ? -1 : 0)));
            at = put(out, at, to, (line + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Long zero runs (the array starts zeroed) broken by short bursts of random bytes, some far apart. */
    private static void zeros(byte[] out, int from, int to, Random random) {
        int spacing = logUniform(random, 64, 1 << 20);
        for (int at = from + random.nextInt(spacing); at < to; at += 1 + random.nextInt(2 * spacing)) {
            int burst = Math.min(to - at, 1 + random.nextInt(40));
            randomBytes(out, at, at + burst, random);
            at += burst;
        }
    }

    /** Two to eight byte values, some much more frequent than others. */
    private static void lowEntropy(byte[] out, int from, int to, Random random) {
        byte[] alphabet = new byte[2 + random.nextInt(7)];
        random.nextBytes(alphabet);
        double skew = 1 + 4 * random.nextDouble();
        byte[] weighted = new byte[256];
        for (int i = 0; i < weighted.length; i++) {
            weighted[i] = alphabet[(int) (alphabet.length * Math.pow((i + 0.5) / weighted.length, skew))];
        }
        for (int i = from; i < to; i++) {
            out[i] = weighted[random.nextInt(weighted.length)];
        }
    }

    /** Every byte value: counting up or down from anywhere, shuffled permutations, or runs of each value. */
    private static void allBytes(byte[] out, int from, int to, Random random) {
        int way = random.nextInt(4);
        int start = random.nextInt(256);
        int[] order = shuffled(random);
        int run = 1 + random.nextInt(300);
        for (int i = from; i < to; i++) {
            int n = i - from;
            out[i] = (byte) switch (way) {
                case 0 -> start + n;
                case 1 -> start - n;
                case 2 -> {
                    if (n % 256 == 0 && n > 0) {
                        order = shuffled(random);
                    }
                    yield order[n % 256];
                }
                default -> order[(n / run) % 256];
            };
        }
    }

    private static int[] shuffled(Random random) {
        int[] values = new int[256];
        for (int i = 0; i < 256; i++) {
            int j = random.nextInt(i + 1);
            values[i] = values[j];
            values[j] = i;
        }
        return values;
    }

    /**
     * Random bytes or text, then phrases (3-300 bytes) copied from 32,500-32,512 and 32,755-32,775 bytes
     * back: some just reachable by zlib, some just not; a third of them right after a 128 KiB block edge,
     * where the block scheme's dictionary must supply them.
     */
    private static void nearWindow(byte[] out, int from, int to, Random random) {
        fill(random.nextBoolean() ? Kind.RANDOM : Kind.TEXT, out, from, to, random);
        int phrases = 1 + (to - from) / logUniform(random, 300, 8000);
        for (int k = 0; k < phrases; k++) {
            int[] range = NEAR_WINDOW_DISTANCES[random.nextInt(2)];
            int distance = range[0] + random.nextInt(range[1] - range[0] + 1);
            int length = random.nextInt(4) == 0 ? 3 + random.nextInt(298) : 3 + random.nextInt(30);
            int at;
            int edges = (to - from) / BLOCK;
            if (edges > 0 && random.nextInt(3) == 0) {
                at = from + BLOCK * (1 + random.nextInt(edges)) + random.nextInt(301) - 100;
            } else {
                at = from + distance + random.nextInt(Math.max(1, to - from - distance));
            }
            int n = Math.min(length, to - at);
            if (at - distance >= from && n > 0) {
                System.arraycopy(out, at - distance, out, at, n);
            }
        }
    }

    /** RGBA float32 scanlines of a render: smooth gradients with noise in the low bits, flat mattes, opaque alpha. */
    private static void floats(byte[] out, int from, int to, Random random) {
        ByteBuffer buffer = ByteBuffer.wrap(out, from, to - from).order(ByteOrder.LITTLE_ENDIAN);
        int width = logUniform(random, 16, 4096);
        float noise = random.nextInt(3) * 1e-4f;
        float fx = random.nextFloat() * 0.01f;
        float fy = random.nextFloat() * 0.01f;
        for (int pixel = 0; buffer.remaining() >= 16; pixel++) {
            int x = pixel % width;
            int y = pixel / width;
            boolean matte = (x / 97 + y / 53) % 5 == 0;
            for (int channel = 0; channel < 3; channel++) {
                float value = matte ? 0.18f : (float) (0.5 + 0.4 * Math.sin(fx * x * (channel + 1) + fy * y));
                buffer.putFloat(value + (matte ? 0 : noise * (random.nextFloat() - 0.5f)));
            }
            buffer.putFloat(1.0f);
        }
        while (buffer.hasRemaining()) {
            buffer.put((byte) 0);
        }
    }

    /** Runs of one byte from 1 to thousands long: matches at distance 1 up to the longest, 258. */
    private static void runs(byte[] out, int from, int to, Random random) {
        int at = from;
        int longest = logUniform(random, 2, 5000);
        while (at < to) {
            int run = Math.min(to - at, 1 + logUniform(random, 1, longest));
            java.util.Arrays.fill(out, at, at + run, (byte) random.nextInt(random.nextBoolean() ? 4 : 256));
            at += run;
        }
    }

    /** A random pattern of 1 to 40,000 bytes repeated, sometimes with a byte changed. */
    private static void periodic(byte[] out, int from, int to, Random random) {
        byte[] pattern = new byte[logUniform(random, 1, 40_000)];
        random.nextBytes(pattern);
        for (int i = from; i < to; i++) {
            out[i] = pattern[(i - from) % pattern.length];
        }
        int changes = random.nextBoolean() ? 0 : random.nextInt(1 + (to - from) / 100);
        for (int k = 0; k < changes; k++) {
            out[from + random.nextInt(to - from)] = (byte) random.nextInt(256);
        }
    }

    /** Fresh bytes and copies of earlier ones (3 to 2,000 bytes, from 1 byte to far past the window back), some edited. */
    private static void copies(byte[] out, int from, int to, Random random) {
        fill(random.nextBoolean() ? Kind.RANDOM : Kind.TEXT, out, from, to, random);
        int at = from;
        while (at < to) {
            int length = Math.min(to - at, logUniform(random, 3, 2000));
            int distance = logUniform(random, 1, 1 << 17);
            if (at - distance >= from && random.nextInt(4) != 0) {
                for (int i = 0; i < length; i++) {
                    out[at + i] = out[at + i - distance];
                }
                if (random.nextBoolean()) {
                    out[at + random.nextInt(length)] ^= (byte) (1 + random.nextInt(255));
                }
            }
            at += length;
        }
    }

    /** Two to six segments of other kinds, as an archive of unlike files is. */
    private static void mixed(byte[] out, int from, int to, Random random) {
        int segments = 2 + random.nextInt(5);
        int at = from;
        for (int s = 0; s < segments && at < to; s++) {
            int end = s == segments - 1 ? to : at + random.nextInt(to - at + 1);
            Kind kind = Kind.values()[random.nextInt(Kind.MIXED.ordinal())];
            fill(kind == Kind.NEAR_WINDOW ? Kind.COPIES : kind, out, at, end, random);
            at = end;
        }
    }

    private static int put(byte[] out, int at, int to, byte[] bytes) {
        int n = Math.min(bytes.length, to - at);
        System.arraycopy(bytes, 0, out, at, n);
        return at + n;
    }
}
