package zip;

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
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import net.lingala.zip4j.headers.HeaderWriter;
import net.lingala.zip4j.io.outputstream.ZipOutputStream;
import net.lingala.zip4j.model.FileHeader;
import net.lingala.zip4j.model.Zip4jConfig;
import net.lingala.zip4j.model.ZipModel;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.CompressionLevel;
import net.lingala.zip4j.model.enums.CompressionMethod;
import scan.PathOrder;

/**
 * Writes a Deterministic ZIP v1 archive with Zip4j: regular-file entries only, in v1 order, one fixed
 * UTC time, mode 0100644 with a Unix host byte, no extra fields but zip64.
 *
 * <p>A zip is a run of self-contained local records (header, data, data descriptor) followed by a
 * central directory that points at them. So each entry's record is written by its own Zip4j
 * {@link ZipOutputStream} ({@link #openEntry}), on any thread and into any sink; the records are then
 * {@link #append}ed in order, and {@link #finish} writes the central directory with Zip4j's
 * {@link HeaderWriter}. One code path makes both the serial and the parallel zip, so they are the same bytes.
 */
public final class DeterministicZipWriter {
    /** One file to pack: its entry name and where its bytes are. */
    public record Source(String name, Path file, long size) {}

    /** Large enough that per-call overhead vanishes, small enough to stay in L2. */
    public static final int BUFFER_BYTES = 1 << 16;
    /** Zip4j's smallest allowed buffer. */
    private static final int MIN_BUFFER_BYTES = 512;
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    /**
     * Guards the JVM defaults Zip4j reads (through Calendar.getInstance()) when it turns the fixed instant
     * into DOS time: the time zone, and the format locale, which picks the calendar (Buddhist under th-TH).
     */
    private static final Object CALENDAR_DEFAULTS_LOCK = new Object();

    private final OutputStream out;
    private final List<FileHeader> headers = new ArrayList<>();
    private long offset;
    private boolean zip64;
    private String lastName;

    /** @param out where the zip goes; left open by {@link #finish} */
    public DeterministicZipWriter(OutputStream out) {
        this.out = out;
    }

    /** One entry's local record being written: feed it the file's bytes, then {@link #close()} it. */
    public static final class Entry {
        private final String name;
        private final ZipOutputStream zip;
        private final CountingSink sink;
        private FileHeader header;

        private Entry(String name, ZipOutputStream zip, CountingSink sink) {
            this.name = name;
            this.zip = zip;
            this.sink = sink;
        }

        public void write(byte[] bytes, int off, int len) throws IOException {
            zip.write(bytes, off, len);
        }

        /** Ends the record (the data descriptor is written) without any central directory. */
        public void close() throws IOException {
            header = zip.closeEntry();
            // The central directory keeps every header to the end. Their attributes and flags are the
            // same few values, so all headers share one array of each (a zip of 100,000 entries held
            // 4.8 MB of copies); Zip4j only reads them from here on.
            header.setExternalFileAttributes(EXTERNAL_ATTRIBUTES);
            header.setGeneralPurposeFlag(sharedFlags(header.getGeneralPurposeFlag()));
        }
    }

    /** Starts the local record of one entry into {@code sink}; thread-safe. */
    public static Entry openEntry(String name, long size, long fixedEpochMs, OutputStream sink) throws IOException {
        CountingSink counting = new CountingSink(sink);
        ZipOutputStream zip = new ZipOutputStream(counting, null,
                new Zip4jConfig(StandardCharsets.UTF_8, bufferFor(size), true), new ZipModel());
        putNextEntryInUtc(zip, parameters(name, size, fixedEpochMs));
        return new Entry(name, zip, counting);
    }

    /**
     * Appends a closed entry whose record is already in the zip's stream (it was opened on {@code out}
     * itself) or is given as {@code record} bytes to copy there. Entries must come in v1 order.
     */
    public void append(Entry entry, byte[] record, int length) throws IOException {
        if (lastName != null && PathOrder.UTF8_BYTES.compare(lastName, entry.name) >= 0) {
            throw new IllegalArgumentException("zip entries out of v1 order or duplicated: " + lastName + ", " + entry.name);
        }
        lastName = entry.name;
        if (record != null) {
            out.write(record, 0, length);
        }
        entry.header.setOffsetLocalHeader(offset);
        // As Zip4j's own stream decides it: a zip64 local header (known size over the limit) makes a zip64 zip.
        zip64 |= entry.header.getUncompressedSize() >= ZIP64_LIMIT;
        offset += entry.sink.count;
        headers.add(entry.header);
    }

    /** The stream an entry is opened on when its record goes straight into the zip (no copy). */
    public OutputStream stream() {
        return out;
    }

    /** Writes the central directory and end records; the caller closes {@code out}. */
    public void finish() throws IOException {
        ZipModel model = new ZipModel();
        model.getCentralDirectory().getFileHeaders().addAll(headers);
        model.setZip64Format(zip64);
        model.getEndOfCentralDirectoryRecord().setOffsetOfStartOfCentralDirectory(offset);
        new HeaderWriter().finalizeZipFile(model, out, StandardCharsets.UTF_8);
        out.flush();
    }

    /** Zip4j's own threshold for zip64 records. */
    private static final long ZIP64_LIMIT = 0xFFFFFFFFL;

    /** The serial writer: every source, sorted into v1 order, read from disk into {@code out}. */
    public static void write(List<Source> sources, OutputStream out, long fixedEpochMs) throws IOException {
        List<Source> sorted = new ArrayList<>(sources);
        sorted.sort((a, b) -> PathOrder.UTF8_BYTES.compare(a.name(), b.name()));
        DeterministicZipWriter writer = new DeterministicZipWriter(out);
        byte[] buffer = new byte[BUFFER_BYTES];
        for (Source source : sorted) {
            Entry entry = openEntry(source.name(), source.size(), fixedEpochMs, writer.stream());
            long copied = 0;
            try (InputStream in = Files.newInputStream(source.file(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    entry.write(buffer, 0, n);
                    copied += n;
                }
            }
            if (copied != source.size()) {
                throw new IOException(source.file() + " changed size while zipping (" + source.size() + " -> " + copied + ")");
            }
            entry.close();
            writer.append(entry, null, 0);
        }
        writer.finish();
    }

    /**
     * A buffer no larger than the file needs: each entry gets its own, and on trees of many small files
     * 64 KiB apiece would be most of what the JVM allocates. (Deflate's output does not depend on it.)
     */
    public static int bufferFor(long size) {
        return (int) Math.max(MIN_BUFFER_BYTES, Math.min(BUFFER_BYTES, size + 1));
    }

    private static ZipParameters parameters(String name, long size, long fixedEpochMs) {
        ZipParameters p = new ZipParameters();
        p.setFileNameInZip(name);
        boolean stored = ZipPolicyV1.isStored(name);
        p.setCompressionMethod(stored ? CompressionMethod.STORE : CompressionMethod.DEFLATE);
        p.setCompressionLevel(deflateLevel());
        // A known size lets Zip4j choose zip64 for the local header up front (entries over 4 GiB).
        p.setEntrySize(size);
        p.setLastModifiedFileTime(fixedEpochMs);
        p.setUnixMode(true);
        return p;
    }

    /**
     * Zip4j converts the instant to DOS fields with the JVM's default calendar; v1 wants UTC wall-clock
     * fields of the Gregorian calendar, so those defaults are set for the moment the header is built.
     */
    private static void putNextEntryInUtc(ZipOutputStream zip, ZipParameters parameters) throws IOException {
        synchronized (CALENDAR_DEFAULTS_LOCK) {
            TimeZone savedZone = TimeZone.getDefault();
            Locale savedLocale = Locale.getDefault(Locale.Category.FORMAT);
            TimeZone.setDefault(UTC);
            Locale.setDefault(Locale.Category.FORMAT, Locale.ROOT);
            try {
                zip.putNextEntry(parameters);
            } finally {
                Locale.setDefault(Locale.Category.FORMAT, savedLocale);
                TimeZone.setDefault(savedZone);
            }
        }
    }

    private static final byte[] EXTERNAL_ATTRIBUTES = externalAttributes();
    /** Zip4j's general-purpose flags by content: two bytes, a handful of distinct values in one zip. */
    private static final Map<Integer, byte[]> SHARED_FLAGS = new ConcurrentHashMap<>();

    /** The one array holding these two flag bytes (keyed by both, so only equal arrays are ever swapped). */
    private static byte[] sharedFlags(byte[] flags) {
        return flags.length != 2 ? flags
                : SHARED_FLAGS.computeIfAbsent((flags[0] & 0xff) | (flags[1] & 0xff) << 8, k -> flags.clone());
    }

    private static byte[] externalAttributes() {
        long value = ZipPolicyV1.EXTERNAL_ATTRIBUTES;
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)};
    }

    private static CompressionLevel deflateLevel() {
        for (CompressionLevel level : CompressionLevel.values()) {
            if (level.getLevel() == ZipPolicyV1.DEFLATE_LEVEL) {
                return level;
            }
        }
        throw new IllegalStateException("Zip4j has no deflate level " + ZipPolicyV1.DEFLATE_LEVEL);
    }

    /** Counts a record's bytes; never closes the sink (Zip4j's streams would close it). */
    private static final class CountingSink extends OutputStream {
        private final OutputStream sink;
        private long count;

        CountingSink(OutputStream sink) {
            this.sink = sink;
        }

        @Override
        public void write(int b) throws IOException {
            sink.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            sink.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            sink.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
