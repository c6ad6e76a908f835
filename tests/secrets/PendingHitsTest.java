package secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PendingHitsTest {
    @Test
    void hitsLeaveInTheOrderTheyCameAlsoAcrossGrowingWhileWrapped() {
        PendingHits pending = new PendingHits();
        ArrayDeque<long[]> expected = new ArrayDeque<>();
        Random random = new Random(5);
        long next = 0;
        for (int round = 0; round < 2_000; round++) {
            // More adds than removes, so the ring grows with its head anywhere.
            if (random.nextInt(5) < 3 || expected.isEmpty()) {
                pending.add(next, (int) (next % 97));
                expected.add(new long[] {next, next % 97});
                next++;
            } else {
                long[] first = expected.poll();
                assertEquals(first[0], pending.firstStart());
                assertEquals(first[1], pending.firstKeyword());
                pending.removeFirst();
            }
        }
        while (!expected.isEmpty()) {
            long[] first = expected.poll();
            assertEquals(first[0], pending.firstStart());
            assertEquals(first[1], pending.firstKeyword());
            pending.removeFirst();
        }
        assertTrue(pending.isEmpty());
    }
}
