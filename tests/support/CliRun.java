import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs a prezip command in-process, exactly as its main() does (through {@link Cli#commandLine}),
 * with stdout and stderr captured.
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun stager(String... args) {
        return run(new prezip_stager(), args);
    }

    static CliRun inventory(String... args) {
        return run(new inventory(), args);
    }

    static CliRun run(Object command, String... args) {
        CommandLine cmd = Cli.commandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        cmd.getOut().flush();
        cmd.getErr().flush();
        return new CliRun(code, out.toString(), err.toString());
    }

    /** stdout parsed as exactly one JSON document (trailing content is an error). */
    JsonNode json() {
        try {
            return Json.MAPPER.readerFor(JsonNode.class)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(out);
        } catch (Exception e) {
            throw new AssertionError("stdout is not exactly one JSON document: " + e.getMessage() + "\n--- stdout:\n" + out
                    + "\n--- stderr:\n" + err, e);
        }
    }

    /** For assertion messages. */
    String describe() {
        return "exit " + exitCode + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
    }
}
