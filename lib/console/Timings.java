package console;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Wall-clock time per phase of a run, printed by --verbose: where the time goes, measured, not guessed. */
public final class Timings {
    private final Map<String, Long> nanosByPhase = new LinkedHashMap<>();
    private long last = System.nanoTime();

    /** Ends the current phase under this name (phases named twice add up). */
    public synchronized void lap(String phase) {
        long now = System.nanoTime();
        nanosByPhase.merge(phase, now - last, Long::sum);
        last = now;
    }

    public synchronized void print(PrintWriter err) {
        StringBuilder line = new StringBuilder("timings:");
        nanosByPhase.forEach((phase, nanos) -> line.append(String.format(Locale.ROOT, " %s %.0f ms", phase, nanos / 1e6)));
        err.println(line);
        err.flush();
    }
}
