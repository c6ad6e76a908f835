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

import errors.ErrorCode;
import errors.PrezipException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import json.Json;
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
            if (Arrays.asList(args).contains(JSON_OPTION)) {
                printJsonError(failed.getOut(), failed.getCommandName(), ErrorCode.PZ_USAGE, ex.getMessage());
            }
            printError(failed.getErr(), failed.getCommandName(), ErrorCode.PZ_USAGE, ex.getMessage());
            // picocli's "Did you mean ...?" for a mistyped option, then where the usage is.
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, failed.getErr());
            failed.getErr().println("Try '" + failed.getCommandName() + " --help' for usage.");
            failed.getErr().flush();
            return ErrorCode.PZ_USAGE.exitCode();
        });
        cmd.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose");
            PrezipException error = ex instanceof PrezipException known ? known
                    : new PrezipException(ErrorCode.PZ_INTERNAL, "unexpected " + ex, ex);
            if (parseResult.hasMatchedOption(JSON_OPTION)) {
                printJsonError(failed.getOut(), failed.getCommandName(), error.code(), error.getMessage());
            }
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
     * Runs a command line to its exit code. Without arguments a command that needs some prints its usage
     * (exit 2). A heap too small for the input is named, not a raw OutOfMemoryError trace: every input's
     * memory is bounded by its size, so a larger heap is the fix.
     */
    public static int execute(CommandLine cmd, String... args) {
        if (args.length == 0 && !(cmd.getCommand() instanceof RunsWithoutArguments)) {
            cmd.usage(cmd.getOut());
            return ErrorCode.PZ_USAGE.exitCode();
        }
        try {
            return cmd.execute(args);
        } catch (OutOfMemoryError e) {
            String message = "the Java heap (" + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB) is too small for this input: "
                    + ErrorCode.PZ_OUT_OF_MEMORY.advice();
            if (Arrays.asList(args).contains(JSON_OPTION)) {
                printJsonError(cmd.getOut(), cmd.getCommandName(), ErrorCode.PZ_OUT_OF_MEMORY, message);
            }
            printError(cmd.getErr(), cmd.getCommandName(), ErrorCode.PZ_OUT_OF_MEMORY, message);
            return ErrorCode.PZ_OUT_OF_MEMORY.exitCode();
        }
    }

    /**
     * Names every missing option at once ("missing required options --project-id, --output-zip"), not the
     * first only: each pair is {value, option name}, and a null value is missing.
     */
    public static void requireOptions(Object[]... valueAndName) {
        List<String> missing = Arrays.stream(valueAndName).filter(pair -> pair[0] == null).map(pair -> (String) pair[1]).toList();
        if (!missing.isEmpty()) {
            throw new PrezipException(ErrorCode.PZ_USAGE, "missing required option" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing));
        }
    }

    /** A command that does its job with no arguments at all (the others print their usage). */
    public interface RunsWithoutArguments {}

    static final String JSON_OPTION = "--json";

    /**
     * What --json prints when a command ends in an error before its own document: every exit under --json
     * gives exactly one JSON document on stdout.
     */
    public record ErrorDocument(int schemaVersion, String command, String status, Problem error) {
        public record Problem(String code, String message) {}
    }

    private static void printJsonError(PrintWriter out, String command, ErrorCode code, String message) {
        out.print(Json.write(new ErrorDocument(1, command, "error", new ErrorDocument.Problem(code.name(), message))));
        out.flush();
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
