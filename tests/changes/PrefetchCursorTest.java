package changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import errors.ErrorCode;
import errors.PrezipException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A cursor read ahead on its own thread: the same entries in the same order, its failure handed over, stopped on close. */
class PrefetchCursorTest {
    static ChangeMerge.Cursor counting(int count, AtomicInteger read) {
        return () -> {
            int i = read.getAndIncrement();
            return i < count ? new ChangeMerge.Entry(String.format("p%07d", i), "a".repeat(64), i) : null;
        };
    }

    @Test
    void theSameEntriesInOrderAcrossBatches() {
        int count = PrefetchCursor.BATCH * 3 + 17;
        try (PrefetchCursor cursor = new PrefetchCursor(counting(count, new AtomicInteger()))) {
            for (int i = 0; i < count; i++) {
                assertEquals(i, cursor.next().bytes());
            }
            assertNull(cursor.next());
            assertNull(cursor.next());
        }
    }

    @Test
    void theSourcesFailureReachesTheMergeAfterWhatCameBefore() {
        AtomicInteger read = new AtomicInteger();
        PrezipException bad = new PrezipException(ErrorCode.PZ_MANIFEST_INVALID, "entries[5] is not an object");
        ChangeMerge.Cursor failing = () -> {
            if (read.get() == 5) {
                throw bad;
            }
            return counting(100, read).next();
        };
        try (PrefetchCursor cursor = new PrefetchCursor(failing)) {
            for (int i = 0; i < 5; i++) {
                assertEquals(i, cursor.next().bytes());
            }
            assertSame(bad, assertThrows(PrezipException.class, cursor::next));
        }
    }

    @Test
    void closingStopsTheReaderWithoutReadingTheRest() {
        AtomicInteger read = new AtomicInteger();
        try (PrefetchCursor cursor = new PrefetchCursor(counting(Integer.MAX_VALUE, read))) {
            cursor.next();
        }
        int stoppedAt = read.get();
        assertTrue(stoppedAt <= PrefetchCursor.BATCH * (PrefetchCursor.BATCHES_AHEAD + 2) + 1, "read ahead at most a few batches: " + stoppedAt);
        assertEquals(stoppedAt, read.get(), "the reader is stopped once closed");
    }
}
