package commit;

import console.Progress;
import errors.ErrorCode;
import errors.PrezipException;
import io.DaemonThreads;
import io.ExitCleanup;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import scan.EntryName;
import scan.ScannedEntry;
import secrets.ContentScan;
import secrets.SecretFinding;
import secrets.SecretScanner;
import types.Sniffer;
import types.TypeFinding;
import zip.DeterministicZipWriter;
import zip.PreviousEntries;
import zip.StagedFile;
import zip.ZipPolicyV1;

/**
 * Stages and zips the eligible files in one pass over each: worker threads copy a file into staging
 * while hashing it, scanning it for credentials, telling its type, taking its CRC and deflating it; the calling thread appends the
 * entries in v1 order (a file its type leaves out is not appended).
 * The data of a file up to {@link #INLINE_LIMIT} is kept in memory; a larger file's deflated data goes to
 * a record file in staging (and a larger STORED file is appended from its staged copy), so memory stays
 * bounded whatever the file sizes, and big files deflate on every core. On a re-delivery an unchanged
 * file's deflated data is copied from the zip this one replaces instead ({@link Reuse}): still staged,
 * hashed and scanned, only not deflated again.
 */
public final class Packer {
    /** Files up to this size have their zip data built in memory by a worker; larger ones go through staging. */
    static final long INLINE_LIMIT = 4L << 20;
    /** Bytes of files in flight at once (staged but not yet appended): bounds memory on any tree. */
    static final long WINDOW_BYTES = 64L << 20;
    /** Files in flight per worker: enough to spread the workers over several folders at once. */
    static final int WINDOW_FILES_PER_THREAD = 64;
    /** How long a failed run waits for its workers to stop before cleaning staging up. */
    private static final long STOP_WAIT_SECONDS = 60;

    /**
     * Creating a staging file costs about 0.25 ms of waiting on ext4 here, not CPU: four threads create
     * files 3.7 times as fast as one (measured), so the workers outnumber the cores.
     */
    public static int defaultThreads() {
        return Math.max(MIN_THREADS, 2 * Runtime.getRuntime().availableProcessors());
    }

    /** See {@link #defaultThreads()}. */
    static final int MIN_THREADS = 4;

    private Packer() {}

    /** Where large files' deflated data waits for its turn, inside staging (hidden: it never ships). */
    static final String RECORDS_FOLDER = ".prezip-records";

    /**
     * A staged file and its zip entry, whose data is in memory ({@code data}), in a record file
     * ({@code dataFile}), or, for a large STORED file, the staged copy itself (both null).
     */
    private record Packed(StagedFile staged, DeterministicZipWriter.Entry entry, DeterministicZipWriter.ByteSink data,
                          Path dataFile, List<SecretFinding> secrets, TypeFinding type) {

        /** Whether its type leaves it out: it is then not appended, and its staged copy goes. */
        boolean leftOut() {
            return type != null && type.excluded();
        }
    }

    /** The staged files in v1 order, and the credentials the scan found in their content (approved or not). */
    record Result(List<StagedFile> staged, List<SecretFinding> secrets) {}

    /**
     * @param entries eligible scanned files, in the zip's order (the v1 order of their entry names)
     * @param threads worker threads; 1 gives the same bytes, slower
     * @param progress advanced as each record is appended
     * @param scan the content scan the copied bytes go through
     * @param reuse the zip this one replaces, whose unchanged entries' deflated data is copied (over {@link PreviousEntries#NONE}: none)
     */
    static Result pack(List<ScannedEntry> entries, Staging staging, DeterministicZipWriter writer,
                       int threads, Progress progress, ContentScan scan, Reuse reuse) throws IOException {
        progress.total(entries.size(), entries.stream().mapToLong(ScannedEntry::size).sum());
        // Workers take the queued file with the lowest rank in its folder first: creating files in one
        // folder serialises on that folder's lock, so concurrent creations should go to different folders.
        ExecutorService workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new PriorityBlockingQueue<>(), DaemonThreads.named("prezip-packer"));
        int[] rankInFolder = ranksInFolder(entries);
        Path records = staging.root().resolve(RECORDS_FOLDER);
        if (entries.stream().anyMatch(e -> e.size() > INLINE_LIMIT && !isStored(e))) {
            ExitCleanup.guarded(() -> Files.createDirectory(records));
        }
        // Deflating is CPU work: a large entry's blocks go to one thread per core (at most --threads).
        int blockThreads = Math.min(threads, Runtime.getRuntime().availableProcessors());
        ExecutorService blockWorkers = Executors.newFixedThreadPool(blockThreads, DaemonThreads.named("prezip-deflate"));
        Place place = new Place(staging, records, new DeterministicZipWriter.BlockPool(blockWorkers, blockThreads), progress);
        List<StagedFile> staged = new ArrayList<>(entries.size());
        List<SecretFinding> secrets = new ArrayList<>();
        ArrayDeque<Future<Packed>> window = new ArrayDeque<>();
        int windowFiles = threads * WINDOW_FILES_PER_THREAD;
        long windowBytes = 0;
        int next = 0;
        try {
            for (int i = 0; i < entries.size(); i++) {
                while (next < entries.size() && window.size() < windowFiles
                        && (window.isEmpty() || windowBytes + weight(entries.get(next), threads) <= WINDOW_BYTES)) {
                    int index = next++;
                    ScannedEntry entry = entries.get(index);
                    windowBytes += weight(entry, threads);
                    PreviousEntries.Entry previous = reuse.candidate(entry);
                    Task task = new Task(rankInFolder[index], index, () -> stage(entry, index, place, scan, reuse, previous));
                    workers.execute(task);
                    window.add(task);
                }
                Packed packed = await(window.poll());
                windowBytes -= weight(entries.get(i), threads);
                secrets.addAll(packed.secrets());
                if (packed.leftOut()) {
                    // Known only now that its bytes went by: the zip and staging hold only what ships.
                    discard(packed, staging);
                } else {
                    append(packed, staging, writer);
                    staged.add(packed.staged());
                }
                // A large file's bytes were counted as they were copied (the line moves while it deflates).
                progress.advance(1, packed.staged().size() > INLINE_LIMIT ? 0 : packed.staged().size());
            }
            progress.done();
            // Empty by now (each record file goes once appended); staging must hold only what ships.
            Files.deleteIfExists(records);
            return new Result(staged, secrets);
        } finally {
            workers.shutdownNow();
            // Blocks never run are cancelled, so a worker waiting on one is woken, never left waiting.
            blockWorkers.shutdownNow().forEach(dropped -> ((java.util.concurrent.Future<?>) dropped).cancel(false));
            try {
                // Staging is deleted after this returns: no worker may still be writing into it then.
                workers.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A staging task ordered by (rank of its file within its folder, position in v1 order). */
    private static final class Task extends FutureTask<Packed> implements Comparable<Task> {
        private final int rank;
        private final int index;

        Task(int rank, int index, Callable<Packed> work) {
            super(work);
            this.rank = rank;
            this.index = index;
        }

        @Override
        public int compareTo(Task other) {
            return rank != other.rank ? Integer.compare(rank, other.rank) : Integer.compare(index, other.index);
        }
    }

    /** For each entry (in v1 order, so a folder's files are adjacent), how many of its folder's files came before. */
    private static int[] ranksInFolder(List<ScannedEntry> entries) {
        int[] ranks = new int[entries.size()];
        String previousFolder = null;
        for (int i = 0; i < entries.size(); i++) {
            String path = entries.get(i).relativePath();
            String folder = path.substring(0, Math.max(0, path.lastIndexOf('/')));
            ranks[i] = folder.equals(previousFolder) ? ranks[i - 1] + 1 : 0;
            previousFolder = folder;
        }
        return ranks;
    }

    /**
     * What a file costs the window: the memory its data takes in flight (a large STORED file streams and
     * takes a buffer). A large DEFLATED file counts as a worker's share of the window, so no more of them
     * than there are workers are in flight: each has a record file on disk until it is appended.
     */
    private static long weight(ScannedEntry entry, int threads) {
        if (entry.size() > INLINE_LIMIT && !isStored(entry)) {
            return Math.max(INLINE_LIMIT + 1, WINDOW_BYTES / threads);
        }
        return Math.min(entry.size(), INLINE_LIMIT) + 1;
    }

    /** Whether the entry is STORED, as the writer decides it from the name it ships under. */
    private static boolean isStored(ScannedEntry entry) {
        return ZipPolicyV1.isStored(EntryName.of(entry.relativePath()));
    }

    /** Where a worker puts what it makes: staging, the record files of large entries, the deflating threads, the status line. */
    private record Place(Staging staging, Path records, DeterministicZipWriter.BlockPool blocks, Progress progress) {}

    /** A file's zip data being made: in memory, in a record file (open until closed), or, for a large STORED file, its staged copy. */
    private record Data(DeterministicZipWriter.Entry entry, DeterministicZipWriter.ByteSink bytes, Path file, OutputStream out) {
        void closeFile() throws IOException {
            if (out != null) {
                out.close();
            }
        }
    }

    private static Packed stage(ScannedEntry entry, int index, Place place, ContentScan scan, Reuse reuse,
                                PreviousEntries.Entry previous) throws IOException {
        // The zip and staging use the name it ships under; a finding names the source path, as the report does.
        String source = entry.relativePath();
        String name = EntryName.of(source);
        LongConsumer copied = entry.size() > INLINE_LIMIT ? n -> place.progress().advance(0, n) : n -> { };
        SecretScanner scanner = scan.scannerFor(source, entry.size());
        Sniffer sniffer = scan.snifferFor(entry.size());
        Data data;
        StagedFile staged;
        if (previous != null) {
            // Measured only while staged: its data may be the previous zip's, already deflated.
            DeterministicZipWriter.Entry measured = DeterministicZipWriter.openCopy(name, entry.size());
            staged = copyInto(entry, name, place.staging(), measured, scanner, sniffer, copied);
            data = copied(previous, staged, measured, index, place, reuse);
            if (data == null) {
                data = deflatedFromStaging(staged, index, place);
            }
        } else {
            data = open(name, entry.size(), index, place);
            try {
                staged = copyInto(entry, name, place.staging(), data.entry(), scanner, sniffer, copied);
            } finally {
                data.closeFile();
            }
        }
        // A container is read again as a zip: from memory when its STORED bytes are there, else from its staged copy.
        DeterministicZipWriter.ByteSink stored = data.bytes() != null && !data.entry().deflated() ? data.bytes() : null;
        Staging staging = place.staging();
        List<SecretFinding> secrets = scan.findings(scanner, source, entry.size(), stored != null
                ? () -> new ByteArrayInputStream(stored.bytes(), 0, stored.size())
                : () -> Files.newInputStream(staging.root().resolve(name), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
        return new Packed(staged, data.entry(), data.bytes(), data.file(), secrets, scan.typeOf(source, sniffer));
    }

    /** A new entry and where its data goes, by the file's size and type. */
    private static Data open(String name, long size, int index, Place place) throws IOException {
        if (size <= INLINE_LIMIT) {
            DeterministicZipWriter.ByteSink bytes = new DeterministicZipWriter.ByteSink((int) mostDeflatedBytes(size));
            return new Data(DeterministicZipWriter.openEntry(name, size, bytes), bytes, null, null);
        }
        if (ZipPolicyV1.isStored(name)) {
            return new Data(DeterministicZipWriter.openEntry(name, size, null), null, null, null);
        }
        // Deflated in the pass that stages, hashes and scans it, its blocks on every core (BlockDeflater),
        // into a record file that waits for its turn to be appended.
        Path record = recordFile(index, place);
        OutputStream out = new BufferedOutputStream(ExitCleanup.guarded(() -> Files.newOutputStream(record,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)), DeterministicZipWriter.BUFFER_BYTES);
        return new Data(DeterministicZipWriter.openEntry(name, size, out, place.blocks()), null, record, out);
    }

    /**
     * The most deflated data a file of this size can have: deflate's worst case, incompressible bytes in
     * stored blocks, is about 0.03 % over its input.
     */
    static long mostDeflatedBytes(long size) {
        return size + size / 256 + 64;
    }

    private static Path recordFile(int index, Place place) {
        return place.records().resolve(Integer.toString(index));
    }

    /**
     * The previous zip's data for a staged file, in memory or in a record file, or null when it must be
     * deflated: its content differs (a file changed, same size), or the previous data failed its check.
     */
    private static Data copied(PreviousEntries.Entry previous, StagedFile staged, DeterministicZipWriter.Entry measured,
                               int index, Place place, Reuse reuse) throws IOException {
        if (!Reuse.sameContent(previous, staged, measured)) {
            return null;
        }
        if (staged.size() <= INLINE_LIMIT) {
            DeterministicZipWriter.ByteSink bytes = new DeterministicZipWriter.ByteSink((int) previous.compressedSize());
            return reuse.copy(previous, staged, measured, bytes) ? new Data(measured, bytes, null, null) : null;
        }
        Path record = recordFile(index, place);
        boolean good;
        try (OutputStream out = new BufferedOutputStream(ExitCleanup.guarded(() -> Files.newOutputStream(record,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)), DeterministicZipWriter.BUFFER_BYTES)) {
            good = reuse.copy(previous, staged, measured, out);
        }
        if (!good) {
            Files.delete(record);
        }
        return good ? new Data(measured, null, record, null) : null;
    }

    /** A staged file deflated from its staged copy: its content changed, or the previous zip's data for it was refused. */
    private static Data deflatedFromStaging(StagedFile staged, int index, Place place) throws IOException {
        Data data = open(staged.relativePath(), staged.size(), index, place);
        try {
            Path copy = place.staging().root().resolve(staged.relativePath());
            if (DeterministicZipWriter.feed(copy, data.entry()) != staged.size()) {
                throw new IOException(copy + " no longer holds the " + staged.size() + " bytes staged");
            }
        } finally {
            data.closeFile();
        }
        return data;
    }

    /** Stages the file while feeding its zip entry (and scanner), the entry closed (or, on failure, discarded) here. */
    private static StagedFile copyInto(ScannedEntry entry, String name, Staging staging, DeterministicZipWriter.Entry zipEntry,
                                       SecretScanner scanner, Sniffer sniffer, LongConsumer copied) throws IOException {
        try {
            StagedFile staged = staging.copy(entry, name, zipEntry, scanner, sniffer, copied);
            zipEntry.close();
            return staged;
        } finally {
            zipEntry.discard();
        }
    }

    private static void discard(Packed packed, Staging staging) throws IOException {
        if (packed.dataFile() != null) {
            Files.delete(packed.dataFile());
        }
        Files.delete(staging.root().resolve(packed.staged().relativePath()));
    }

    private static void append(Packed packed, Staging staging, DeterministicZipWriter writer) throws IOException {
        if (packed.data() != null) {
            writer.append(packed.entry(), packed.data().bytes(), packed.data().size());
        } else if (packed.dataFile() != null) {
            writer.append(packed.entry(), packed.dataFile());
            Files.delete(packed.dataFile());
        } else {
            writer.append(packed.entry(), staging.root().resolve(packed.staged().relativePath()));
        }
    }

    private static Packed await(Future<Packed> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while zipping");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof PrezipException prezip) {
                throw prezip;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new PrezipException(ErrorCode.PZ_INTERNAL, "zipping failed: " + cause, cause);
        }
    }
}
