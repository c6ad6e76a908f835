package cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress bar on stderr for long work (scan, stage and zip, verify): files and bytes done,
 * a bar when the total is known, and a rate. Redrawn at most {@link #REDRAW_NANOS} apart, from any
 * thread. {@link #NONE} draws nothing (piped output, --json, --quiet).
 */
public class Progress {
    /** Ten redraws a second: smooth to the eye, negligible cost. */
    static final long REDRAW_NANOS = 100_000_000L;
    /** Work shorter than this shows no bar at all: a flash of one is noise. */
    static final long FIRST_DRAW_NANOS = 300_000_000L;
    private static final int BAR_WIDTH = 24;

    public static final Progress NONE = new Progress(null, null) {
        @Override
        public void advance(long files, long bytes) {}

        @Override
        public void done() {}
    };

    private final PrintStream out;
    private final String label;
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final long started = System.nanoTime();
    private final AtomicLong lastDraw = new AtomicLong(started + FIRST_DRAW_NANOS - REDRAW_NANOS);
    private volatile boolean drawn;
    private volatile long totalFiles = -1;
    private volatile long totalBytes = -1;

    private Progress(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    static Progress onStderr(String label) {
        return new Progress(System.err, label);
    }

    /** A new bar for the next phase, on the same stream (or none). */
    public Progress next(String nextLabel) {
        return out == null ? NONE : new Progress(out, nextLabel);
    }

    public Progress total(long fileCount, long byteCount) {
        totalFiles = fileCount;
        totalBytes = byteCount;
        return this;
    }

    public void advance(long fileCount, long byteCount) {
        long doneFiles = files.addAndGet(fileCount);
        bytes.addAndGet(byteCount);
        long now = System.nanoTime();
        long last = lastDraw.get();
        if (now - last >= REDRAW_NANOS && lastDraw.compareAndSet(last, now)) {
            draw(doneFiles, now);
        }
    }

    /** The final state, then a new line so later output starts clean (if a bar was shown at all). */
    public void done() {
        synchronized (out) {
            if (!drawn) {
                return;
            }
            draw(files.get(), System.nanoTime());
            out.println();
            out.flush();
        }
    }

    private void draw(long doneFiles, long now) {
        long doneBytes = bytes.get();
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        StringBuilder line = new StringBuilder("\r").append(label).append(' ');
        if (totalBytes > 0) {
            int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * doneBytes / totalBytes);
            line.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ");
        }
        line.append(String.format(Locale.ROOT, "%,d", doneFiles));
        if (totalFiles >= 0) {
            line.append(String.format(Locale.ROOT, "/%,d", totalFiles));
        }
        line.append(" files  ").append(Bytes.human(doneBytes));
        if (totalBytes >= 0) {
            line.append('/').append(Bytes.human(totalBytes));
        }
        line.append("  ").append(Bytes.human((long) (doneBytes / seconds))).append("/s   ");
        synchronized (out) {
            out.print(line);
            out.flush();
            drawn = true;
        }
    }
}
