import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deflate.Deflaters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.TempTrees;

/**
 * The byte-identity tests again, in a JVM whose zips the toolkit's own encoder deflates
 * ({@code PREZIP_DEFLATER=toolkit}): the golden fixture's zip, the determinism suite, the block scheme and the
 * packer must give the same bytes as on the JDK's Deflater, which this run's JVM uses.
 */
class ForcedEncoderTest {
    /** The tests that pin zip bytes. */
    static final List<String> BYTE_TESTS = List.of("GoldenFixtureTest", "DeterminismTest", "BundledExampleTest",
            "zip.BlockDeflaterTest", "commit.PackerTest");

    @TempDir
    Path tmp;

    @Test
    void theTestsThatPinZipBytesPassOnTheToolkitsEncoder() throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(TempTrees.javaBinary(), "-cp", System.getProperty("java.class.path"),
                "run_tests"));
        command.addAll(BYTE_TESTS);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("out.txt").toFile());
        builder.environment().put(Deflaters.FORCE_VARIABLE, Deflaters.FORCE_VALUE);
        Process child = builder.start();
        assertTrue(child.waitFor(10, TimeUnit.MINUTES), "the child test run ends");
        String out = Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8);
        Matcher totals = Pattern.compile("(?m)^(\\d+) passed, (\\d+) failed").matcher(out);
        assertTrue(totals.find(), out);
        assertEquals("0", totals.group(2), out);
        assertTrue(Integer.parseInt(totals.group(1)) >= 20, "the byte tests ran: " + out);
        assertEquals(0, child.exitValue(), out);
    }

    @Test
    void theVariableReachesTheRunRecord() throws IOException, InterruptedException {
        Path zip = tmp.resolve("q.zip");
        ProcessBuilder builder = TempTrees.stagerProcess("--project-id", "mojo1", "--data-dir",
                        TempTrees.repoRoot().resolve("data").toString(), "--content-dir",
                        TempTrees.repoRoot().resolve("examples/mojo1/content").toString(), "--output-zip", zip.toString(),
                        "--allow-unknown", "--json")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("report.json").toFile());
        builder.environment().put(Deflaters.FORCE_VARIABLE, Deflaters.FORCE_VALUE);
        Process child = builder.start();
        assertTrue(child.waitFor(2, TimeUnit.MINUTES));
        var report = TempTrees.readJson(tmp.resolve("report.json"));
        assertEquals("toolkit", report.at("/run/deflater/name").asText(), report.toString());
        assertEquals("PREZIP_DEFLATER=toolkit", report.at("/run/deflater/reason").asText());
    }
}
