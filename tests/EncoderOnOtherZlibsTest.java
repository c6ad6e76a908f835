import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import support.ChildJvm;
import support.DeflateDifferential;

/**
 * The differential check of the toolkit's encoder (support.DeflateDifferential) in child JVMs on other classic
 * zlibs: Temurin 25's bundled zlib 1.3.2 and classic zlib 1.2.11 (../shared/zlib-builds under LD_LIBRARY_PATH);
 * and, to show the check can fail, on zlib-ng, which it must find different. Each is skipped where its JDK or
 * zlib build is absent.
 */
class EncoderOnOtherZlibsTest {
    /** Fewer inputs than in-process (ClassicZlibEncoderTest): each child pays a JVM start and a cold JIT. */
    static final int JDK25_INPUTS = 2_000;
    static final int ZLIB_1211_INPUTS = 1_000;
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    static ChildJvm.Result differential(Path java, Map<String, String> environment, int inputs) {
        return ChildJvm.run(java, environment, TIMEOUT, "support.DeflateDifferential", Long.toString(DeflateDifferential.seed()),
                Integer.toString(inputs));
    }

    @Test
    void theEncoderEqualsTheDeflaterOfJdk25() {
        Path java = ChildJvm.jdk(25);
        Assumptions.assumeTrue(java != null, "no JDK 25 under /usr/lib/jvm");
        ChildJvm.Result run = differential(java, Map.of(), JDK25_INPUTS);
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().startsWith("java 25."), run.output());
        assertTrue(run.output().contains("the JVM's deflater: jdk "), "JDK 25's zlib passes the canary: " + run.output());
        assertTrue(run.output().contains(": " + JDK25_INPUTS + " inputs ("), run.output());
        assertTrue(run.output().contains(", 0 differences"), run.output());
    }

    @Test
    void theEncoderEqualsClassicZlib1211() {
        Path zlib = ChildJvm.zlibBuild("zlib-1.2.11");
        Assumptions.assumeTrue(zlib != null, "no ../shared/zlib-builds/zlib-1.2.11");
        ChildJvm.Result run = differential(ChildJvm.defaultJava(), Map.of("LD_LIBRARY_PATH", zlib.toString()), ZLIB_1211_INPUTS);
        Assumptions.assumeTrue(!run.output().contains("zlib: bundled"), "this JVM does not load the system zlib");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("zlib: " + zlib.resolve("libz.so.1")), "the child compared against 1.2.11: " + run.output());
        assertTrue(run.output().contains(": " + ZLIB_1211_INPUTS + " inputs ("), run.output());
        assertTrue(run.output().contains(", 0 differences"), run.output());
    }

    @Test
    void onZlibNgTheCheckFindsDifferencesAndTheCanaryChoosesTheToolkitsEncoder() {
        Path zlib = ChildJvm.zlibBuild("zlib-ng-2.2.2");
        Assumptions.assumeTrue(zlib != null, "no ../shared/zlib-builds/zlib-ng-2.2.2");
        ChildJvm.Result run = differential(ChildJvm.defaultJava(), Map.of("LD_LIBRARY_PATH", zlib.toString()), 100);
        Assumptions.assumeTrue(!run.output().contains("zlib: bundled"), "this JVM does not load the system zlib");
        assertEquals(1, run.exitCode(), "zlib-ng writes other bytes, and the check says so: " + run.output());
        assertTrue(run.output().contains("the JVM's deflater: toolkit (this JVM's zlib failed the single-stream check)"), run.output());
        assertTrue(run.output().contains("first difference at byte"), run.output());
    }
}
