package zip;

import deflate.Deflaters;
import deflate.RawDeflate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import scan.PathOrder;

/**
 * Writes a Deterministic ZIP v1 archive in the layout of {@link ZipLayout}: regular-file entries only, in v1
 * order, one fixed UTC time, mode 0100644 with a Unix host byte, no data descriptors (CRC and sizes in
 * every local header), zip64 fields and records only where a value does not fit. This class streams the
 * entries and keeps the offsets; the bytes of each record are {@link ZipRecords}'.
 *
 * <p>An entry's data is produced first ({@link #openEntry}: deflated or stored, with its CRC, on any thread
 * and into any sink), so that its local header can say everything before the data; the entries are then
 * {@link #append}ed in order, header and data, and {@link #finish} writes the central directory and end
 * records. One code path makes both the serial and the parallel zip, so they are the same bytes. Written
 * on {@link RawDeflate} (classic zlib's bytes whichever deflater runs: {@link Deflaters}) and {@link CRC32} by hand: Zip4j writes a data descriptor on every entry it streams,
 * picks zip64 from the uncompressed size alone and takes DOS time from the JVM's default time zone.
 */
public final class DeterministicZipWriter {
    /** One file to pack: its entry name and where its bytes are. */
    public record Source(String name, Path file, long size) {}

    /** Large enough that per-call overhead vanishes, small enough to stay in L2. */
    public static final int BUFFER_BYTES = 1 << 16;
    /** The smallest buffer an entry gets: tiny files need no more, and a tree of them allocates little. */
    private static final int MIN_BUFFER_BYTES = 512;

    private final OutputStream out;
    private final ZipRecords records;
    private final CentralEntries central = new CentralEntries();
    private long offset;
    private String lastName;

    /**
     * @param out where the zip goes; left open by {@link #finish}
     * @param fixedEpochMs the one instant of every entry (see {@link ZipPolicyV1#fixedEpochMs()})
     */
    public DeterministicZipWriter(OutputStream out, long fixedEpochMs) {
        this.out = out;
        this.records = new ZipRecords(fixedEpochMs);
    }

    /**
     * One entry's data being produced: feed it the file's bytes, then {@link #close()} it. The CRC and both
     * sizes come from the bytes fed; the data (deflated, or as fed when STORED) goes to the sink given to
     * {@link #openEntry}, or nowhere when that was null (a STORED file appended later from its staged copy).
     */
    public static final class Entry {
        private final String name;
        private final byte[] nameBytes;
        private final OutputStream data;
        /** The entry's one deflate stream, or null (STORED, or in blocks); given back once the stream ends. */
        private RawDeflate deflater;
        private final boolean deflate;
        /** The deflated bytes on their way to {@link #data}, counted. */
        private final OutputStream deflatedOut = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int off, int len) throws IOException {
                data.write(bytes, off, len);
                compressedSize += len;
            }
        };
        /** For a large entry, the blocks deflated on many threads (then {@link #deflater} is null). */
        private final BlockDeflater blocks;
        private final CRC32 crc = new CRC32();
        private long size;
        private long compressedSize;
        /** Opened by {@link #openCopy}: measured only, its data copied from elsewhere. */
        private boolean copy;

        /** @param pool where a large entry's blocks deflate; null for an entry whose data is copied, not produced */
        private Entry(String name, OutputStream data, boolean deflate, boolean inBlocks, int bufferBytes, BlockPool pool) {
            this.name = name;
            this.nameBytes = name.getBytes(StandardCharsets.UTF_8);
            this.data = data;
            this.deflate = deflate;
            this.blocks = inBlocks && pool != null ? new BlockDeflater(data, pool.executor(), pool.threads()) : null;
            this.deflater = deflate && !inBlocks && pool != null ? Deflaters.open(bufferBytes) : null;
        }

        public void write(byte[] bytes, int off, int len) throws IOException {
            crc.update(bytes, off, len);
            size += len;
            if (blocks != null) {
                blocks.write(bytes, off, len);
                return;
            }
            if (deflater == null) {
                if (data != null) {
                    data.write(bytes, off, len);
                }
                compressedSize += len;
                return;
            }
            deflater.write(bytes, off, len, deflatedOut);
        }

        /** Ends the data (the deflate stream is finished); the entry is ready to append. */
        public void close() throws IOException {
            if (blocks != null) {
                compressedSize = blocks.finish();
                return;
            }
            if (deflater != null) {
                try {
                    deflater.finish(deflatedOut);
                } finally {
                    discard();
                }
            }
        }

        /**
         * Gives the deflater back now (the JDK's native memory freed rather than when the collector gets to
         * it, the toolkit's encoder back to its thread's pool); after
         * {@link #close()} it changes nothing, so a failing caller calls it in a finally.
         */
        public void discard() {
            if (deflater != null) {
                deflater.end();
                deflater = null;
            }
            if (blocks != null) {
                blocks.abandon();
            }
        }

        /** Whether its data is deflated (else STORED, the bytes as they are). */
        public boolean deflated() {
            return deflate;
        }

        /** The CRC-32 of the bytes fed so far. */
        public int crc() {
            return (int) crc.getValue();
        }

        /**
         * For an entry opened by {@link #openCopy}: its data is these many bytes copied from elsewhere
         * (an earlier zip's entry of the same content), appended as given.
         */
        public void copiedData(long compressedBytes) {
            if (!copy) {
                throw new IllegalStateException(name + " was not opened for copied data");
            }
            compressedSize = compressedBytes;
        }
    }

    /**
     * An entry whose data is copied rather than produced here (an unchanged file's deflated bytes from the
     * zip this one replaces): fed the file's bytes for its CRC and size only, then given the copied data's
     * size ({@link Entry#copiedData}) and appended with that data. Thread-safe.
     */
    public static Entry openCopy(String name, long size) {
        Entry entry = new Entry(name, null, !ZipPolicyV1.isStored(name), ZipPolicyV1.deflatesInBlocks(name, size), 0, null);
        entry.copy = true;
        return entry;
    }

    /**
     * Starts one entry whose data goes to {@code data}; thread-safe. A STORED entry may have no sink: its
     * bytes are then given again at {@link #append(Entry, Path)}.
     */
    public static Entry openEntry(String name, long size, OutputStream data) {
        return openEntry(name, size, data, BlockPool.CALLER);
    }

    /**
     * The same, a large entry's blocks deflated on {@code pool}: which threads deflate them changes
     * nothing in the bytes, only how fast they come.
     */
    public static Entry openEntry(String name, long size, OutputStream data, BlockPool pool) {
        boolean deflate = !ZipPolicyV1.isStored(name);
        if (deflate && data == null) {
            throw new IllegalArgumentException("a deflated entry needs a sink for its data: " + name);
        }
        return new Entry(name, data, deflate, ZipPolicyV1.deflatesInBlocks(name, size), bufferFor(size), pool);
    }

    /** Where a large entry's blocks are deflated, and on how many threads (which bounds the blocks in flight). */
    public record BlockPool(java.util.concurrent.Executor executor, int threads) {
        /** On the thread that feeds the entry, one block after another: the serial reference. */
        public static final BlockPool CALLER = new BlockPool(Runnable::run, 1);
    }

    /** Appends a closed entry: its local header, then the first {@code length} bytes of {@code data}. */
    public void append(Entry entry, byte[] data, int length) throws IOException {
        if (length != entry.compressedSize) {
            throw new IllegalArgumentException(entry.name + ": " + length + " bytes of data for " + entry.compressedSize);
        }
        writeLocalHeader(entry);
        out.write(data, 0, length);
        offset += length;
    }

    /** Appends a closed entry whose data is the content of {@code file}: a staged copy, or a deflated record. */
    public void append(Entry entry, Path file) throws IOException {
        writeLocalHeader(entry);
        byte[] buffer = new byte[BUFFER_BYTES];
        long copied = 0;
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                copied += n;
            }
        }
        if (copied != entry.compressedSize) {
            throw new IOException(file + " holds " + copied + " bytes of " + entry.name + "'s " + entry.compressedSize);
        }
        offset += copied;
    }

    private void writeLocalHeader(Entry entry) throws IOException {
        if (lastName != null && PathOrder.UTF8_BYTES.compare(lastName, entry.name) >= 0) {
            throw new IllegalArgumentException("zip entries out of v1 order or duplicated: " + lastName + ", " + entry.name);
        }
        lastName = entry.name;
        EntryHeader c = new EntryHeader(entry.name, entry.deflated(), (int) entry.crc.getValue(), entry.compressedSize,
                entry.size, offset);
        central.add(c);
        write(records.localHeader(c, entry.nameBytes));
    }

    /** Writes the central directory and end records; the caller closes {@code out}. */
    public void finish() throws IOException {
        long directoryOffset = offset;
        for (int i = 0; i < central.size(); i++) {
            write(records.centralHeader(central.get(i)));
        }
        long directorySize = offset - directoryOffset;
        long count = central.size();
        if (ZipRecords.needsZip64End(count, directorySize, directoryOffset)) {
            write(ZipRecords.zip64End(count, directorySize, directoryOffset, offset));
        }
        write(ZipRecords.end(count, directorySize, directoryOffset));
        out.flush();
    }

    private void write(byte[] record) throws IOException {
        out.write(record);
        offset += record.length;
    }

    /**
     * The serial writer, the reference the parallel packer is held to: every source, sorted into v1 order,
     * read from disk into {@code out}. Each file is read twice (once for its CRC and sizes, once for its
     * data), so memory stays bounded whatever its size.
     */
    public static void write(List<Source> sources, OutputStream out, long fixedEpochMs) throws IOException {
        List<Source> sorted = new ArrayList<>(sources);
        sorted.sort((a, b) -> PathOrder.UTF8_BYTES.compare(a.name(), b.name()));
        DeterministicZipWriter writer = new DeterministicZipWriter(out, fixedEpochMs);
        for (Source source : sorted) {
            Entry sizes = openEntry(source.name(), source.size(), OutputStream.nullOutputStream());
            long read = feed(source.file(), sizes);
            if (read != source.size()) {
                throw new IOException(source.file() + " changed size while zipping (" + source.size() + " -> " + read + ")");
            }
            writer.writeLocalHeader(sizes);
            Entry data = openEntry(source.name(), source.size(), out);
            feed(source.file(), data);
            if (data.compressedSize != sizes.compressedSize || data.crc.getValue() != sizes.crc.getValue()) {
                throw new IOException(source.file() + " changed while zipping");
            }
            writer.offset += data.compressedSize;
        }
        writer.finish();
    }

    /**
     * Feeds a whole file to an entry and closes it (or, on failure, frees it).
     * @return the bytes read
     */
    public static long feed(Path file, Entry entry) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        long read = 0;
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                entry.write(buffer, 0, n);
                read += n;
            }
            entry.close();
        } finally {
            entry.discard();
        }
        return read;
    }

    /**
     * A buffer no larger than the file needs: each entry gets its own, and on trees of many small files
     * 64 KiB apiece would be most of what the JVM allocates. (Deflate's output does not depend on it.)
     */
    public static int bufferFor(long size) {
        return (int) Math.max(MIN_BUFFER_BYTES, Math.min(BUFFER_BYTES, size + 1));
    }

    /** An in-memory sink whose bytes are appended without another copy. */
    public static final class ByteSink extends java.io.ByteArrayOutputStream {
        public ByteSink(int size) {
            super(size);
        }

        public byte[] bytes() {
            return buf;
        }
    }
}
