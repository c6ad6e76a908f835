package zip;

import deflate.Deflaters;
import deflate.RawDeflate;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

/**
 * One large entry deflated in fixed blocks on many threads, as pigz does: block k is the input's bytes
 * [k·B, (k+1)·B), deflated with the 32 KiB before it as a preset dictionary and ended on a byte boundary
 * (a sync flush), the last one finished. The blocks' outputs, in order, are one ordinary raw deflate
 * stream, which every reader inflates. Blocks are cut by offset alone, never by thread count or timing,
 * so the bytes are the same on 1 thread or 16. At most {@link #IN_FLIGHT_PER_THREAD} blocks per thread are
 * in flight: memory follows the threads, not the file.
 */
final class BlockDeflater {
    /** Blocks in flight per deflating thread: enough to keep each busy while the feeder writes output. */
    static final int IN_FLIGHT_PER_THREAD = 4;

    /**
     * Deflate's worst case for one block: a little over its input (stored blocks' headers and the flush
     * marker). The JDK's Deflater must get a sync flush's output in one buffer (see {@code JdkDeflate}).
     */
    private static final int MAX_BLOCK_OUTPUT = ZipPolicyV1.DEFLATE_BLOCK_BYTES + ZipPolicyV1.DEFLATE_BLOCK_BYTES / 256 + 64;
    /** Each deflating thread keeps one deflater, reset per block (a new JDK one costs ~270 KiB of native memory). */
    private static final ThreadLocal<RawDeflate> DEFLATERS = ThreadLocal.withInitial(() -> Deflaters.open(MAX_BLOCK_OUTPUT));
    /** Each deflating thread's output buffer: a block's output is copied out at its exact size. */
    private static final ThreadLocal<DeterministicZipWriter.ByteSink> OUTPUT =
            ThreadLocal.withInitial(() -> new DeterministicZipWriter.ByteSink(MAX_BLOCK_OUTPUT));

    private final Executor executor;
    private final int maxInFlight;
    private final OutputStream sink;
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    /** Input and dictionary arrays whose blocks are written: reused, so a 300 MB file does not churn 400 MB of garbage. */
    private final ArrayDeque<byte[]> spareBlocks = new ArrayDeque<>();
    private final ArrayDeque<byte[]> spareDictionaries = new ArrayDeque<>();
    private byte[] block = new byte[ZipPolicyV1.DEFLATE_BLOCK_BYTES];
    private int filled;
    /** The last {@link ZipPolicyV1#DEFLATE_DICTIONARY_BYTES} of the input before the current block (none for the first). */
    private byte[] dictionary;
    private long written;

    /** @param threads how many threads the executor deflates on (sizes the in-flight bound only) */
    BlockDeflater(OutputStream sink, Executor executor, int threads) {
        this.sink = sink;
        this.executor = executor;
        this.maxInFlight = Math.max(1, threads) * IN_FLIGHT_PER_THREAD;
    }

    void write(byte[] bytes, int off, int len) throws IOException {
        while (len > 0) {
            if (filled == block.length) {
                // A full block is sent only once more input follows: the last block is the one finished.
                submit(false);
            }
            int n = Math.min(len, block.length - filled);
            System.arraycopy(bytes, off, block, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    /** Deflates the last block, finishing the stream, and writes every block's output in order; returns the compressed size. */
    long finish() throws IOException {
        submit(true);
        while (!inFlight.isEmpty()) {
            writeOldest();
        }
        return written;
    }

    /** Stops: blocks in flight are let run out, their output dropped (the entry is being discarded). */
    void abandon() {
        inFlight.forEach(running -> running.task().cancel(false));
        inFlight.clear();
    }

    /** A block being deflated, and the arrays it reads (free again once its output is written). */
    private record InFlight(FutureTask<byte[]> task, byte[] input, byte[] dictionary) {}

    private void submit(boolean last) throws IOException {
        byte[] input = block;
        int length = filled;
        byte[] preset = dictionary;
        FutureTask<byte[]> task = new FutureTask<>(() -> deflate(input, length, preset, last));
        // Room made first: the arrays reused below are those of blocks already written.
        while (inFlight.size() >= maxInFlight) {
            writeOldest();
        }
        if (!last) {
            byte[] next = spareDictionaries.isEmpty() ? new byte[ZipPolicyV1.DEFLATE_DICTIONARY_BYTES] : spareDictionaries.poll();
            System.arraycopy(input, length - next.length, next, 0, next.length);
            dictionary = next;
            block = spareBlocks.isEmpty() ? new byte[ZipPolicyV1.DEFLATE_BLOCK_BYTES] : spareBlocks.poll();
            filled = 0;
        }
        inFlight.add(new InFlight(task, input, preset));
        try {
            executor.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new java.io.InterruptedIOException("stopped while deflating (the deflating threads are shut down)");
        }
    }

    private void writeOldest() throws IOException {
        byte[] out;
        InFlight oldest = inFlight.poll();
        try {
            out = oldest.task().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while deflating");
        } catch (java.util.concurrent.CancellationException e) {
            throw new java.io.InterruptedIOException("stopped while deflating");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error; // an OutOfMemoryError is named by the command as such
            }
            throw new IOException("deflating a block failed: " + e.getCause(), e.getCause());
        }
        sink.write(out);
        written += out.length;
        spareBlocks.add(oldest.input());
        if (oldest.dictionary() != null) {
            spareDictionaries.add(oldest.dictionary());
        }
    }

    /** One block's deflate output: a sync-flushed run of deflate blocks, or for the last, the stream's end. */
    static byte[] deflate(byte[] input, int length, byte[] dictionary, boolean last) throws IOException {
        RawDeflate deflater = DEFLATERS.get();
        DeterministicZipWriter.ByteSink out = OUTPUT.get();
        out.reset();
        deflater.reset();
        if (dictionary != null) {
            deflater.setDictionary(dictionary, 0, dictionary.length);
        }
        deflater.write(input, 0, length, out);
        if (last) {
            deflater.finish(out);
        } else {
            deflater.syncFlush(out);
        }
        return out.toByteArray();
    }
}
