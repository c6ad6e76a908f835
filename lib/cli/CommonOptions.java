package cli;

import console.Progress;
import console.Terminal;
import datadir.DataDir;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import json.Json;
import picocli.CommandLine.Option;
import text.Shell;

/** Options every prezip command takes. */
public final class CommonOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (default: $PREZIP_DATA_DIR, else the toolkit's own data/).")
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

    /** What a command prints on stdout: {@code document} as JSON with --json, else what {@code human} prints, unless --quiet. */
    public void print(PrintWriter out, Object document, Consumer<PrintWriter> human) {
        if (json) {
            out.print(Json.write(document));
        } else if (!quiet) {
            human.accept(out);
        }
        out.flush();
    }

    /** Colours on stdout where the terminal shows them (see {@link Terminal}). */
    public picocli.CommandLine.Help.Ansi ansi() {
        return Terminal.colourOnStdout() ? picocli.CommandLine.Help.Ansi.ON : picocli.CommandLine.Help.Ansi.OFF;
    }

    /** Whether stderr is an operator's terminal (not a log or a pipe). */
    public boolean stderrIsTerminal() {
        return Terminal.progressOnStderr();
    }

    /** A progress bar on stderr, or none when piped, with --json or --quiet. */
    public Progress progress(String label) {
        return human() && Terminal.progressOnStderr() ? Progress.onStderr(label) : Progress.NONE;
    }

    /**
     * The data folder as an option to repeat in a printed command ({@code " --data-dir 'my data'"}), or
     * empty when it came from the environment or the default, which the printed command finds the same way.
     */
    public String dataDirArgument() {
        return dataDir == null ? "" : " --data-dir " + Shell.quote(dataDir.toString());
    }

    public DataDir dataDir() {
        return DataDir.resolve(dataDir);
    }
}
