//DEPS info.picocli:picocli:4.7.6
// JVM options of every prezip command (JBang collects them from sourced files too). Serial GC: a
// short-lived CLI on 2 cores; it keeps the heap (and RSS) near the live set, where G1 grows it 3-5x.
// Shallow inlining: each zip entry ran a long chain of small Zip4j and JDK methods, and C2 inlining
// them deeply spent 6.5 CPU-s of a 20,000-file commit compiling; shallow, 3.1 s, and 3 CPU-s less in all
// (measured with toolkit 1.0.0's Zip4j writer; not measured again with the own writer of 1.1.0).
// sun.nio.fs opened: the scan reads st_mode and st_nlink from the JDK's own attributes object (see
// TreeScanner.Attributes); without it the scan still works, through the slower public unix: view.
//JAVA_OPTIONS -XX:+UseSerialGC -XX:MaxInlineSize=20 -XX:FreqInlineSize=60 -XX:MaxInlineLevel=3
//JAVA_OPTIONS --add-opens java.base/sun.nio.fs=ALL-UNNAMED

package cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import picocli.AutoComplete;
import picocli.CommandLine;

/** Runs a prezip command: maps every error to its stable code and exit code, never a bare stack trace. */
public final class Cli {
    private Cli() {}

    public static CommandLine commandLine(Object command) {
        CommandLine cmd = new CommandLine(command);
        // picocli's hidden subcommand that prints a bash/zsh completion script for this command.
        cmd.addSubcommand("generate-completion", new AutoComplete.GenerateCompletion());
        cmd.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            printError(failed.getErr(), failed.getCommandName(), ErrorCode.PZ_USAGE, ex.getMessage());
            failed.getErr().println("Try '" + failed.getCommandName() + " --help' for usage.");
            return ErrorCode.PZ_USAGE.exitCode();
        });
        cmd.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose");
            PrezipException error = ex instanceof PrezipException known ? known
                    : new PrezipException(ErrorCode.PZ_INTERNAL, "unexpected " + ex, ex);
            printError(failed.getErr(), failed.getCommandName(), error.code(), error.getMessage());
            if (verbose && error.getCause() != null) {
                error.getCause().printStackTrace(failed.getErr());
            } else if (error.code() == ErrorCode.PZ_INTERNAL) {
                failed.getErr().println("(rerun with --verbose for the stack trace)");
            }
            return error.exitCode();
        });
        return cmd;
    }

    /**
     * Runs a command line to its exit code. A heap too small for the input is named, not a raw
     * OutOfMemoryError trace: every input's memory is bounded by its size, so a larger heap is the fix.
     */
    public static int execute(CommandLine cmd, String... args) {
        try {
            return cmd.execute(args);
        } catch (OutOfMemoryError e) {
            printError(cmd.getErr(), cmd.getCommandName(), ErrorCode.PZ_OUT_OF_MEMORY, "the Java heap ("
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB) is too small for this input: "
                    + ErrorCode.PZ_OUT_OF_MEMORY.advice());
            return ErrorCode.PZ_OUT_OF_MEMORY.exitCode();
        }
    }

    public static void printError(PrintWriter err, String command, ErrorCode code, String message) {
        err.println(command + ": error " + code + ": " + message);
        err.flush();
    }

    /**
     * Java decodes file names with the locale's charset; under a non-UTF-8 locale non-ASCII names
     * turn into '?', so every command refuses to run there rather than mis-ship a file.
     */
    public static void requireUtf8FileNames() {
        String jnu = System.getProperty("sun.jnu.encoding");
        if (jnu != null && !Charset.forName(jnu).equals(StandardCharsets.UTF_8)) {
            throw new PrezipException(ErrorCode.PZ_LOCALE_NOT_UTF8,
                    "file names are decoded as " + jnu + ": " + ErrorCode.PZ_LOCALE_NOT_UTF8.advice());
        }
    }
}
