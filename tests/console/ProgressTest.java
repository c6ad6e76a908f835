package console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The status line: whatever the width, one line that keeps the phase, the percentage and the ETA. */
class ProgressTest {
    static final long SECOND = 1_000_000_000L;

    @ParameterizedTest
    @ValueSource(ints = {20, 40, 60, 80, 120, 300})
    void everyLineFitsTheTerminalLessOneColumn(int columns) {
        Progress.Snapshot half = new Progress.Snapshot("stage+zip", 9_000, 20_000, 230L << 20, 460L << 20, 10 * SECOND, false);
        String line = Progress.render(half, columns);
        assertTrue(line.length() <= columns - 1, line.length() + " > " + (columns - 1) + ": " + line);
        assertTrue(line.startsWith("stage+zip"), line);
        if (columns >= 40) {
            // Half the bytes in 10 s: 10 s to go.
            assertTrue(line.contains("50%") && line.contains("ETA 0:10"), line);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 200})
    void theLessUsefulPartsGoFirst(int columns) {
        Progress.Snapshot s = new Progress.Snapshot("stage+zip", 9_000, 20_000, 230L << 20, 460L << 20, 10 * SECOND, false);
        String line = Progress.render(s, columns);
        assertTrue(line.contains("9,000/20,000 files"), line);
        assertEquals(columns == 200, line.contains("MiB/s"), line);
        assertEquals(columns == 200, line.contains("230.0 MiB/460.0 MiB"), line);
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 200})
    void aPhaseWithoutCountsShowsItsElapsedTime(int columns) {
        assertEquals("remove staging  0:03", Progress.render(new Progress.Snapshot("remove staging", 0, -1, 0, -1, 3 * SECOND, false), columns));
        assertEquals("scan  12,345 files  1.0 GiB  1:05",
                Progress.render(new Progress.Snapshot("scan", 12_345, -1, 1L << 30, -1, 65 * SECOND, false), columns));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 59, 61, 3599, 3600, 86_399})
    void clockReadsMinutesThenHours(long seconds) {
        String clock = Progress.clock(seconds);
        assertEquals(seconds, seconds >= 3600
                ? Long.parseLong(clock.split(":")[0]) * 3600 + Long.parseLong(clock.split(":")[1]) * 60 + Long.parseLong(clock.split(":")[2])
                : Long.parseLong(clock.split(":")[0]) * 60 + Long.parseLong(clock.split(":")[1]), clock);
    }
}
