import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ./jbang wrapper as an operator runs it: arguments survive, exit codes pass through, clear failures. */
class WrapperTest {
    static final Path WRAPPER = TempTrees.repoRoot().resolve("jbang");

    @TempDir
    Path tmp;

    record Run(int exitCode, String out, String err) {}

    Run run(Path path, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", WRAPPER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        if (path != null) {
            builder.environment().put("PATH", path.toString());
        }
        Process process = builder.start();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the wrapper must finish");
        return new Run(process.exitValue(), Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void argumentsWithSpacesAndQuotesSurviveAndTheExitCodePassesThrough() throws Exception {
        Run bad = run(null, "prezip_stager", "--project-id", "it's \"a b\" $HOME", "--content-dir", "x", "--output-zip", "y");
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("invalid project id 'it's \"a b\" $HOME'"), bad.err());

        Run preview = run(null, "prezip_stager", "--preview-capability", "zip_packaging");
        assertEquals(0, preview.exitCode(), preview.err());
        assertEquals(1, Json.MAPPER.readTree(preview.out()).get("schema_version").asInt());
    }

    @Test
    void withoutJavaOrJbangItSaysHowToInstall() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : List.of("bash", "dirname", "basename", "readlink")) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool).toRealPath());
        }
        Run run = run(bin, "--version");
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("install") && run.err().contains("JBang"), run.err());
    }
}
