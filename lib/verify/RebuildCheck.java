package verify;

import console.Progress;
import errors.IoErrors;
import io.DaemonThreads;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import scan.EntryName;
import scan.PathOrder;
import scan.ScannedEntry;
import text.Counts;
import zip.DeterministicZipWriter;
import zip.ZipEntryV1;
import zip.ZipManifest;
import zip.ZipPolicyV1;

/**
 * With --rebuild: the manifest's entries packed again from the content folder by the toolkit's own writer,
 * with the manifest's policy values, and the result held byte for byte against the zip as it is written
 * ({@link ZipComparison}): nothing is written beside the delivery. VZ_REBUILD_REFUSED when this toolkit
 * cannot make that zip again (a layout or policy it does not write, an entry without its regular source
 * file); VZ_REBUILD_DIFFERS, naming the first entry that differs and the offset, when it makes another.
 *
 * <p>As in a commit, entries are packed on a few workers ahead of the one being compared, within a window
 * of bytes; a large entry's blocks deflate on every core. The manifest's entries are read as a stream,
 * never held, and the rebuild stops at the first difference: the first entry and offset are then known.
 */
final class RebuildCheck {
    /** Bytes of entries packed ahead of the one compared: bounds memory on any tree (a commit's window is 64 MiB). */
    static final long WINDOW_BYTES = 32L << 20;
    /** Entries packed ahead per worker: enough to keep each busy on trees of small files. */
    static final int WINDOW_FILES_PER_THREAD = 64;
    /** How long a stopped rebuild waits for its workers, so no temp file is created after it cleaned up. */
    private static final long STOP_WAIT_SECONDS = 60;

    private final Findings findings;

    RebuildCheck(Findings findings) {
        this.findings = findings;
    }

    /**
     * @param zipDigest the zip's size and sha256 as read by this verification
     * @param maxBytes the bound the manifest's first read was held to
     * @param progress counts the entries compared; its total is the caller's to set
     */
    void check(Path zip, FileDigest zipDigest, Path manifestFile, long maxBytes, ManifestCheck.Usable manifest,
               SourceTree sources, Progress progress) throws IOException {
        findings.ran(VerifyCheck.VZ_REBUILD_REFUSED);
        var refusals = RebuildPolicy.refusals(manifest);
        if (!refusals.isEmpty()) {
            refusals.forEach(why -> findings.archive(VerifyCheck.VZ_REBUILD_REFUSED, "cannot rebuild the zip: " + why));
            return;
        }
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ);
             Rebuild rebuild = new Rebuild(new ZipComparison(channel), manifest, sources, progress)) {
            ZipManifest.read(manifestFile, maxBytes, rebuild::offer);
            rebuild.finish();
            if (rebuild.refusal != null) {
                findings.record(rebuild.refusal);
                return;
            }
            findings.ran(VerifyCheck.VZ_REBUILD_DIFFERS);
            report(rebuild.comparison, zipDigest);
        }
    }

    private void report(ZipComparison comparison, FileDigest zipDigest) {
        ZipComparison.Difference d = comparison.difference();
        if (d == null && (comparison.size() != zipDigest.size() || !comparison.sha256Hex().equals(zipDigest.sha256Hex()))) {
            findings.archive(VerifyCheck.VZ_REBUILD_DIFFERS, "the rebuilt zip equals the zip file as read now, but not as it was"
                    + " read at the start (" + zipDigest.size() + " bytes, sha256 " + zipDigest.sha256Hex() + "): the zip changed while"
                    + " it was verified");
        } else if (d != null && d.entry() != null) {
            findings.record(VerifyFinding.entry(VerifyCheck.VZ_REBUILD_DIFFERS, VerifyFinding.quote(d.entry()), "packed again"
                    + " from the content folder, this entry's record differs from the zip's from byte " + Counts.number(d.offset())
                    + " of the zip on (" + Counts.number(d.offset() - d.partStart()) + " bytes into the record, which starts at byte "
                    + Counts.number(d.partStart()) + "): this toolkit does not make this zip from this tree"));
        } else if (d != null) {
            findings.archive(VerifyCheck.VZ_REBUILD_DIFFERS, d.offset() >= comparison.size()
                    ? "the zip goes on past the end of the rebuilt zip (" + Counts.number(comparison.size()) + " bytes)"
                    : "packed again from the content folder, every entry is the zip's, but the central directory and end records"
                            + " differ from byte " + Counts.number(d.offset()) + " of the zip on (they start at byte "
                            + Counts.number(d.partStart()) + ")");
        }
    }

    /** An entry packed (or being packed) ahead, and what it costs the window. */
    private record InFlight(String name, long weight, Future<RepackedEntry> packed) {}

    /** One rebuild: the entries streamed in from the manifest, packed ahead, appended in order into the comparison. */
    private static final class Rebuild implements AutoCloseable {
        final ZipComparison comparison;
        private final DeterministicZipWriter writer;
        private final ManifestCheck.Usable manifest;
        private final SourceTree sources;
        private final Progress progress;
        private final ExecutorService workers;
        private final ExecutorService blockWorkers;
        private final DeterministicZipWriter.BlockPool blocks;
        private final int threads;
        private final ArrayDeque<InFlight> window = new ArrayDeque<>();
        private long windowBytes;
        private String previous;
        /** An entry the manifest lists that cannot be packed: it stops taking entries, and counts once those before it are compared. */
        private VerifyFinding pending;
        /** The first reason the rebuild stopped short of the end, in zip order: then no comparison is reported. */
        VerifyFinding refusal;
        /** Reading the zip failed while the manifest's stream was being read: thrown once it is over. */
        private IOException failure;

        Rebuild(ZipComparison comparison, ManifestCheck.Usable manifest, SourceTree sources, Progress progress) {
            this.comparison = comparison;
            this.writer = new DeterministicZipWriter(comparison, manifest.fixedEpochMs);
            this.manifest = manifest;
            this.sources = sources;
            this.progress = progress;
            this.threads = Runtime.getRuntime().availableProcessors();
            this.workers = Executors.newFixedThreadPool(threads, DaemonThreads.named("prezip-rebuild"));
            this.blockWorkers = Executors.newFixedThreadPool(threads, DaemonThreads.named("prezip-rebuild-deflate"));
            this.blocks = new DeterministicZipWriter.BlockPool(blockWorkers, threads);
        }

        /** The next manifest entry: packed ahead, once the window has room (entries before it appended to make it). */
        void offer(ZipEntryV1 listed) {
            if (stopped()) {
                return;
            }
            String name = listed.relativePath();
            ScannedEntry source = name == null ? null : sources.at(name);
            String why = whyNotPackable(name, source);
            if (why != null) {
                pending = VerifyFinding.entry(VerifyCheck.VZ_REBUILD_REFUSED, name == null ? null : VerifyFinding.quote(name),
                        "cannot rebuild the zip: " + why);
                return;
            }
            previous = name;
            long weight = weight(name, source.size());
            while (!window.isEmpty() && (window.size() >= threads * WINDOW_FILES_PER_THREAD || windowBytes + weight > WINDOW_BYTES)) {
                appendOldest();
                if (stopped()) {
                    return;
                }
            }
            window.add(new InFlight(name, weight, workers.submit(() -> RepackedEntry.pack(name, source, blocks))));
            windowBytes += weight;
        }

        /** Why this manifest entry cannot be packed as this toolkit would, or null. */
        private String whyNotPackable(String name, ScannedEntry source) {
            if (name == null || name.isEmpty()) {
                return "the manifest changed while it was verified (an entry has no relative_path now)";
            }
            if (previous != null && PathOrder.UTF8_BYTES.compare(previous, name) >= 0) {
                return "the manifest lists it after " + VerifyFinding.quote(previous) + ": not in v1 order or twice, which this"
                        + " toolkit never writes";
            }
            String alsoComposed = sources.alsoComposedTo(name);
            if (alsoComposed != null) {
                return "two files of the content folder compose to this name ('" + VerifyFinding.quote(alsoComposed) + "' and '"
                        + VerifyFinding.quote(source.relativePath()) + "'), a tree this toolkit refuses to pack";
            }
            if (!manifest.namesComposed && !EntryName.isComposed(name)) {
                return "a decomposed name, which this toolkit ships composed (Unicode NFC, entry_name_form, since 1.4.0)";
            }
            String notRegular = SourceCheck.notRegular(source);
            if (notRegular != null) {
                return notRegular + " to pack it from";
            }
            if (!RebuildPolicy.blocksRecorded(manifest.metadata) && ZipPolicyV1.deflatesInBlocks(name, source.size())) {
                return "it is " + Counts.number(source.size()) + " bytes, and this toolkit deflates an entry over "
                        + Counts.number(ZipPolicyV1.BLOCK_DEFLATE_MIN_BYTES) + " bytes in blocks (since 1.3.0), where the toolkit of"
                        + " this manifest (without block_deflate_min_bytes and deflate_block_bytes) deflated it in one stream";
            }
            return null;
        }

        /**
         * What an entry costs the window: its data in memory, or for a large DEFLATED one a worker's share of
         * the window, so no more temp files are on disk than there are workers.
         */
        private long weight(String name, long size) {
            if (size <= RepackedEntry.IN_MEMORY_MAX_BYTES) {
                return size + 1;
            }
            return ZipPolicyV1.isStored(name) ? DeterministicZipWriter.BUFFER_BYTES
                    : Math.max(RepackedEntry.IN_MEMORY_MAX_BYTES + 1, WINDOW_BYTES / threads);
        }

        private boolean stopped() {
            return pending != null || refusal != null || failure != null || comparison.differs();
        }

        /** Appends the oldest entry in flight into the comparison; a source that failed stops the rebuild by name. */
        private void appendOldest() {
            InFlight next = window.poll();
            windowBytes -= next.weight();
            try {
                RepackedEntry packed = await(next.packed());
                comparison.startEntry(next.name());
                packed.appendTo(writer);
                progress.advance(1, sources.at(next.name()).size());
            } catch (ZipComparison.ZipReadFailed e) {
                failure = (IOException) e.getCause();
            } catch (IOException e) {
                refusal = VerifyFinding.entry(VerifyCheck.VZ_REBUILD_REFUSED, VerifyFinding.quote(next.name()),
                        "cannot rebuild the zip: its source file " + (e instanceof RepackedEntry.SourceChanged ? e.getMessage()
                                : "cannot be read: " + IoErrors.describe(e)));
            }
        }

        /** Appends what is in flight; then the central directory and end records, if every entry was appended. */
        void finish() throws IOException {
            while (!window.isEmpty() && refusal == null && failure == null && !comparison.differs()) {
                appendOldest();
            }
            if (failure != null) {
                throw failure;
            }
            if (refusal == null && !comparison.differs()) {
                refusal = pending;
            }
            if (refusal == null && !comparison.differs()) {
                comparison.startDirectory();
                writer.finish();
            }
            progress.done();
        }

        private static RepackedEntry await(Future<RepackedEntry> packed) throws IOException {
            try {
                return packed.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while rebuilding");
            } catch (CancellationException e) {
                throw new InterruptedIOException("stopped while rebuilding");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof Error error) {
                    throw error; // an OutOfMemoryError is named by the command as such
                }
                throw new IllegalStateException("packing an entry again failed: " + e.getCause(), e.getCause());
            }
        }

        /** Stops the workers and removes the temp files of entries packed but never appended. */
        @Override
        public void close() {
            workers.shutdownNow();
            blockWorkers.shutdownNow().forEach(dropped -> ((Future<?>) dropped).cancel(false));
            try {
                workers.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (InFlight left : window) {
                if (left.packed().isDone() && !left.packed().isCancelled()) {
                    try {
                        left.packed().get().discard();
                    } catch (InterruptedException | ExecutionException e) {
                        // It failed: pack() removed its own temp file.
                    }
                }
            }
        }
    }
}
