package deflate;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Which deflater writes the toolkit's zips, chosen once per JVM before the first deflate. The JDK's
 * {@link java.util.zip.Deflater} runs whatever zlib the JVM links; where that is classic zlib it writes
 * classic zlib's bytes at native speed. The choice deflates {@link CanarySample} both ways the toolkit
 * deflates and compares the output with classic zlib's, recorded here: equal, the JDK's Deflater works;
 * different (zlib-ng, zlib-rs, a patched or hardware zlib), the toolkit's {@link ClassicZlibEncoder} does,
 * and the zip is the same, only slower. {@value #FORCE_VARIABLE}{@code =toolkit} skips the check and uses
 * the toolkit's encoder; any other non-empty value does the same and says it was not understood.
 */
public final class Deflaters {
    /** The one level the toolkit writes and its encoder reproduces: zlib's default. */
    public static final int LEVEL = 6;
    /** Environment variable that forces the toolkit's encoder (tests, benchmarks, the cautious). */
    public static final String FORCE_VARIABLE = "PREZIP_DEFLATER";
    /** Its one value. */
    public static final String FORCE_VALUE = "toolkit";
    private static final String FORCED_REASON = FORCE_VARIABLE + "=" + FORCE_VALUE;
    /**
     * Encoders kept per thread for reuse (about 410 KiB each, its output buffer grown): a thread deflates one entry at a time, so one is
     * enough, and a thread's memory stays within 1 MiB with a large entry's block encoder beside it.
     */
    private static final int POOLED_PER_THREAD = 1;

    /**
     * What deflates this JVM's zips.
     *
     * @param jdk whether the JDK's Deflater does (else the toolkit's encoder)
     * @param reason why, in one line: the check the JDK's zlib failed, or that it was forced
     */
    public record Choice(boolean jdk, String reason) {
        /** The name provenance records: {@code jdk} or {@code toolkit}. */
        public String deflater() {
            return jdk ? "jdk" : "toolkit";
        }
    }

    private static final ThreadLocal<ArrayDeque<ClassicZlibEncoder>> POOL = ThreadLocal.withInitial(ArrayDeque::new);
    /** The one decision of this JVM: run by the first caller, or on its own thread by {@link #chooseInBackground}. */
    private static final FutureTask<Choice> CHOICE = new FutureTask<>(() -> decide(System.getenv(FORCE_VARIABLE), JdkDeflate::new));
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Deflaters() {}

    /** Starts the check on a daemon thread, so its few milliseconds overlap the run's first steps. */
    public static void chooseInBackground() {
        if (STARTED.compareAndSet(false, true)) {
            Thread check = new Thread(CHOICE, "prezip-deflater-check");
            check.setDaemon(true);
            check.start();
        }
    }

    /** The choice for this JVM: made on the first call (a few milliseconds), or awaited if it is being made. */
    public static Choice choice() {
        STARTED.set(true);
        CHOICE.run(); // does nothing once the check is running or done
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return CHOICE.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the check is milliseconds from its end: wait for it, then pass the interrupt on
                }
            }
        } catch (ExecutionException e) {
            // The JDK's Deflater could not even run the sample: fail closed, on the encoder that needs nothing.
            return new Choice(false, "the JDK's Deflater failed on the check's sample");
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A deflater for one stream or one thread's blocks; {@link RawDeflate#end()} when done.
     *
     * @param bufferBytes the JDK's output buffer: for a sync flush it must hold the flushed output whole
     */
    public static RawDeflate open(int bufferBytes) {
        if (choice().jdk()) {
            return new JdkDeflate(bufferBytes);
        }
        ClassicZlibEncoder encoder = POOL.get().poll();
        return new Pooled(encoder != null ? encoder : new ClassicZlibEncoder());
    }

    /** Decides by the environment and the canary; the JDK's Deflater is tried on the sample once. */
    static Choice decide(String forced, java.util.function.IntFunction<RawDeflate> jdk) {
        if (FORCE_VALUE.equals(forced)) {
            return new Choice(false, FORCED_REASON);
        }
        if (forced != null && !forced.isEmpty()) {
            // A value meant to force something (a typo, "jdk") is said, never ignored; the encoder that needs nothing is the cautious side.
            return new Choice(false, FORCE_VARIABLE + "='" + forced + "' is not a value the toolkit knows (only '" + FORCE_VALUE
                    + "' is)");
        }
        RawDeflate probe = jdk.apply(CanarySample.bytes().length * 2);
        try {
            if (!CanarySample.SINGLE_STREAM.matches(CanarySample.singleStream(probe))) {
                return new Choice(false, "this JVM's zlib failed the single-stream check");
            }
            if (!CanarySample.BLOCKS.matches(CanarySample.blocks(probe))) {
                return new Choice(false, "this JVM's zlib failed the dictionary and sync-flush check");
            }
        } finally {
            probe.end();
        }
        return new Choice(true, "this JVM's zlib passed both checks: classic zlib's bytes");
    }

    /** The toolkit's encoder lent from this thread's pool, given back at {@link #end()}. */
    private static final class Pooled implements RawDeflate {
        private ClassicZlibEncoder encoder;

        Pooled(ClassicZlibEncoder encoder) {
            this.encoder = encoder;
            encoder.reset();
        }

        @Override
        public void reset() {
            encoder.reset();
        }

        @Override
        public void setDictionary(byte[] dictionary, int offset, int length) {
            encoder.setDictionary(dictionary, offset, length);
        }

        @Override
        public void write(byte[] bytes, int offset, int length, java.io.OutputStream sink) throws java.io.IOException {
            encoder.write(bytes, offset, length, sink);
        }

        @Override
        public void syncFlush(java.io.OutputStream sink) throws java.io.IOException {
            encoder.syncFlush(sink);
        }

        @Override
        public void finish(java.io.OutputStream sink) throws java.io.IOException {
            encoder.finish(sink);
        }

        @Override
        public void end() {
            if (encoder == null) {
                return;
            }
            ArrayDeque<ClassicZlibEncoder> pool = POOL.get();
            if (pool.size() < POOLED_PER_THREAD) {
                pool.push(encoder);
            }
            encoder = null;
        }
    }
}
