package changes;

import errors.ErrorCode;
import errors.PrezipException;
import io.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A cursor read ahead on a thread of its own, a few batches at a time: two manifests compared side by
 * side are parsed on two cores (the comparison of two of a million entries is parsing). Memory is the
 * batches in flight, whatever the manifest's size. Close it before the source it reads.
 */
final class PrefetchCursor implements ChangeMerge.Cursor, AutoCloseable {
    /** Entries handed over at once: the hand-over costs a lock, not an entry. */
    static final int BATCH = 1024;
    /** Batches read ahead: enough to keep the reader busy while the merge catches up. */
    static final int BATCHES_AHEAD = 4;
    /** How often a reader waiting for room looks whether the cursor was closed. */
    private static final long OFFER_WAIT_MILLIS = 50;
    /** After the last batch: the source ended. */
    private static final Object END = new Object();

    private final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread reader;
    private volatile boolean closed;
    private List<ChangeMerge.Entry> batch = List.of();
    private int at;
    private boolean ended;

    PrefetchCursor(ChangeMerge.Cursor source) {
        reader = DaemonThreads.named("prezip-manifest").newThread(() -> fill(source));
        reader.start();
    }

    /** Reads the source into batches until it ends, fails, or the cursor is closed. */
    private void fill(ChangeMerge.Cursor source) {
        List<ChangeMerge.Entry> next = new ArrayList<>(BATCH);
        try {
            for (ChangeMerge.Entry e; !closed && (e = source.next()) != null; ) {
                next.add(e);
                if (next.size() == BATCH) {
                    hand(next);
                    next = new ArrayList<>(BATCH);
                }
            }
            hand(next);
            hand(END);
        } catch (RuntimeException | Error e) {
            // Handed to the merge after what came before, which it throws: a reader that died silently would leave it waiting.
            handQuietly(next);
            handQuietly(e);
        } catch (InterruptedException e) {
            // Closed while waiting for room: nobody reads on.
        }
    }

    private void handQuietly(Object item) {
        try {
            hand(item);
        } catch (InterruptedException e) {
            // Closed: nobody reads on.
        }
    }

    private void hand(Object item) throws InterruptedException {
        while (!closed && !batches.offer(item, OFFER_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            // Full: the merge is behind; look again whether it was closed.
        }
    }

    @Override
    public ChangeMerge.Entry next() {
        while (at == batch.size()) {
            if (ended) {
                return null;
            }
            Object item;
            try {
                item = batches.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PrezipException(ErrorCode.PZ_IO, "interrupted while comparing deliveries");
            }
            if (item instanceof RuntimeException failed) {
                ended = true;
                throw failed;
            }
            if (item instanceof Error failed) {
                ended = true;
                throw failed;
            }
            if (item == END) {
                ended = true;
                continue;
            }
            @SuppressWarnings("unchecked")
            List<ChangeMerge.Entry> got = (List<ChangeMerge.Entry>) item;
            batch = got;
            at = 0;
        }
        return batch.get(at++);
    }

    /** Stops the reader and waits for it: the source may be closed after this. */
    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
