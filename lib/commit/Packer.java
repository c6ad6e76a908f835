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
import zip.DeterministicZipWriter;
import zip.StagedFile;
import zip.ZipPolicyV1;

/**
 * Stages and zips the eligible files in one pass over each: worker threads copy a file into staging
 * while hashing it, scanning it for credentials, taking its CRC and deflating it; the calling thread appends the entries in v1 order.
 * The data of a file up to {@link #INLINE_LIMIT} is kept in memory; a larger file's deflated data goes to
 * a record file in staging (and a larger STORED file is appended from its staged copy), so memory stays
 * bounded whatever the file sizes, and big files deflate on every core.
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
                          Path dataFile, List<SecretFinding> secrets) {}

    /** The staged files in v1 order, and the credentials the scan found in their content (approved or not). */
    record Result(List<StagedFile> staged, List<SecretFinding> secrets) {}

    /**
     * @param entries eligible scanned files, in the zip's order (the v1 order of their entry names)
     * @param threads worker threads; 1 gives the same bytes, slower
     * @param progress advanced as each record is appended
     * @param scan the content scan the copied bytes go through
     */
    static Result pack(List<ScannedEntry> entries, Staging staging, DeterministicZipWriter writer,
                       int threads, Progress progress, ContentScan scan) throws IOException {
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
        DeterministicZipWriter.BlockPool blocks = new DeterministicZipWriter.BlockPool(blockWorkers, blockThreads);
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
                    Task task = new Task(rankInFolder[index], index, () -> stage(entry, index, staging, records, scan, blocks, progress));
                    workers.execute(task);
                    window.add(task);
                }
                Packed packed = await(window.poll());
                windowBytes -= weight(entries.get(i), threads);
                append(packed, staging, writer);
                staged.add(packed.staged());
                secrets.addAll(packed.secrets());
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

    private static Packed stage(ScannedEntry entry, int index, Staging staging, Path records, ContentScan scan,
                                DeterministicZipWriter.BlockPool blocks, Progress progress) throws IOException {
        // The zip and staging use the name it ships under; a finding names the source path, as the report does.
        String source = entry.relativePath();
        String name = EntryName.of(source);
        LongConsumer copied = entry.size() > INLINE_LIMIT ? n -> progress.advance(0, n) : n -> { };
        SecretScanner scanner = scan.scannerFor(source, entry.size());
        DeterministicZipWriter.ByteSink data = null;
        Path dataFile = null;
        DeterministicZipWriter.Entry zipEntry;
        StagedFile staged;
        if (entry.size() <= INLINE_LIMIT) {
            // Room for deflate's worst case on incompressible bytes (about 0.03 %).
            data = new DeterministicZipWriter.ByteSink((int) (entry.size() + entry.size() / 256 + 64));
            zipEntry = DeterministicZipWriter.openEntry(name, entry.size(), data);
            staged = copyInto(entry, name, staging, zipEntry, scanner, copied);
        } else if (ZipPolicyV1.isStored(name)) {
            zipEntry = DeterministicZipWriter.openEntry(name, entry.size(), null);
            staged = copyInto(entry, name, staging, zipEntry, scanner, copied);
        } else {
            // Deflated in the pass that stages, hashes and scans it, its blocks on every core (BlockDeflater),
            // into a record file that waits for its turn to be appended.
            Path record = records.resolve(Integer.toString(index));
            dataFile = record;
            OutputStream file = ExitCleanup.guarded(() -> Files.newOutputStream(record, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE));
            try (OutputStream out = new BufferedOutputStream(file, DeterministicZipWriter.BUFFER_BYTES)) {
                zipEntry = DeterministicZipWriter.openEntry(name, entry.size(), out, blocks);
                staged = copyInto(entry, name, staging, zipEntry, scanner, copied);
            }
        }
        // A container is read again as a zip: from memory when its STORED bytes are there, else from its staged copy.
        DeterministicZipWriter.ByteSink stored = data != null && !zipEntry.deflated() ? data : null;
        List<SecretFinding> secrets = scan.findings(scanner, source, entry.size(), stored != null
                ? () -> new ByteArrayInputStream(stored.bytes(), 0, stored.size())
                : () -> Files.newInputStream(staging.root().resolve(name), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
        return new Packed(staged, zipEntry, data, dataFile, secrets);
    }

    /** Stages the file while feeding its zip entry (and scanner), the entry closed (or, on failure, discarded) here. */
    private static StagedFile copyInto(ScannedEntry entry, String name, Staging staging, DeterministicZipWriter.Entry zipEntry,
                                       SecretScanner scanner, LongConsumer copied) throws IOException {
        try {
            StagedFile staged = staging.copy(entry, name, zipEntry, scanner, copied);
            zipEntry.close();
            return staged;
        } finally {
            zipEntry.discard();
        }
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
