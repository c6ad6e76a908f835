import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import provenance.Toolkit;
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
     * that no cached command of another run is taken; null when the wrapper never fetched it on this
     * machine (an installed JBang builds the commands with its own jar).
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
        assumeTrue(cache != null, "no pinned JBang fetched by the wrapper on this machine");
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

    /** The toolkit's version in what --version printed: its first word of the form 1.2.0 (or 1.2.0-edited). */
    static String versionOf(Run run) {
        var version = Pattern.compile("\\b\\d+\\.\\d+\\.\\d+\\S*").matcher(run.out());
        assertTrue(version.find(), run.out());
        return version.group();
    }

    @Test
    void anEditInANestedLibPackageIsRunByTheNextCommandWithNoOtherStep() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        for (String file : List.of("jbang", "prezip_stager.java", "jbang.properties", "jbang-catalog.json")) {
            Files.copy(TempTrees.repoRoot().resolve(file), repo.resolve(file));
        }
        // lib/ for the sources, data/ for the files the script's //FILES lines bundle.
        for (String folder : List.of("lib", "data")) {
            Path from = TempTrees.repoRoot().resolve(folder);
            try (var files = Files.walk(from)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path to = repo.resolve(folder).resolve(from.relativize(file).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(file, to);
                }
            }
        }
        Path cache = ownWrapperCache();
        Map<String, String> environment = cache == null ? Map.of() : Map.of("PREZIP_JBANG_CACHE", cache.toString());
        Run before = run(repo.resolve("jbang"), environment, "prezip_stager", "--version");
        assertEquals(0, before.exitCode(), before.err());
        assertEquals(Toolkit.VERSION, versionOf(before));

        Path toolkit = repo.resolve("lib/provenance/Toolkit.java");
        String quoted = '"' + Toolkit.VERSION + '"';
        String source = Files.readString(toolkit);
        assertTrue(source.contains(quoted), "the version literal is in " + toolkit);
        Files.writeString(toolkit, source.replace(quoted, '"' + Toolkit.VERSION + "-edited\""));
        Run after = run(repo.resolve("jbang"), environment, "prezip_stager", "--version");
        assertEquals(0, after.exitCode(), after.err());
        assertEquals(Toolkit.VERSION + "-edited", versionOf(after), "the edit in lib/provenance/ is what runs");
        if (cache != null) {
            // The fast path was taken both times, under a new key after the edit.
            try (var commands = Files.list(cache.resolve("launch"))) {
                assertEquals(2, commands.filter(f -> f.getFileName().toString().matches("prezip_stager-[0-9a-f]{32}\\.cmd")).count());
            }
        }
    }

    /**
     * An installed JBang (a stand-in on PATH that records how it was called) takes no toolkit command,
     * also after --quiet or -o, and every command learns the toolkit's folder as PREZIP_HOME whatever the
     * caller's environment holds: a dry-run from a folder far from the repo finds the repo's allowlist.
     */
    @Test
    void anInstalledJbangLeavesTheToolkitsCommandsTheFastPathAndEveryRunIsToldTheToolkitsHome() throws Exception {
        Path cache = ownWrapperCache();
        assumeTrue(cache != null, "no pinned JBang fetched by the wrapper on this machine");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path calls = tmp.resolve("jbang-calls.txt");
        Path fake = bin.resolve("jbang");
        Files.writeString(fake, "#!/usr/bin/env bash\nprintf '%s PREZIP_HOME=%s\\n' \"$*\" \"${PREZIP_HOME:-}\" >> '" + calls + "'\n"
                + "echo 'the installed jbang'\n");
        assertTrue(fake.toFile().setExecutable(true));
        Path repo = TempTrees.repoRoot().toRealPath();
        Map<String, String> environment = Map.of("PATH", bin + ":" + System.getenv("PATH"),
                "PREZIP_JBANG_CACHE", cache.toString(), "PREZIP_HOME", tmp.resolve("elsewhere").toString());
        String[] dryRun = {"prezip_stager", "--project-id", "mojo1", "--content-dir", repo.resolve("examples/mojo1/content").toString(),
                "--output-zip", tmp.resolve("mojo1.zip").toString(), "--allow-unknown", "--json"};

        Run first = run(environment, dryRun);
        assertEquals(0, first.exitCode(), first.err());
        var report = Json.MAPPER.readTree(first.out());
        assertEquals("ok", report.get("status").asText());
        List<String> allowlists = new ArrayList<>();
        report.get("run").get("inputs").forEach(input -> {
            if (input.get("role").asText().equals("allowlist")) {
                allowlists.add(input.get("path").asText());
            }
        });
        assertEquals(List.of(repo.resolve("data/projects/mojo1_allowed_ext.json").toString()), allowlists);
        assertTrue(first.err().contains("building prezip_stager"), "the first run says why it takes a while: " + first.err());

        for (String option : List.of("--quiet", "-o")) {
            Run cached = run(environment, option, "prezip_stager", "--version");
            assertEquals(0, cached.exitCode(), cached.err());
            assertEquals(Toolkit.VERSION, versionOf(cached));
            assertFalse(cached.err().contains("building"), "a cached command builds nothing: " + cached.err());
        }
        assertFalse(Files.exists(calls), "the installed jbang was called for a toolkit command");
        try (var commands = Files.list(cache.resolve("launch"))) {
            assertEquals(1, commands.filter(f -> f.getFileName().toString().endsWith(".cmd")).count(), "one command cached and reused");
        }

        // Everything else is the installed JBang's, with the same PREZIP_HOME: an option that changes what is
        // built (--fresh), the test runner, JBang's own commands, an alias of another catalog. The repo's
        // aliases are handed over as their scripts' paths, which JBang finds from any folder.
        for (String[] args : List.of(new String[] {"--fresh", "prezip_stager", "--version"}, new String[] {"version"},
                new String[] {"test", "--help"}, new String[] {"hello@someone"})) {
            Run handedOver = run(environment, args);
            assertEquals(0, handedOver.exitCode(), handedOver.err());
            assertEquals("the installed jbang", handedOver.out().strip());
        }
        assertEquals(List.of("--fresh " + repo.resolve("prezip_stager.java") + " --version PREZIP_HOME=" + repo,
                "version PREZIP_HOME=" + repo, repo.resolve("tests/run_tests.java") + " --help PREZIP_HOME=" + repo,
                "hello@someone PREZIP_HOME=" + repo), Files.readAllLines(calls));

        // Every alias of the catalog, as the wrapper names it to JBang.
        Files.delete(calls);
        Map<String, String> noFastPath = new HashMap<>(environment);
        noFastPath.put("PREZIP_NO_FAST_PATH", "1");
        List<String> expected = new ArrayList<>();
        var aliases = Json.MAPPER.readTree(repo.resolve("jbang-catalog.json").toFile()).get("aliases");
        for (var alias = aliases.fields(); alias.hasNext(); ) {
            var entry = alias.next();
            assertEquals(0, run(noFastPath, "-o", entry.getKey(), "--help").exitCode());
            expected.add("-o " + repo.resolve(entry.getValue().get("script-ref").asText()) + " --help PREZIP_HOME=" + repo);
        }
        assertEquals(expected, Files.readAllLines(calls));
    }

    /** The README's test command from another folder, by the wrapper's full path, through JBang. */
    @Test
    void theTestCommandRunsFromAnotherFolder() throws Exception {
        Run help = run(Map.of(), "test", "--help");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().startsWith("Usage: ./jbang test [CLASS...]"), help.out());
    }

    /** `./jbang test` runs tests/run_tests.java: a line per class as it finishes, the summary line last, usage for --help. */
    @Test
    void theTestRunnerPrintsALinePerClassThenTheSummaryAndUsageForHelp() throws Exception {
        Run two = runner("datadir.ProjectIdTest", "AsciiTest");
        assertEquals(0, two.exitCode(), two.err());
        List<String> lines = two.out().lines().toList();
        assertEquals(3, lines.size(), two.out());
        long total = 0;
        for (String line : lines.subList(0, 2)) {
            var perClass = Pattern.compile("(datadir\\.ProjectIdTest|policy\\.AsciiTest): passed (\\d+), failed 0, skipped 0 \\(\\d+\\.\\d s\\)")
                    .matcher(line);
            assertTrue(perClass.matches(), line);
            assertTrue(Long.parseLong(perClass.group(2)) > 0, line);
            total += Long.parseLong(perClass.group(2));
        }
        assertEquals(List.of("datadir.ProjectIdTest", "policy.AsciiTest"), lines.subList(0, 2).stream().map(l -> l.split(":")[0]).sorted().toList());
        assertEquals(total + " passed, 0 failed, 0 skipped", lines.get(2));

        Run help = runner("--help");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().startsWith("Usage: ./jbang test [CLASS...]"), help.out());
        assertEquals("", help.err());

        Run unknown = runner("--fast");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("unknown option: --fast\nUsage:"), unknown.err());
        assertEquals("", unknown.out());
    }

    /** The runner in a JVM of its own, on this test run's own classes (which hold it). */
    Run runner(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "run_tests"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the runner must finish");
        return new Run(process.exitValue(), Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8));
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
