package cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every prezip command takes. */
public final class CommonOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (default: $PREZIP_DATA_DIR, else data/ beside jbang-catalog.json).")
    Path dataDir;

    @Option(names = "--json", description = "Print one JSON document on stdout instead of the human summary.")
    public boolean json;

    @Option(names = "--verbose", description = "Show stack traces of internal errors, and timings.")
    public boolean verbose;

    @Option(names = "--quiet", description = "Print only errors.")
    public boolean quiet;

    /** Human text goes to the terminal unless JSON or silence was asked for. */
    public boolean human() {
        return !json && !quiet;
    }

    /** Colours on stdout where the terminal shows them (see {@link Terminal}). */
    public picocli.CommandLine.Help.Ansi ansi() {
        return Terminal.colourOnStdout() ? picocli.CommandLine.Help.Ansi.ON : picocli.CommandLine.Help.Ansi.OFF;
    }

    /** A progress bar on stderr, or none when piped, with --json or --quiet. */
    public Progress progress(String label) {
        return human() && Terminal.progressOnStderr() ? Progress.onStderr(label) : Progress.NONE;
    }

    public DataDir dataDir() {
        return DataDir.resolve(dataDir);
    }
}
