import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.CliRun;
import support.TempTrees;
import zip.ZipManifest;

/**
 * Content folders far deeper than any call stack: the scan, the staging and its removal, inventory and
 * verify_zip walk them without recursion, and a path longer than the OS allows is a named reason, never
 * a stack trace. The trees are made (and removed) by relative steps, as no absolute path reaches them.
 */
class DeepTreeTest {
    /** Levels of a chain deep enough to overflow any recursion on depth: far past PATH_MAX as well. */
    static final int DEEP = 10_000;
    /** Levels whose paths still fit in PATH_MAX (4096), staging's included: a commit of it must succeed. */
    static final int SHIPPABLE = 1_200;
    static final String ID = "deep";

    @TempDir
    Path tmp;
    Path data;
    Path out;

    @BeforeEach
    void project() throws IOException {
        data = TempTrees.dataDir(tmp, ID, List.of("txt"));
        out = Files.createDirectories(tmp.resolve("out"));
    }

    @AfterEach
    void removeDeepTrees() throws Exception {
        // JUnit's own clean-up walks absolute paths, which end at PATH_MAX; GNU rm walks relative to each folder.
        try (Stream<Path> children = Files.list(tmp)) {
            for (Path child : children.toList()) {
                run("rm", "-rf", child.toString());
            }
        }
    }

    /** A chain of {@code levels} folders "d" under {@code root}, a text file at each listed depth. */
    static Path chain(Path root, int levels, int... filesAt) throws Exception {
        Files.createDirectories(root);
        StringBuilder depths = new StringBuilder();
        for (int depth : filesAt) {
            depths.append(depth).append(',');
        }
        run("python3", "-c", "import os, sys\n"
                + "os.chdir(sys.argv[1]); files = {int(d) for d in sys.argv[3].split(',') if d}\n"
                + "for level in range(1, int(sys.argv[2]) + 1):\n"
                + "    os.mkdir('d'); os.chdir('d')\n"
                + "    if level in files:\n"
                + "        open('level.txt', 'w').write('level %d\\n' % level)\n",
                root.toString(), String.valueOf(levels), depths.toString());
        return root;
    }

    static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, process.exitValue(), String.join(" ", command));
    }

    static void assertNamedOutcome(CliRun run) {
        assertFalse(run.err().contains("StackOverflowError") || run.err().contains("\tat ") || run.out().contains("\tat "),
                "no stack trace: " + run.describe());
        assertFalse(run.err().contains("PZ_INTERNAL"), run.describe());
    }

    @Test
    void aTreeTenThousandLevelsDeepIsScannedWithoutRecursionAndItsTooLongPathsAreNamed() throws Exception {
        Path content = chain(tmp.resolve("content"), DEEP, 3, 500);
        Path zip = out.resolve("deep.zip");
        CliRun dry = CliRun.stager("--project-id", ID, "--data-dir", data.toString(), "--content-dir", content.toString(),
                "--output-zip", zip.toString(), "--json");
        assertNamedOutcome(dry);
        assertEquals(1, dry.exitCode(), "refused: the folders past PATH_MAX cannot be listed: " + dry.describe());
        assertTrue(dry.json().get("excluded").toString().contains("File name too long"), "named why: " + dry.out());
        assertEquals(2, dry.json().get("totals").get("eligibleFiles").asInt(), "the files above the limit are found");
        // What people read is bounded: each path cut in its middle, no Java class name (the JSON keeps every path whole).
        Path page = tmp.resolve("deep.html");
        CliRun human = CliRun.stager("--project-id", ID, "--data-dir", data.toString(), "--content-dir", content.toString(),
                "--output-zip", zip.toString(), "--html", page.toString());
        assertEquals(1, human.exitCode(), human.describe());
        for (String line : (human.out() + human.err()).lines().toList()) {
            assertTrue(line.length() < 1_000, "a bounded line: " + line.length() + " characters");
            assertFalse(line.contains("Exception"), "no Java class name: " + line.substring(0, Math.min(300, line.length())));
        }
        assertFalse(Files.readString(page).contains("d/".repeat(200)), "the page cuts the deep paths too");

        CliRun inventory = CliRun.inventory("--project-id", "inv", "--data-dir", data.toString(), "--content-dir", content.toString());
        assertNamedOutcome(inventory);

        // The dry-run that leaves the unreadable folders out says ok, and the commit agrees: staging holds
        // only the folders of eligible files, never the deep chain that ships nothing (past PATH_MAX beside the zip).
        CliRun allowing = CliRun.stager("--project-id", ID, "--data-dir", data.toString(), "--content-dir", content.toString(),
                "--output-zip", zip.toString(), "--allow-unknown");
        assertEquals(0, allowing.exitCode(), allowing.describe());
        CliRun commit = CliRun.stager("--project-id", ID, "--data-dir", data.toString(), "--content-dir", content.toString(),
                "--output-zip", zip.toString(), "--allow-unknown", "--commit");
        assertNamedOutcome(commit);
        assertEquals(0, commit.exitCode(), commit.describe());
        try (ZipFile shipped = new ZipFile(zip.toFile())) {
            assertEquals(List.of("d/".repeat(500) + "level.txt", "d/d/d/level.txt"),
                    Collections.list(shipped.entries()).stream().map(ZipEntry::getName).toList());
        }
        try (Stream<Path> left = Files.list(out)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".prezip-staging-")),
                    "staging removed, however deep: " + commit.describe());
        }
    }

    @Test
    void aTreeTwelveHundredLevelsDeepCommitsVerifiesAndLeavesNoStaging() throws Exception {
        Path content = chain(tmp.resolve("content"), SHIPPABLE, 1, SHIPPABLE);
        Path zip = out.resolve("deep.zip");
        CliRun commit = CliRun.stager("--project-id", ID, "--data-dir", data.toString(), "--content-dir", content.toString(),
                "--output-zip", zip.toString(), "--commit");
        assertEquals(0, commit.exitCode(), commit.describe());
        JsonManifest manifest = JsonManifest.of(zip);
        assertEquals(2, manifest.entries());
        assertTrue(manifest.longestPath() > 2 * SHIPPABLE, "the deepest file ships");
        try (Stream<Path> left = Files.list(out)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".prezip-staging-")), "staging removed");
        }
        CliRun verify = CliRun.verifyZip("--zip", zip.toString(), "--content-dir", content.toString(), "--data-dir", data.toString());
        assertEquals(0, verify.exitCode(), verify.describe());
    }

    /** What the test reads of a manifest. */
    record JsonManifest(int entries, int longestPath) {
        static JsonManifest of(Path zip) {
            var root = support.HookTrees.parseJson(TempTrees.readString(ZipManifest.pathFor(zip)));
            int longest = 0;
            for (var entry : root.get("entries")) {
                longest = Math.max(longest, entry.get("relative_path").asText().length());
            }
            return new JsonManifest(root.get("entries").size(), longest);
        }
    }
}
