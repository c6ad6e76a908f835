import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cli.Json;
import cli.Toolkit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.TempTrees;

/** The ./jbang wrapper as an operator runs it: arguments survive, exit codes pass through, clear failures. */
class WrapperTest {
    static final Path WRAPPER = TempTrees.repoRoot().resolve("jbang");

    @TempDir
    Path tmp;

    record Run(int exitCode, String out, String err) {}

    Run run(Path path, String... args) throws IOException, InterruptedException {
        return run(path == null ? Map.of() : Map.of("PATH", path.toString()), args);
    }

    Run run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        return run(WRAPPER, environment, args);
    }

    Run run(Path wrapper, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", wrapper.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the wrapper must finish");
        return new Run(process.exitValue(), Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void argumentsWithSpacesAndQuotesSurviveAndTheExitCodePassesThrough() throws Exception {
        Run bad = run(Map.of(), "prezip_stager", "--project-id", "it's \"a b\" $HOME", "--content-dir", "x", "--output-zip", "y");
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("invalid project id 'it's \"a b\" $HOME'"), bad.err());

        Run preview = run(Map.of(), "prezip_stager", "--preview-capability", "zip_packaging");
        assertEquals(0, preview.exitCode(), preview.err());
        assertEquals(1, Json.MAPPER.readTree(preview.out()).get("schema_version").asInt());
    }

    /**
     * A wrapper cache of this test's own, holding (as a link) the JBang jar this run's wrapper fetched, so
     * that no cached command of another run is taken; null when the wrapper runs a jbang from PATH, which
     * has no fast path at all.
     */
    Path ownWrapperCache() throws IOException {
        String cacheHome = System.getenv().getOrDefault("XDG_CACHE_HOME", System.getProperty("user.home") + "/.cache");
        Path jbangJar = Path.of(System.getenv().getOrDefault("PREZIP_JBANG_CACHE", cacheHome + "/prezip/jbang-0.132.1"),
                "jbang-cli-0.132.1-all.jar");
        if (!Files.isRegularFile(jbangJar)) {
            return null;
        }
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Files.createSymbolicLink(cache.resolve(jbangJar.getFileName()), jbangJar);
        return cache;
    }

    @Test
    void theFastPathMapsClassesFromAnArchiveAndNeverPassesATruncatedOne() throws Exception {
        Path cache = ownWrapperCache();
        assumeTrue(cache != null, "the wrapper runs a jbang from PATH here");
        Path classLog = tmp.resolve("classes.log");
        Map<String, String> environment = Map.of("PREZIP_JBANG_CACHE", cache.toString(),
                "JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + classLog);
        String[] preview = {"prezip_stager", "--preview-capability", "zip_packaging"};

        // Archives of earlier edits: the three newest of an alias are kept, so two of these stay.
        Path launch = Files.createDirectories(cache.resolve("launch"));
        for (int age = 1; age <= 4; age++) {
            Path old = Files.writeString(launch.resolve("prezip_stager-old" + age + ".9.jsa"), "x");
            Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - age * 60_000L));
        }
        Run first = run(environment, preview);
        assertEquals(0, first.exitCode(), first.err());
        List<Path> archives;
        try (var files = Files.list(launch)) {
            archives = files.filter(f -> f.getFileName().toString().endsWith(".jsa")).sorted().toList();
        }
        assertEquals(List.of("prezip_stager-old1.9.jsa", "prezip_stager-old2.9.jsa"),
                archives.stream().map(f -> f.getFileName().toString()).filter(n -> n.contains("-old")).toList());
        assertEquals(3, archives.size(), archives.toString());
        Path archive = archives.stream().filter(f -> !f.getFileName().toString().contains("-old")).findFirst().orElseThrow();
        String[] nameParts = archive.getFileName().toString().split("\\.");
        assertEquals(Files.size(archive), Long.parseLong(nameParts[nameParts.length - 2]), "the size in the name");
        try (var files = Files.list(launch)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains(".tmp.")), "no temporary file left");
        }
        // The next run takes the cached command, and its own classes come from the archive.
        Run cached = run(environment, preview);
        assertEquals(0, cached.exitCode(), cached.err());
        assertEquals(first.out(), cached.out());
        assertTrue(Files.readAllLines(classLog).stream()
                .anyMatch(line -> line.contains(" prezip_stager source: shared objects file")), "prezip_stager from the archive");

        // An archive of another size than its name says is never passed to java: a truncated one can crash
        // the JVM (SIGBUS) when its regions are relocated. Grown, not cut, so java would surely take it.
        archive.toFile().setWritable(true);
        Files.write(archive, new byte[4096], java.nio.file.StandardOpenOption.APPEND);
        Run other = run(environment, preview);
        assertEquals(0, other.exitCode(), other.err());
        assertEquals(first.out(), other.out());
        assertTrue(Files.readAllLines(classLog).stream()
                .anyMatch(line -> line.contains(" prezip_stager source: file:")), "prezip_stager read from its jar");
    }

    @Test
    void anEditInANestedLibPackageIsRunByTheNextCommandWithNoOtherStep() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        for (String file : List.of("jbang", "prezip_stager.java", "jbang.properties", "jbang-catalog.json")) {
            Files.copy(TempTrees.repoRoot().resolve(file), repo.resolve(file));
        }
        Path lib = TempTrees.repoRoot().resolve("lib");
        try (var files = Files.walk(lib)) {
            for (Path from : files.filter(Files::isRegularFile).toList()) {
                Path to = repo.resolve("lib").resolve(lib.relativize(from).toString());
                Files.createDirectories(to.getParent());
                Files.copy(from, to);
            }
        }
        Path cache = ownWrapperCache();
        Map<String, String> environment = cache == null ? Map.of() : Map.of("PREZIP_JBANG_CACHE", cache.toString());
        Run before = run(repo.resolve("jbang"), environment, "prezip_stager", "--version");
        assertEquals(0, before.exitCode(), before.err());
        assertEquals(Toolkit.VERSION, before.out().strip());

        Path toolkit = repo.resolve("lib/cli/Toolkit.java");
        String quoted = '"' + Toolkit.VERSION + '"';
        String source = Files.readString(toolkit);
        assertTrue(source.contains(quoted), "the version literal is in " + toolkit);
        Files.writeString(toolkit, source.replace(quoted, '"' + Toolkit.VERSION + "-edited\""));
        Run after = run(repo.resolve("jbang"), environment, "prezip_stager", "--version");
        assertEquals(0, after.exitCode(), after.err());
        assertEquals(Toolkit.VERSION + "-edited", after.out().strip(), "the edit in lib/cli/ is what runs");
        if (cache != null) {
            // The fast path was taken both times, under a new key after the edit.
            try (var commands = Files.list(cache.resolve("launch"))) {
                assertEquals(2, commands.filter(f -> f.getFileName().toString().matches("prezip_stager-[0-9a-f]{32}\\.cmd")).count());
            }
        }
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
