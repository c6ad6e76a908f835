package support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Child JVMs for the tests that compare the toolkit's bytes across JVMs and zlibs: another installed JDK by
 * its feature version, the zlib builds in ../shared/zlib-builds (a JVM that links the system zlib loads one of
 * them under LD_LIBRARY_PATH), and a main class of the tests' classpath run there, bounded in time.
 */
public final class ChildJvm {
    /** The shared zlib builds, beside the repository (shared/zlib-builds/README.md says what each is). */
    static final String ZLIB_BUILDS = "../shared/zlib-builds";

    /** How a child ended: its exit code and everything it printed (stdout and stderr together). */
    public record Result(int exitCode, String output) {}

    private ChildJvm() {}

    /** The java of an installed JDK (under /usr/lib/jvm) whose release file names this feature version, or null. */
    public static Path jdk(int feature) {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (var homes = Files.list(jvms)) {
            for (Path home : homes.sorted().toList()) {
                Path release = home.resolve("release");
                Path java = home.resolve("bin/java");
                if (Files.isRegularFile(release) && Files.isExecutable(java)
                        && Files.readString(release).contains("JAVA_VERSION=\"" + feature + ".")) {
                    return java;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    /** The folder of a zlib build ({@code zlib-1.2.11}, {@code zlib-ng-2.2.2}) holding its libz.so.1, or null. */
    public static Path zlibBuild(String name) {
        Path folder = TempTrees.repoRoot().resolve(ZLIB_BUILDS).resolve(name).normalize();
        return Files.isRegularFile(folder.resolve("libz.so.1")) ? folder : null;
    }

    /** The java running the tests. */
    public static Path defaultJava() {
        return Path.of(TempTrees.javaBinary());
    }

    /**
     * Runs {@code mainAndArguments} with the tests' classpath on {@code java}, with the environment the CLI tests
     * give a command (UTF-8, no data folder, no fixed epoch, no forced deflater) changed by {@code environment}.
     */
    public static Result run(Path java, Map<String, String> environment, Duration timeout, String... mainAndArguments) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(mainAndArguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().remove("SOURCE_DATE_EPOCH");
        builder.environment().remove(datadir.DataDir.ENV_VARIABLE);
        builder.environment().remove(deflate.Deflaters.FORCE_VARIABLE);
        builder.environment().remove("LD_LIBRARY_PATH");
        builder.environment().putAll(environment);
        try {
            Path log = Files.createTempFile("prezip-child", ".log");
            try {
                Process process = builder.redirectOutput(log.toFile()).start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("no end within " + timeout + ": " + command + "\n" + Files.readString(log));
                }
                return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
