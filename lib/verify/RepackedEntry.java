package verify;

import io.ExitCleanup;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import scan.ScannedEntry;
import zip.DeterministicZipWriter;
import zip.ZipPolicyV1;

/**
 * One manifest entry packed again from its source file by the toolkit's own writer, ready to append: its
 * zip data in memory (up to {@link #IN_MEMORY_MAX_BYTES}), in a temp file (a larger DEFLATED entry, deflated
 * once in blocks on the pool), or, for a larger STORED entry, the source file itself, read again when it is
 * appended. Nothing is written beside the delivery; the temp file is in java.io.tmpdir and always removed.
 */
final class RepackedEntry {
    /** A commit's bound on an entry built in memory: at most one such entry per packing worker, whatever the tree. */
    static final long IN_MEMORY_MAX_BYTES = ZipPolicyV1.BLOCK_DEFLATE_MIN_BYTES;
    /** The temp files' names, so a leftover of a killed run is recognisable in java.io.tmpdir. */
    static final String TEMP_PREFIX = "prezip-rebuild-";

    private final DeterministicZipWriter.Entry entry;
    private final DeterministicZipWriter.ByteSink data;
    private final Path dataFile;
    private final Path storedSource;

    private RepackedEntry(DeterministicZipWriter.Entry entry, DeterministicZipWriter.ByteSink data, Path dataFile, Path storedSource) {
        this.entry = entry;
        this.data = data;
        this.dataFile = dataFile;
        this.storedSource = storedSource;
    }

    /** A source file that is not what the scan saw (its size changed) cannot be packed as the scan says. */
    static final class SourceChanged extends IOException {
        SourceChanged(String message) {
            super(message);
        }
    }

    /** Packs {@code source} as entry {@code name}; on any failure nothing is left (no temp file, no native deflater). */
    static RepackedEntry pack(String name, ScannedEntry source, DeterministicZipWriter.BlockPool pool) throws IOException {
        long size = source.size();
        if (size <= IN_MEMORY_MAX_BYTES) {
            // Room for deflate's worst case on incompressible bytes (about 0.03 %), as a commit gives it.
            DeterministicZipWriter.ByteSink sink = new DeterministicZipWriter.ByteSink((int) (size + size / 256 + 64));
            return new RepackedEntry(feed(source, DeterministicZipWriter.openEntry(name, size, sink)), sink, null, null);
        }
        if (ZipPolicyV1.isStored(name)) {
            return new RepackedEntry(feed(source, DeterministicZipWriter.openEntry(name, size, null)), null, null, source.path());
        }
        Path temp = ExitCleanup.guarded(() -> {
            Path file = Files.createTempFile(TEMP_PREFIX, ".deflate");
            ExitCleanup.register(file);
            return file;
        });
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS), DeterministicZipWriter.BUFFER_BYTES)) {
            return new RepackedEntry(feed(source, DeterministicZipWriter.openEntry(name, size, out, pool)), null, temp, null);
        } catch (IOException | RuntimeException | Error e) {
            delete(temp);
            throw e;
        }
    }

    /**
     * Feeds the source file, opened without following a link, to the entry and closes it (or frees it on
     * failure). At most one byte past the scanned size is read: a file that grows is not read to its end.
     */
    private static DeterministicZipWriter.Entry feed(ScannedEntry source, DeterministicZipWriter.Entry entry) throws IOException {
        byte[] buffer = new byte[DeterministicZipWriter.bufferFor(source.size())];
        long read = 0;
        try (InputStream in = Files.newInputStream(source.path(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; read <= source.size() && (n = in.read(buffer)) > 0; ) {
                if (ExitCleanup.stopping()) {
                    throw new InterruptedIOException("stopped while packing " + source.relativePath() + " again");
                }
                entry.write(buffer, 0, n);
                read += n;
            }
            if (read != source.size()) {
                throw new SourceChanged("its size changed from " + source.size() + " bytes at the scan to "
                        + (read > source.size() ? "more" : Long.toString(read)) + " while it was read");
            }
            entry.close();
            return entry;
        } finally {
            entry.discard();
        }
    }

    /** Appends the entry: its local header, then its data from wherever it waits. */
    void appendTo(DeterministicZipWriter writer) throws IOException {
        if (data != null) {
            writer.append(entry, data.bytes(), data.size());
        } else if (dataFile != null) {
            try {
                writer.append(entry, dataFile);
            } finally {
                discard();
            }
        } else {
            writer.append(entry, storedSource);
        }
    }

    /** Removes the temp file, if any: after appending, or when the rebuild stops before it. */
    void discard() {
        if (dataFile != null) {
            delete(dataFile);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Best effort, as a failing run's cleanup is; the exit hook tries again.
            return;
        }
        ExitCleanup.done(file);
    }
}
