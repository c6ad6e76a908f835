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
import java.util.TimeZone;
import net.lingala.zip4j.io.outputstream.ZipOutputStream;
import net.lingala.zip4j.model.FileHeader;
import net.lingala.zip4j.model.Zip4jConfig;
import net.lingala.zip4j.model.ZipModel;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.CompressionLevel;
import net.lingala.zip4j.model.enums.CompressionMethod;

/**
 * Writes a Deterministic ZIP v1 archive with Zip4j's ZipOutputStream: regular-file entries only, in
 * v1 order, one fixed UTC time, mode 0100644 with a Unix host byte, no extra fields but zip64.
 */
final class DeterministicZipWriter {
    /** One file to pack: its entry name and where its bytes are (on the staging tree). */
    record Source(String name, Path file, long size) {}

    /** Large enough that per-call overhead vanishes, small enough to stay in L2. */
    private static final int BUFFER_BYTES = 1 << 16;
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    /** Guards the JVM default time zone, which Zip4j reads when it turns the fixed instant into DOS time. */
    private static final Object DEFAULT_ZONE_LOCK = new Object();

    private DeterministicZipWriter() {}

    /** Writes every source, sorted by v1 order, to {@code out} (which is not closed). */
    static void write(List<Source> sources, OutputStream out, long fixedEpochMs) throws IOException {
        List<Source> sorted = new ArrayList<>(sources);
        sorted.sort((a, b) -> PathOrder.UTF8_BYTES.compare(a.name(), b.name()));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
                throw new IllegalArgumentException("duplicate zip entry " + sorted.get(i).name());
            }
        }
        ZipOutputStream zip = new ZipOutputStream(new NonClosingOutputStream(out), null,
                new Zip4jConfig(StandardCharsets.UTF_8, BUFFER_BYTES, true), new ZipModel());
        byte[] buffer = new byte[BUFFER_BYTES];
        for (Source source : sorted) {
            putNextEntryInUtc(zip, parameters(source, fixedEpochMs));
            long copied = 0;
            try (InputStream in = Files.newInputStream(source.file(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    zip.write(buffer, 0, n);
                    copied += n;
                }
            }
            if (copied != source.size()) {
                throw new IOException(source.file() + " changed size while zipping (" + source.size() + " -> " + copied + ")");
            }
            FileHeader header = zip.closeEntry();
            // The central directory is written at close() from these headers: this is where the mode goes.
            header.setExternalFileAttributes(externalAttributes());
        }
        zip.close();
    }

    private static ZipParameters parameters(Source source, long fixedEpochMs) {
        ZipParameters p = new ZipParameters();
        p.setFileNameInZip(source.name());
        boolean stored = ZipPolicyV1.isStored(source.name());
        p.setCompressionMethod(stored ? CompressionMethod.STORE : CompressionMethod.DEFLATE);
        p.setCompressionLevel(deflateLevel());
        // A known size lets Zip4j choose zip64 for the local header up front (entries over 4 GiB).
        p.setEntrySize(source.size());
        p.setLastModifiedFileTime(fixedEpochMs);
        p.setUnixMode(true);
        return p;
    }

    /**
     * Zip4j converts the instant to DOS fields in the JVM's default time zone; v1 wants UTC wall-clock
     * fields, so the default zone is UTC for the moment the header is built (and only then).
     */
    private static void putNextEntryInUtc(ZipOutputStream zip, ZipParameters parameters) throws IOException {
        synchronized (DEFAULT_ZONE_LOCK) {
            TimeZone saved = TimeZone.getDefault();
            TimeZone.setDefault(UTC);
            try {
                zip.putNextEntry(parameters);
            } finally {
                TimeZone.setDefault(saved);
            }
        }
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

    /** Lets the caller keep its stream (to fsync and rename it) after Zip4j closes the zip. */
    private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
