import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.ChildJvm;
import support.DeflateInputs;
import support.TempTrees;
import zip.ZipPolicyV1;

/**
 * Same tree, same bytes, whatever zlib the JVM has (issue 24): one tree of 300 files (text and binaries of every
 * kind the deflate tests make, PNGs that are STORED, and a 5 MiB export deflated in blocks) committed in child
 * JVMs on the default JDK, on it with classic zlib 1.2.11 and with zlib-ng 2.2.2 in its place (LD_LIBRARY_PATH,
 * ../shared/zlib-builds), on Temurin 25 (its own zlib 1.3.2), and with the toolkit's encoder forced. The zips
 * are byte-identical; each report names the deflater that ran: the toolkit's where zlib-ng failed the canary
 * and where forced. Skipped where ../shared/zlib-builds or a JDK 25 is absent.
 */
class ZlibBuildsTest {
    static final String PROJECT = "zlib1";
    static final Duration TIMEOUT = Duration.ofMinutes(5);
    /** Deflated files of generated kinds, and STORED ones. */
    static final int DEFLATED_FILES = 259;
    static final int STORED_FILES = 40;
    /** Past the size from which a file is deflated in blocks on every core. */
    static final int LARGE_FILE = (int) ZipPolicyV1.BLOCK_DEFLATE_MIN_BYTES + (1 << 20) + 12_345;

    @TempDir
    Path tmp;

    /** Where a commit ran: a name, its java, what its environment adds, and the deflater its report must name. */
    record Setup(String name, Path java, Map<String, String> environment, String deflater, String reason) {}

    static Path tree(Path content) {
        Random random = new Random(24);
        DeflateInputs.Kind[] kinds = DeflateInputs.Kind.values();
        String[] extensions = {"txt", "csv", "exr", "dat"};
        for (int i = 0; i < DEFLATED_FILES; i++) {
            DeflateInputs.Kind kind = kinds[i % kinds.length];
            byte[] bytes = DeflateInputs.make(kind, DeflateInputs.size(random, 256 << 10), random);
            TempTrees.write(content.resolve("shot" + i % 13 + "/" + kind.name().toLowerCase(Locale.ROOT) + i + "."
                    + extensions[i % extensions.length]), bytes);
        }
        for (int i = 0; i < STORED_FILES; i++) {
            byte[] bytes = DeflateInputs.make(i % 2 == 0 ? DeflateInputs.Kind.RANDOM : DeflateInputs.Kind.TEXT,
                    DeflateInputs.size(random, 64 << 10), random);
            TempTrees.write(content.resolve("stills/frame" + i + ".png"), bytes);
        }
        TempTrees.write(content.resolve("exports/plate.txt"), TempTrees.compressibleText(LARGE_FILE));
        return content;
    }

    @Test
    void theSameTreeGivesTheSameZipOnEveryZlibAndTheReportNamesTheDeflater() throws Exception {
        Path zlib1211 = ChildJvm.zlibBuild("zlib-1.2.11");
        Path zlibNg = ChildJvm.zlibBuild("zlib-ng-2.2.2");
        Path jdk25 = ChildJvm.jdk(25);
        Assumptions.assumeTrue(zlib1211 != null && zlibNg != null, "no ../shared/zlib-builds");
        Assumptions.assumeTrue(jdk25 != null, "no JDK 25 under /usr/lib/jvm");
        Path java = ChildJvm.defaultJava();
        String classic = "this JVM's zlib passed both checks: classic zlib's bytes";
        List<Setup> setups = List.of(
                new Setup("default JDK", java, Map.of(), "jdk", classic),
                new Setup("zlib 1.2.11", java, Map.of("LD_LIBRARY_PATH", zlib1211.toString()), "jdk", classic),
                new Setup("zlib-ng 2.2.2", java, Map.of("LD_LIBRARY_PATH", zlibNg.toString()), "toolkit",
                        "this JVM's zlib failed the single-stream check"),
                new Setup("Temurin 25", jdk25, Map.of(), "jdk", classic),
                new Setup("PREZIP_DEFLATER=toolkit", java, Map.of(deflate.Deflaters.FORCE_VARIABLE, deflate.Deflaters.FORCE_VALUE),
                        "toolkit", "PREZIP_DEFLATER=toolkit"));
        Path content = tree(tmp.resolve("content"));
        Path data = TempTrees.dataDir(tmp, PROJECT, List.of("txt", "csv", "exr", "dat", "png"));
        List<byte[]> zips = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < setups.size(); i++) {
            Setup setup = setups.get(i);
            Path zip = Files.createDirectories(tmp.resolve("out" + i)).resolve("d.zip");
            long started = System.nanoTime();
            List<String> command = new ArrayList<>(List.of("prezip_stager"));
            command.addAll(List.of(TempTrees.args(PROJECT, content, data, zip, "--commit")));
            ChildJvm.Result run = ChildJvm.run(setup.java(), setup.environment(), TIMEOUT, command.toArray(String[]::new));
            assertEquals(0, run.exitCode(), setup.name() + ": " + run.output());
            JsonNode deflater = TempTrees.readJson(zip.resolveSibling("d.zip.report.json")).at("/run/deflater");
            assertEquals(setup.deflater(), deflater.path("name").asText(), setup.name() + ": " + deflater);
            assertEquals(setup.reason(), deflater.path("reason").asText(), setup.name());
            zips.add(TempTrees.readBytes(zip));
            line.append(String.format(Locale.ROOT, "; %s: %s, %.1f s", setup.name(), setup.deflater(), (System.nanoTime() - started) / 1e9));
        }
        for (int i = 1; i < zips.size(); i++) {
            assertArrayEquals(zips.get(0), zips.get(i), setups.get(i).name() + " wrote other bytes than " + setups.get(0).name());
        }
        DeterminismTest.assertValid(tmp.resolve("out2/d.zip"));
        System.out.printf(Locale.ROOT, "ZlibBuildsTest: %d zips of %,d bytes, sha256 %s%s%n", zips.size(), zips.get(0).length,
                TempTrees.sha256(zips.get(0)), line);
    }
}
