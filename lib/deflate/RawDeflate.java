package deflate;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A raw DEFLATE stream (no zlib or gzip wrapper) at the zip policy's level, written as the toolkit writes
 * every one: input, then a finish; or, for one block of a large entry, a preset dictionary, input, then a
 * sync flush or a finish. Each call hands the compressed bytes ready so far to the sink it is given.
 * Whichever implementation runs, the bytes are classic zlib's ({@link Deflaters}).
 */
public interface RawDeflate {
    /** Starts a new stream; the state of the last one is forgotten. */
    void reset();

    /** The bytes before this stream that its matches may reach; only right after {@link #reset}. */
    void setDictionary(byte[] dictionary, int offset, int length);

    /** Compresses these bytes (no flush). */
    void write(byte[] bytes, int offset, int length, OutputStream sink) throws IOException;

    /** Ends the output so far on a byte boundary with an empty stored block, the stream left open. */
    void syncFlush(OutputStream sink) throws IOException;

    /** Ends the stream. */
    void finish(OutputStream sink) throws IOException;

    /** Frees what the implementation holds outside the heap; the instance is not used again. */
    void end();
}
