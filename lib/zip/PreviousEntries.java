package zip;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The entries of the zip a commit replaces whose deflated data may be copied into the new zip instead
 * of being deflated again: looked up in v1 order as the commit walks its own entries, one record at a
 * time, never as a map of every path. An implementation checks the previous zip before it is used; the
 * commit checks each copied entry again (inflated, its sha256 against the staged file's).
 */
public interface PreviousEntries extends Closeable {
    /**
     * A DEFLATED entry of the previous zip as its headers and manifest give it.
     *
     * @param sha256 its content's sha256 (lowercase hex), as its manifest gives it
     * @param dataOffset where its deflated data starts in the previous zip
     */
    record Entry(String path, long size, int crc, String sha256, long compressedSize, long dataOffset) {}

    /** The DEFLATED previous entry at {@code path}, or null; paths are asked in strictly increasing v1 order. */
    Entry find(String path) throws IOException;

    /** Fills {@code buffer} with the previous zip's bytes from {@code position} on; safe on any thread. */
    void read(long position, ByteBuffer buffer) throws IOException;

    /** No previous zip: every entry is deflated. */
    PreviousEntries NONE = new PreviousEntries() {
        @Override
        public Entry find(String path) {
            return null;
        }

        @Override
        public void read(long position, ByteBuffer buffer) throws IOException {
            throw new IOException("there is no previous zip to read");
        }

        @Override
        public void close() {}
    };
}
