package cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import errors.ErrorCode;
import errors.ExitCode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import support.TempTrees;

/** The error mapping every command shares. */
class CliTest {
    @CommandLine.Command(name = "hungry")
    static final class Hungry implements Callable<Integer>, Cli.RunsWithoutArguments {
        public static void main(String... args) {
            System.exit(Cli.execute(Cli.commandLine(new Hungry()), args));
        }

        @Override
        public Integer call() {
            long[][] hold = new long[1 << 20][];
            for (int i = 0; i < hold.length; i++) {
                hold[i] = new long[1 << 20]; // 8 MiB each, until the heap is gone
            }
            return hold.length;
        }
    }

    @Test
    void aHeapTooSmallIsANamedErrorNotATrace() throws Exception {
        // In a child JVM of 32 MiB: the tests' own heap is not to be filled.
        Process child = new ProcessBuilder(TempTrees.javaBinary(), "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                Hungry.class.getName()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(ExitCode.FAILURE, child.waitFor(), output);
        assertEquals("hungry: error PZ_OUT_OF_MEMORY: the Java heap (32 MiB) is too small for this input: "
                + ErrorCode.PZ_OUT_OF_MEMORY.advice() + "\n", output.replaceAll("\\(\\d+ MiB\\)", "(32 MiB)"));
    }
}
