package console;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import text.Bytes;
import text.Counts;

/**
 * The live status line on a terminal's stderr: one line, redrawn in place, that names the phase at work
 * (scan, secrets, folders, stage+zip, read back, deliver, ...) with its counts, a bar, a rate and an ETA
 * where the total is known. It fits the terminal's width (read again every few seconds, so a resized
 * window is followed), and a ticker redraws it twice a second, so the line never stands still for more
 * than a second even in a phase that reports no counts. {@link #finish} clears it before the summary; a
 * run stopped before that (Ctrl-C) leaves instead a line saying what happened to the delivery.
 * {@link #NONE} draws nothing (piped output, --json, --quiet).
 */
public class Progress {
    /** Ten redraws a second at most from the work itself: smooth to the eye, negligible cost. */
    static final long REDRAW_NANOS = 100_000_000L;
    /** Work shorter than this shows no line at all: a flash of one is noise. */
    static final long FIRST_DRAW_NANOS = 300_000_000L;
    /** The ticker's period: a line older than this is redrawn (elapsed time and spinner move on). */
    static final long TICK_MILLIS = 500;
    /** How often the terminal's width is asked again. */
    static final long WIDTH_REFRESH_NANOS = 3_000_000_000L;
    /** Without a way to ask the terminal: the classic width. */
    static final int DEFAULT_COLUMNS = 80;
    static final int MAX_BAR = 24;
    static final int MIN_BAR = 8;

    public static final Progress NONE = new Progress(null, null) {
        @Override
        public Progress total(long fileCount, long byteCount) {
            return this;
        }

        @Override
        public void advance(long files, long bytes) {}

        @Override
        public void done() {}
    };

    private final Line line;
    private final String label;
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final long started = System.nanoTime();
    private volatile long totalFiles = -1;
    private volatile long totalBytes = -1;
    private volatile boolean finished;

    private Progress(Line line, String label) {
        this.line = line;
        this.label = label;
    }

    public static Progress onStderr(String label) {
        Line line = new Line(System.err);
        Progress first = new Progress(line, label);
        line.current = first;
        line.startTicker();
        return first;
    }

    /** The next phase on the same line (or none): it replaces this one. */
    public Progress next(String nextLabel) {
        if (line == null) {
            return NONE;
        }
        Progress next = new Progress(line, nextLabel);
        line.current = next;
        return next;
    }

    public Progress total(long fileCount, long byteCount) {
        totalFiles = fileCount;
        totalBytes = byteCount;
        return this;
    }

    public void advance(long fileCount, long byteCount) {
        files.addAndGet(fileCount);
        bytes.addAndGet(byteCount);
        line.drawIfDue(REDRAW_NANOS);
    }

    /** The phase's work is done: its final counts stay on the line until the next phase or {@link #finish}. */
    public void done() {
        finished = true;
        line.drawIfDue(0);
    }

    /**
     * What the line says if the run is stopped (Ctrl-C, SIGTERM) from now on, instead of being cleared:
     * what happened to the delivery, so the operator knows whether anything shipped.
     */
    public Progress onInterrupt(String message) {
        if (line != null) {
            line.interruptNotice = message;
        }
        return this;
    }

    /** The run is over: the line is cleared (the summary follows on stdout) and the ticker stops. */
    public void finish() {
        if (line != null) {
            line.close();
        }
    }

    /** One state of a phase, as {@link #render} draws it. */
    record Snapshot(String label, long files, long totalFiles, long bytes, long totalBytes, long elapsedNanos, boolean finished) {}

    Snapshot snapshot(long now) {
        return new Snapshot(label, files.get(), totalFiles, bytes.get(), totalBytes, now - started, finished);
    }

    /**
     * The line for a state, at most {@code columns - 1} characters (the last column would wrap on some
     * terminals): the less useful parts go first as the width shrinks, rate, then bytes, then the bar's
     * width, the bar, and the file counts; the phase, percentage and ETA stay.
     */
    static String render(Snapshot s, int columns) {
        int room = Math.max(10, columns - 1);
        boolean known = s.totalBytes() > 0 || s.totalFiles() > 0;
        double fraction = s.totalBytes() > 0 ? Math.min(1, (double) s.bytes() / s.totalBytes())
                : s.totalFiles() > 0 ? Math.min(1, (double) s.files() / s.totalFiles()) : 0;
        double seconds = s.elapsedNanos() / 1e9;
        String percent = known ? (int) Math.floor(fraction * 100) + "%" : null;
        String eta = null;
        if (known && !s.finished() && fraction > 0 && seconds >= 1) {
            eta = "ETA " + clock((long) Math.ceil(seconds * (1 - fraction) / fraction));
        } else if (!known || s.finished()) {
            eta = clock((long) seconds);
        }
        String counts = s.files() == 0 && s.totalFiles() < 0 ? null
                : Counts.number(s.files()) + (s.totalFiles() >= 0 ? "/" + Counts.number(s.totalFiles()) : "") + " files";
        String sizes = s.bytes() == 0 && s.totalBytes() <= 0 ? null
                : Bytes.human(s.bytes()) + (s.totalBytes() > 0 ? "/" + Bytes.human(s.totalBytes()) : "");
        // A rate only where bytes are read against a total: a scan counts sizes it never reads.
        String rate = known && s.bytes() > 0 && seconds >= 1 && !s.finished() ? Bytes.human((long) (s.bytes() / seconds)) + "/s" : null;
        for (int[] variant : VARIANTS) {
            StringBuilder b = new StringBuilder(s.label());
            int bar = variant[0];
            if (known && bar > 0) {
                int filled = (int) Math.floor(bar * fraction);
                b.append(" [").append("#".repeat(filled)).append(".".repeat(bar - filled)).append(']');
            }
            append(b, percent);
            append(b, variant[1] == 1 ? counts : null);
            append(b, variant[2] == 1 ? sizes : null);
            append(b, variant[3] == 1 ? rate : null);
            append(b, eta);
            if (b.length() <= room) {
                return b.toString();
            }
        }
        String minimal = s.label() + (percent == null ? "" : " " + percent) + (eta == null ? "" : " " + eta);
        return minimal.length() <= room ? minimal : minimal.substring(0, room);
    }

    /** The lines tried, fullest first, the first that fits drawn: {bar width, counts, sizes, rate}. */
    private static final int[][] VARIANTS = {{MAX_BAR, 1, 1, 1}, {MAX_BAR, 1, 1, 0}, {MIN_BAR, 1, 0, 0}, {0, 1, 0, 0}, {0, 0, 0, 0}};

    private static void append(StringBuilder b, String part) {
        if (part != null) {
            b.append("  ").append(part);
        }
    }

    /** Seconds as m:ss, or h:mm:ss from an hour. */
    static String clock(long seconds) {
        return seconds >= 3600 ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(java.util.Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** The terminal line the phases share, its width, its ticker and its Ctrl-C notice. */
    private static final class Line {
        private final PrintStream out;
        private final long created = System.nanoTime();
        private final AtomicLong lastDraw = new AtomicLong(System.nanoTime());
        volatile Progress current;
        volatile String interruptNotice;
        private volatile boolean drawn;
        private volatile boolean closed;
        private volatile int columns = DEFAULT_COLUMNS;
        /** Never yet: the first draw asks (a difference with Long.MIN_VALUE would overflow). */
        private volatile long widthAskedAt = System.nanoTime() - WIDTH_REFRESH_NANOS;
        private final Thread hook = new Thread(this::onShutdown, "prezip-progress-notice");

        Line(PrintStream out) {
            this.out = out;
            Runtime.getRuntime().addShutdownHook(hook);
        }

        void startTicker() {
            Thread ticker = new Thread(() -> {
                while (!closed) {
                    try {
                        TimeUnit.MILLISECONDS.sleep(TICK_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    drawIfDue(TICK_MILLIS * 1_000_000L);
                }
            }, "prezip-progress");
            ticker.setDaemon(true);
            ticker.start();
        }

        void drawIfDue(long minGapNanos) {
            long now = System.nanoTime();
            long last = lastDraw.get();
            if (closed || now - created < FIRST_DRAW_NANOS || now - last < minGapNanos || !lastDraw.compareAndSet(last, now)) {
                return;
            }
            if (now - widthAskedAt >= WIDTH_REFRESH_NANOS) {
                widthAskedAt = now;
                columns = terminalColumns();
            }
            String text = render(current.snapshot(now), columns);
            synchronized (out) {
                if (!closed) {
                    // Carriage return, the line, then erase to its end: a shorter line leaves no tail.
                    out.print("\r" + text + "\033[K");
                    out.flush();
                    drawn = true;
                }
            }
        }

        void close() {
            synchronized (out) {
                if (closed) {
                    return;
                }
                closed = true;
                if (drawn) {
                    out.print("\r\033[K");
                    out.flush();
                }
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Already in the shutdown this hook was for.
            }
        }

        private void onShutdown() {
            synchronized (out) {
                if (closed) {
                    return;
                }
                closed = true;
                String notice = interruptNotice;
                out.print((drawn ? "\r\033[K" : "") + (notice == null ? "" : "interrupted: " + notice + System.lineSeparator()));
                out.flush();
            }
        }
    }

    /**
     * The terminal's width: $COLUMNS when exported, else {@code stty size} on the controlling terminal
     * (a few milliseconds, every few seconds at most), else {@link #DEFAULT_COLUMNS}.
     */
    static int terminalColumns() {
        String env = System.getenv("COLUMNS");
        if (env != null && env.matches("[0-9]{1,4}") && Integer.parseInt(env) > 0) {
            return Integer.parseInt(env);
        }
        File tty = new File("/dev/tty");
        if (!tty.canRead()) {
            return DEFAULT_COLUMNS;
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(tty).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String answer = new String(stty.getInputStream().readNBytes(64), StandardCharsets.US_ASCII).trim();
            if (stty.waitFor(1, TimeUnit.SECONDS) && answer.matches("[0-9]+ [0-9]+")) {
                int columns = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1));
                return columns > 0 ? columns : DEFAULT_COLUMNS;
            }
        } catch (IOException e) {
            // No stty, or no terminal after all: the default.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return DEFAULT_COLUMNS;
    }
}
