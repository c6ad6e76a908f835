package support;

import cli.Cli;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import json.Json;
import picocli.CommandLine;

/**
 * Runs a prezip command in-process, exactly as its main() does (through {@link Cli#commandLine}),
 * with stdout and stderr captured.
 */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun stager(String... args) {
        return run(command("prezip_stager"), args);
    }

    public static CliRun inventory(String... args) {
        return run(command("inventory"), args);
    }

    public static CliRun verifyZip(String... args) {
        return run(command("verify_zip"), args);
    }

    public static CliRun dashboard(String... args) {
        return run(command("dashboard"), args);
    }

    /** A new instance of a command script, which lives in the unnamed package that no named package can import. */
    public static Object command(String script) {
        try {
            return Class.forName(script).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("command script " + script + " is not on the test class path", e);
        }
    }

    public static CliRun run(Object command, String... args) {
        CommandLine cmd = Cli.commandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = Cli.execute(cmd, args);
        cmd.getOut().flush();
        cmd.getErr().flush();
        return new CliRun(code, out.toString(), err.toString());
    }

    /** stdout parsed as exactly one JSON document (trailing content is an error). */
    public JsonNode json() {
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
    public String describe() {
        return "exit " + exitCode + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
    }
}
