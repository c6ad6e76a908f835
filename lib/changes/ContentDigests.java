package changes;

import console.Progress;
import errors.ErrorCode;
import errors.IoErrors;
import errors.PrezipException;
import io.DaemonThreads;
import io.Sha256;
import java.io.IOException;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import scan.EntryName;
import scan.ScannedEntry;

/**
 * The sha256 of every eligible file, for a dry-run's changes (a commit takes them in the pass that stages
 * each file): read on the run's threads through one buffer each, 32 bytes a file kept. The digest decides
 * "unchanged", never a time stamp, so a dry-run that compares reads what the commit would ship.
 */
public final class ContentDigests {
    private static final int SHA256_BYTES = 32;

    private final List<ScannedEntry> entries;
    private final byte[] digests;

    private ContentDigests(List<ScannedEntry> entries) {
        this.entries = entries;
        this.digests = new byte[entries.size() * SHA256_BYTES];
    }

    /**
     * Reads and hashes the files on {@code threads} threads; progress counts them. They are kept in the
     * zip's order, the v1 order of the names they ship under, as a manifest lists them.
     */
    public static ContentDigests of(List<ScannedEntry> eligible, int threads, Progress progress) {
        ContentDigests read = new ContentDigests(List.copyOf(EntryName.inZipOrder(eligible)));
        progress.total(eligible.size(), eligible.stream().mapToLong(ScannedEntry::size).sum());
        ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("prezip-digest"));
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> read.hashFrom(next, progress)));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrezipException(ErrorCode.PZ_IO, "interrupted while reading the files for their digests");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof PrezipException prezip ? prezip
                    : new PrezipException(ErrorCode.PZ_INTERNAL, "reading the files for their digests failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        progress.done();
        return read;
    }

    private Void hashFrom(AtomicInteger next, Progress progress) {
        for (int i; (i = next.getAndIncrement()) < entries.size(); ) {
            ScannedEntry entry = entries.get(i);
            try {
                byte[] digest = HexFormat.of().parseHex(Sha256.ofFile(entry.path(), LinkOption.NOFOLLOW_LINKS).hex());
                System.arraycopy(digest, 0, digests, i * SHA256_BYTES, SHA256_BYTES);
            } catch (IOException e) {
                throw IoErrors.toPrezip(e, "reading a file for its digest", entry.path());
            }
            progress.advance(1, entry.size());
        }
        return null;
    }

    /** The files with their digests, by the names they ship under in the zip's order, as the comparison reads them. */
    public ChangeMerge.Cursor cursor() {
        int[] at = {0};
        return () -> {
            if (at[0] == entries.size()) {
                return null;
            }
            int i = at[0]++;
            String hex = HexFormat.of().formatHex(digests, i * SHA256_BYTES, (i + 1) * SHA256_BYTES);
            return new ChangeMerge.Entry(EntryName.of(entries.get(i).relativePath()), hex, entries.get(i).size());
        };
    }
}
