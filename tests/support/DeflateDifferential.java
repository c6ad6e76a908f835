package support;

import deflate.ClassicZlibEncoder;
import deflate.Deflaters;
import deflate.RawDeflate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;

/**
 * The differential check of the toolkit's DEFLATE encoder: {@link ClassicZlibEncoder} against the JDK's
 * {@link Deflater} (level 6, raw) on a JVM whose zlib is classic. A case is an input from {@link DeflateInputs}
 * and the calls that deflate it, made the same way on both (the JDK's: setInput per chunk, deflate until it
 * needs input, then a sync flush in one call or finish); the outputs must be equal byte for byte. Each case
 * is made from (seed, index) alone, so a failure is rerun by its seed and index.
 *
 * <p>As a program it is the JDK 25 test's child and bench/deflate_campaign.sh's loop:
 * {@code support.DeflateDifferential SEED COUNT}, {@code SEED --seconds N} or {@code SEED --case INDEX}; it
 * prints what it tried and every difference, and exits 1 when there was one.
 */
public final class DeflateDifferential {
    /** The seed a test run uses unless {@link #SEED_VARIABLE} names another. */
    public static final long DEFAULT_SEED = 20261207L;
    /** Environment variable (or, lower-cased with dots, system property) choosing another seed. */
    public static final String SEED_VARIABLE = "PREZIP_DEFLATE_SEED";
    /** The JDK's output buffer for writes and the finish: the writer's read buffer. */
    private static final int OUTPUT_BUFFER = 64 << 10;
    /** The toolkit's preset dictionary before each block of a large entry. */
    private static final int DICTIONARY = 32 << 10;

    /** What a deflater is asked to do; offsets and lengths index the case's input. */
    public enum Op { RESET, DICTIONARY, WRITE, SYNC_FLUSH, FINISH }

    public record Step(Op op, int offset, int length) {}

    /** One input (what it is, for a message) and how it is fed; {@code feed} says so in words. */
    public record Case(long seed, int index, String what, byte[] input, String feed, List<Step> steps) {
        public String describe() {
            return (index >= 0 ? "seed " + seed + ", case " + index + ": " : "") + what + ", " + input.length + " bytes, " + feed;
        }
    }

    /** How a run went: inputs tried, their bytes, and a line per difference. */
    public record Tally(long seed, int inputs, long bytes, List<String> differences) {
        public String summary() {
            return "seed " + seed + ": " + inputs + " inputs (" + bytes / 1_000_000 + " MB), " + differences.size() + " differences";
        }
    }

    private DeflateDifferential() {}

    /** The seed a test run uses: {@link #SEED_VARIABLE}'s, else {@link #DEFAULT_SEED}. */
    public static long seed() {
        String chosen = System.getProperty("prezip.deflate.seed", System.getenv(SEED_VARIABLE));
        return chosen == null || chosen.isBlank() ? DEFAULT_SEED : Long.parseLong(chosen.strip());
    }

    /**
     * Case {@code index} of {@code seed}: most one stream fed in 64 KiB or random chunks and finished; a
     * quarter one block after a preset dictionary (32 KiB mostly, as the toolkit's blocks get), sync-flushed
     * or finished; some a whole large entry in 128 KiB blocks as zip.BlockDeflater deflates it; a few a
     * stream sync-flushed between writes, which the toolkit never does but RawDeflate allows.
     */
    public static Case make(long seed, int index) {
        Random random = new Random(mix(seed, index));
        int feed = random.nextInt(100);
        if (feed < 67) {
            return stream(seed, index, random);
        } else if (feed < 95) {
            return block(seed, index, random);
        } else if (feed < 96) {
            return blocks(seed, index, random);
        }
        return flushes(seed, index, random);
    }

    private static Case stream(long seed, int index, Random random) {
        int size = DeflateInputs.size(random, DeflateInputs.MAX_SIZE);
        DeflateInputs.Kind kind = DeflateInputs.kind(random, size);
        byte[] input = DeflateInputs.make(kind, size, random);
        List<Step> steps = new ArrayList<>(List.of(new Step(Op.RESET, 0, 0)));
        int pick = random.nextInt(20);
        String feed;
        if (pick < 10) {
            feed = "one stream in 64 KiB chunks, finished";
            writes(steps, 0, size, () -> OUTPUT_BUFFER);
        } else if (pick < 13) {
            feed = "one stream in one write, finished";
            steps.add(new Step(Op.WRITE, 0, size));
        } else if (pick < 15 && size <= 16 << 10) {
            feed = "one stream in chunks of 0-7 bytes, finished";
            writes(steps, 0, size, () -> random.nextInt(8));
        } else {
            int largest = DeflateInputs.logUniform(random, 1, 256 << 10);
            feed = "one stream in random chunks of 1-" + largest + " bytes, finished";
            writes(steps, 0, size, () -> DeflateInputs.logUniform(random, 1, largest));
        }
        steps.add(new Step(Op.FINISH, 0, 0));
        return new Case(seed, index, kind.name(), input, feed, steps);
    }

    /** One block of a large entry: the bytes before it as a preset dictionary, then a sync flush or a finish. */
    private static Case block(long seed, int index, Random random) {
        int dictionary = random.nextInt(4) != 0 ? DICTIONARY : DeflateInputs.logUniform(random, 1, 70_000);
        int length = random.nextInt(16) == 0 ? DeflateInputs.BLOCK : DeflateInputs.size(random, DeflateInputs.BLOCK);
        DeflateInputs.Kind kind = DeflateInputs.kind(random, dictionary + length);
        byte[] input = DeflateInputs.make(kind, dictionary + length, random);
        boolean sync = random.nextBoolean();
        boolean chunked = random.nextInt(5) == 0;
        List<Step> steps = new ArrayList<>(List.of(new Step(Op.RESET, 0, 0), new Step(Op.DICTIONARY, 0, dictionary)));
        if (chunked) {
            writes(steps, dictionary, length, () -> DeflateInputs.logUniform(random, 1, 64 << 10));
        } else {
            steps.add(new Step(Op.WRITE, dictionary, length));
        }
        steps.add(new Step(sync ? Op.SYNC_FLUSH : Op.FINISH, 0, 0));
        String feed = "a " + dictionary + "-byte dictionary, " + length + " bytes in " + (chunked ? "random chunks" : "one write")
                + ", " + (sync ? "sync-flushed" : "finished");
        return new Case(seed, index, kind.name(), input, feed, steps);
    }

    /** A whole large entry as zip.BlockDeflater deflates it: 128 KiB blocks, each after the 32 KiB before it. */
    private static Case blocks(long seed, int index, Random random) {
        int pick = random.nextInt(20);
        int size = pick < 12 ? DeflateInputs.BLOCK * (1 + random.nextInt(2)) + random.nextInt(801) - 400
                : pick < 19 ? DeflateInputs.logUniform(random, DeflateInputs.BLOCK, 512 << 10)
                : DeflateInputs.logUniform(random, 1 << 20, DeflateInputs.MAX_SIZE);
        DeflateInputs.Kind kind = DeflateInputs.kind(random, size);
        Case c = blockScheme(DeflateInputs.make(kind, size, random), kind.name());
        return new Case(seed, index, c.what(), c.input(), c.feed(), c.steps());
    }

    /** A made input deflated as zip.BlockDeflater deflates a large entry: 128 KiB blocks, each after the 32 KiB before it. */
    public static Case blockScheme(byte[] input, String what) {
        List<Step> steps = new ArrayList<>();
        int size = input.length;
        for (int start = 0; start == 0 || start < size; start += DeflateInputs.BLOCK) {
            steps.add(new Step(Op.RESET, 0, 0));
            if (start > 0) {
                steps.add(new Step(Op.DICTIONARY, start - DICTIONARY, DICTIONARY));
            }
            int length = Math.min(DeflateInputs.BLOCK, size - start);
            steps.add(new Step(Op.WRITE, start, length));
            steps.add(new Step(start + length < size ? Op.SYNC_FLUSH : Op.FINISH, 0, 0));
        }
        return new Case(0, -1, what, input, "128 KiB blocks after 32 KiB dictionaries, as BlockDeflater", steps);
    }

    /** A made input deflated as one stream, written in chunks of {@code chunk} bytes, finished. */
    public static Case oneStream(byte[] input, int chunk, String what) {
        List<Step> steps = new ArrayList<>(List.of(new Step(Op.RESET, 0, 0)));
        writes(steps, 0, input.length, () -> chunk);
        steps.add(new Step(Op.FINISH, 0, 0));
        return new Case(0, -1, what, input, "one stream in " + chunk + "-byte chunks, finished", steps);
    }

    /** Sync flushes between writes of one stream: not the toolkit's use, but RawDeflate's contract allows it. */
    private static Case flushes(long seed, int index, Random random) {
        int size = DeflateInputs.size(random, 256 << 10);
        DeflateInputs.Kind kind = DeflateInputs.kind(random, size);
        byte[] input = DeflateInputs.make(kind, size, random);
        List<Step> steps = new ArrayList<>(List.of(new Step(Op.RESET, 0, 0)));
        for (int at = 0; at < size; ) {
            int n = Math.min(size - at, DeflateInputs.logUniform(random, 1, 64 << 10));
            steps.add(new Step(Op.WRITE, at, n));
            if (random.nextInt(3) == 0) {
                steps.add(new Step(Op.SYNC_FLUSH, 0, 0));
            }
            at += n;
        }
        steps.add(new Step(Op.FINISH, 0, 0));
        return new Case(seed, index, kind.name(), input, "one stream, sync flushes between random writes, finished", steps);
    }

    private static void writes(List<Step> steps, int from, int length, java.util.function.IntSupplier chunk) {
        for (int at = from; at < from + length; ) {
            int n = Math.min(from + length - at, chunk.getAsInt());
            steps.add(new Step(Op.WRITE, at, n));
            at += n;
        }
    }

    /** The toolkit's encoder's output for the case's calls. */
    public static byte[] ours(Case c, RawDeflate deflate) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ours(c, deflate, out);
        return out.toByteArray();
    }

    /** The same, into {@code out}. */
    public static void ours(Case c, RawDeflate deflate, OutputStream out) {
        try {
            for (Step step : c.steps()) {
                switch (step.op()) {
                    case RESET -> deflate.reset();
                    case DICTIONARY -> deflate.setDictionary(c.input(), step.offset(), step.length());
                    case WRITE -> deflate.write(c.input(), step.offset(), step.length(), out);
                    case SYNC_FLUSH -> deflate.syncFlush(out);
                    case FINISH -> deflate.finish(out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDK's Deflater's output for the same calls. */
    public static byte[] jdk(Case c, Deflater deflater) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        jdk(c, deflater, out);
        return out.toByteArray();
    }

    /**
     * The same, into {@code out}: driven as directly as the JDK allows, not through the toolkit's JdkDeflate, so
     * the reference does not share the code under test.
     */
    public static void jdk(Case c, Deflater deflater, OutputStream out) {
        byte[] buffer = new byte[OUTPUT_BUFFER];
        long pending = 0;
        try {
            for (Step step : c.steps()) {
                switch (step.op()) {
                    case RESET -> {
                        deflater.reset();
                        pending = 0;
                    }
                    case DICTIONARY -> deflater.setDictionary(c.input(), step.offset(), step.length());
                    case WRITE -> {
                        deflater.setInput(c.input(), step.offset(), step.length());
                        pending += step.length();
                        while (!deflater.needsInput()) {
                            out.write(buffer, 0, deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH));
                        }
                    }
                    case SYNC_FLUSH -> {
                        // One call with room for all that may be pending: zlib called again after a flush that
                        // filled its output exactly would write a second empty stored block.
                        byte[] room = new byte[(int) (pending + pending / 64 + 1024)];
                        int n = deflater.deflate(room, 0, room.length, Deflater.SYNC_FLUSH);
                        if (n == room.length) {
                            throw new IllegalStateException("a sync flush filled " + n + " bytes: " + c.describe());
                        }
                        out.write(room, 0, n);
                        pending = 0;
                    }
                    case FINISH -> {
                        deflater.finish();
                        while (!deflater.finished()) {
                            out.write(buffer, 0, deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Null when both write the same bytes for the case, else where they part, for a failure message. */
    public static String difference(Case c, RawDeflate ours, Deflater jdk) {
        byte[] mine = ours(c, ours);
        byte[] theirs = jdk(c, jdk);
        int at = Arrays.mismatch(mine, theirs);
        if (at < 0) {
            return null;
        }
        return c.describe() + ": ours " + mine.length + " bytes, the JDK's " + theirs.length + ", first difference at byte "
                + at + " (" + hexAt(mine, at) + " vs " + hexAt(theirs, at) + ")" + (c.index() < 0 ? "" : "; rerun: "
                + SEED_VARIABLE + "=" + c.seed() + " ./jbang test ClassicZlibEncoderTest, or java -cp <the tests' classpath> "
                + "support.DeflateDifferential " + c.seed() + " --case " + c.index());
    }

    private static String hexAt(byte[] bytes, int at) {
        return at < bytes.length ? String.format("%02x", bytes[at] & 0xFF) : "end";
    }

    /** Cases {@code 0..count-1} of the seed, or as many as {@code budget} (if not null) leaves time for. */
    public static Tally run(long seed, int count, java.time.Duration budget) {
        ClassicZlibEncoder ours = new ClassicZlibEncoder();
        Deflater jdk = new Deflater(Deflaters.LEVEL, true);
        List<String> differences = new ArrayList<>();
        long started = System.nanoTime();
        long bytes = 0;
        int index = 0;
        try {
            for (; index < count && (budget == null || System.nanoTime() - started < budget.toNanos()); index++) {
                Case c = make(seed, index);
                bytes += c.input().length;
                String difference = difference(c, ours, jdk);
                if (difference != null) {
                    differences.add(difference);
                }
            }
        } finally {
            jdk.end();
        }
        return new Tally(seed, index, bytes, differences);
    }

    /**
     * The libz this process loaded, from /proc/self/maps (Linux), so a child under LD_LIBRARY_PATH shows which
     * zlib it compared against; "bundled" when none is mapped (Temurin links zlib into its libzip).
     */
    public static String loadedZlib() {
        try (var lines = java.nio.file.Files.lines(java.nio.file.Path.of("/proc/self/maps"))) {
            return lines.map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .filter(file -> file.contains("/libz.so")).findFirst().orElse("bundled");
        } catch (IOException | UncheckedIOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** splitmix64's finalizer over the seed and index: every case its own well-mixed generator seed. */
    static long mix(long seed, int index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static void main(String... args) {
        long seed = Long.parseLong(args[0]);
        Deflaters.Choice choice = Deflaters.choice();
        System.out.println("java " + System.getProperty("java.version") + " (" + System.getProperty("java.home") + "); zlib: "
                + loadedZlib() + "; the JVM's deflater: " + choice.deflater() + " (" + choice.reason() + ")");
        Tally tally;
        if (args.length > 2 && args[1].equals("--case")) {
            Case c = make(seed, Integer.parseInt(args[2]));
            System.out.println(c.describe() + ", " + c.steps().size() + " calls");
            Deflater jdk = new Deflater(Deflaters.LEVEL, true);
            String difference = difference(c, new ClassicZlibEncoder(), jdk);
            jdk.end();
            tally = new Tally(seed, 1, c.input().length, difference == null ? List.of() : List.of(difference));
        } else if (args.length > 2 && args[1].equals("--seconds")) {
            tally = run(seed, Integer.MAX_VALUE, java.time.Duration.ofSeconds(Long.parseLong(args[2])));
        } else {
            tally = run(seed, Integer.parseInt(args[1]), null);
        }
        tally.differences().forEach(System.out::println);
        System.out.println(tally.summary());
        System.exit(tally.differences().isEmpty() ? 0 : 1);
    }
}
