package delivery;

import changes.PreviousDelivery;
import console.Progress;
import errors.PrezipException;
import io.DaemonThreads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import zip.DeliveryJournal;

/**
 * The previous delivery read and checked on a thread of its own from the run's start, beside the scan
 * and the classification: its manifest and the zip's sha256 (a dry-run's changes and a commit's chain)
 * and, on a commit, the zip's structure as verify_zip checks it (its reuse). On a large delivery that
 * is a second and more of hashing and parsing, most of it the code's first compilation, that the run
 * would otherwise wait for after its scan.
 *
 * <p>A commit may only trust what it read under the zip's lock, which it takes after the scan: another
 * commit may replace the delivery meanwhile. So what was read early is used only if every file the
 * lookup read (the zip, its manifest, the journal of an interrupted delivery) is still the file it was
 * before the read began, by device, inode, size, modification and change time, and the commit finished
 * no interrupted delivery first; else the delivery is read again under the lock. A write to a file
 * changes its change time, a replacement its inode: what the commit uses is what it would have read
 * under the lock. Without those attributes (no unix view) it is always read again.
 */
final class PreviousLookahead implements AutoCloseable {
    /** What identifies a file's state: a replacement changes the inode, any write the change time. */
    private static final String STATE_ATTRIBUTES = "unix:dev,ino,size,lastModifiedTime,ctime";

    private final DeliveryRequest request;
    private final Path zip;
    private final CompletableFuture<Read> read;
    /** Whether the run took what was read: else {@link #close} closes the zip it may have opened. */
    private boolean taken;

    /**
     * What a lookup found, the zip opened for reuse (a commit; null for a dry-run), and the state of the
     * files it read, taken before it read them (null where unknown).
     */
    private record Read(List<Map<String, Object>> before, Redelivery redelivery, Redelivery.Opened opened) {
        void close() {
            if (opened != null) {
                try {
                    opened.close();
                } catch (IOException e) {
                    // Read only: nothing to lose.
                }
            }
        }
    }

    private PreviousLookahead(DeliveryRequest request, Path zip, CompletableFuture<Read> read) {
        this.request = request;
        this.zip = zip;
        this.read = read;
    }

    /**
     * Starts reading the delivery before the one {@code request} makes at {@code zip}, on a daemon thread.
     *
     * @throws PrezipException PZ_USAGE at once, before the scan, when --since names no file
     */
    static PreviousLookahead start(DeliveryRequest request, Path zip) {
        PreviousDelivery.locate(request.since(), zip);
        return start(request, zip, task -> DaemonThreads.named("prezip-previous").newThread(task).start());
    }

    /** Starts reading on {@code executor} (a test runs it at once, to change the files after the read). */
    static PreviousLookahead start(DeliveryRequest request, Path zip, Executor executor) {
        CompletableFuture<Read> read = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                read.complete(read(request, zip, Progress.NONE));
            } catch (RuntimeException | Error e) {
                read.completeExceptionally(e);
            }
        });
        return new PreviousLookahead(request, zip, read);
    }

    /** A dry-run's lookup, as read early (a dry-run takes no lock); said if it cannot be compared. */
    Redelivery forDryRun(Progress progress, Consumer<Notice> notices) {
        progress.next("previous delivery");
        Redelivery redelivery = take().redelivery();
        redelivery.sayIfUnusable(notices);
        return redelivery;
    }

    /** What a commit compares with and copies from: the lookup and the opened zip, of the delivery now under the lock. */
    record ForCommit(Redelivery redelivery, Redelivery.Opened opened) {}

    /**
     * A commit's lookup, under the zip's lock: as read early if the files are still those it read and
     * no interrupted delivery was finished, else read again now. The opened zip is the caller's to close.
     */
    ForCommit forCommit(boolean finishedEarlierRun, Progress progress, Consumer<Notice> notices) {
        Progress waiting = progress.next("previous delivery");
        Read early;
        try {
            early = take();
        } catch (RuntimeException e) {
            early = null; // read again under the lock: it fails there the same way, or no longer
        }
        Read used = early;
        if (early == null || finishedEarlierRun || !unchangedSince(early)) {
            if (early != null) {
                early.close();
            }
            used = read(request, zip, waiting);
        }
        used.redelivery().sayIfUnusable(notices);
        return new ForCommit(used.redelivery(), used.opened());
    }

    private Read take() {
        taken = true;
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private static Read read(DeliveryRequest request, Path zip, Progress progress) {
        List<Map<String, Object>> before = states(PreviousDelivery.locate(request.since(), zip));
        Redelivery redelivery = Redelivery.lookUp(request.since(), zip);
        Redelivery.Opened opened = request.commit() ? redelivery.openForReuse(request.noReuse(), progress) : null;
        return new Read(before, redelivery, opened);
    }

    /** Whether every file the early read read is still in the state it was in before (an unknown state never is). */
    private boolean unchangedSince(Read early) {
        if (early.before().contains(null)) {
            return false;
        }
        try {
            return early.before().equals(states(PreviousDelivery.locate(request.since(), zip)));
        } catch (RuntimeException e) {
            return false; // --since names nothing now: read again, and fail there
        }
    }

    /** The state of every file a lookup at {@code at} reads; an entry is null where the state is unknown. */
    private static List<Map<String, Object>> states(PreviousDelivery.Location at) {
        List<Map<String, Object>> states = new ArrayList<>();
        for (Path file : at.zip() == null ? List.of(at.manifest()) : List.of(at.zip(), at.manifest(), DeliveryJournal.pathFor(at.zip()))) {
            states.add(stateOf(file));
        }
        return states;
    }

    private static Map<String, Object> stateOf(Path file) {
        try {
            return Files.readAttributes(file, STATE_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    /** A run that stopped before taking what was read: the zip it may have opened is closed once the read ends. */
    @Override
    public void close() {
        if (!taken) {
            read.thenAccept(Read::close);
        }
    }
}
