package deflate;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;

/**
 * The JDK's {@link Deflater}, which calls the zlib the JVM links: used wherever that zlib proved to be
 * classic ({@link Deflaters}), because native zlib is faster than any encoder in Java. Its output does not
 * depend on the size of the buffer it is drained through, on classic zlib.
 */
final class JdkDeflate implements RawDeflate {
    private final Deflater deflater;
    private final byte[] buffer;

    JdkDeflate(int bufferBytes) {
        this(bufferBytes, Deflaters.LEVEL);
    }

    /** At another level: for the tests that show the canary tells a near miss from classic zlib's level 6. */
    JdkDeflate(int bufferBytes, int level) {
        this.deflater = new Deflater(level, true);
        this.buffer = new byte[bufferBytes];
    }

    @Override
    public void reset() {
        deflater.reset();
    }

    @Override
    public void setDictionary(byte[] dictionary, int offset, int length) {
        deflater.setDictionary(dictionary, offset, length);
    }

    @Override
    public void write(byte[] bytes, int offset, int length, OutputStream sink) throws IOException {
        deflater.setInput(bytes, offset, length);
        while (!deflater.needsInput()) {
            drain(Deflater.NO_FLUSH, sink);
        }
    }

    /**
     * One call: zlib called again after a flush that filled its output space exactly writes a second empty
     * stored block, so the buffer must hold the whole flushed output (the caller sizes it for its input).
     */
    @Override
    public void syncFlush(OutputStream sink) throws IOException {
        if (drain(Deflater.SYNC_FLUSH, sink) == buffer.length) {
            throw new IllegalStateException("a sync flush filled its " + buffer.length + "-byte buffer: its end is unknown");
        }
    }

    @Override
    public void finish(OutputStream sink) throws IOException {
        deflater.finish();
        while (!deflater.finished()) {
            drain(Deflater.NO_FLUSH, sink);
        }
    }

    @Override
    public void end() {
        deflater.end();
    }

    private int drain(int flush, OutputStream sink) throws IOException {
        int n = deflater.deflate(buffer, 0, buffer.length, flush);
        sink.write(buffer, 0, n);
        return n;
    }
}
