import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.SafetyTrees;
import support.TempTrees;

/**
 * A commit in a real terminal 60 columns wide (a tmux pane), as an operator sees it: the status line
 * never wraps and never piles up in the scrollback, names its phases, and is gone before the summary,
 * which names every file written; Ctrl-C says that nothing shipped. Skipped where tmux is missing.
 */
class TerminalTest {
    static final int COLUMNS = 60;
    /** Enough content for a commit of a few seconds: the line is drawn after 0.3 s, redrawn twice a second. */
    static final int FILES = 1_200;
    static final int FILE_BYTES = 96 * 1024;

    @TempDir
    Path tmp;
    Path content;
    Path data;
    Path zip;
    String socket;

    @BeforeEach
    void tree() throws Exception {
        assumeTrue(run("tmux", "-V") == 0, "tmux is not installed");
        content = tmp.resolve("content");
        Random random = new Random(17);
        byte[] bytes = new byte[FILE_BYTES];
        for (int i = 0; i < FILES; i++) {
            // Text-like content deflates (so the zip step has work), random enough to take a while.
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = (byte) ('a' + random.nextInt(20));
            }
            Files.write(Files.createDirectories(content.resolve("plates/" + i % 12)).resolve("f" + i + ".txt"), bytes);
        }
        data = TempTrees.dataDir(tmp, "p1", List.of("txt"));
        zip = Files.createDirectories(tmp.resolve("out")).resolve("p1.zip");
        socket = "prezip-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }

    @AfterEach
    void killServer() throws Exception {
        if (socket != null) {
            run("tmux", "-L", socket, "kill-server");
        }
    }

    static int run(String... command) throws IOException, InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException notInstalled) {
            return -1;
        }
    }

    /** Starts a commit in a fresh 60-column pane, as the ./jbang wrapper would (it tells the JVM it is on a terminal). */
    void startCommit() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", List.of(java, "-cp", quote(System.getProperty("java.class.path")), "prezip_stager",
                String.join(" ", TempTrees.args("p1", content, data, zip, "--commit", "--threads", "2")))) + "; echo EXIT=$?; sleep 60";
        assertEquals(0, run("tmux", "-L", socket, "new-session", "-d", "-x", String.valueOf(COLUMNS), "-y", "30",
                "-e", "JBANG_STDERR_NOTTY=false", "-e", "JBANG_STDOUT_NOTTY=false", "-e", "LC_ALL=C.UTF-8", "-e", "NO_COLOR=1",
                "bash", "-c", command));
    }

    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The pane's whole history, wrapped lines as the terminal shows them (not joined). */
    String pane() throws Exception {
        Process p = new ProcessBuilder("tmux", "-L", socket, "capture-pane", "-p", "-S", "-").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return text;
    }

    /** Polls the pane's last non-empty line until {@code done} holds; returns every distinct status line seen. */
    List<String> watchUntil(java.util.function.Predicate<String> done) throws Exception {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String screen = pane();
            List<String> lines = screen.lines().filter(l -> !l.isBlank()).toList();
            String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(last)) {
                seen.add(last);
            }
            if (done.test(screen)) {
                return seen;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("the commit did not finish in the pane:\n" + pane());
    }

    @Test
    void aCommitInANarrowTerminalKeepsItsStatusOnOneLineAndEndsWithTheFilesWritten() throws Exception {
        startCommit();
        List<String> seen = watchUntil(screen -> screen.contains("EXIT="));
        String screen = pane();
        assertTrue(screen.contains("EXIT=0"), screen);
        Set<String> phases = new TreeSet<>();
        for (String line : seen) {
            for (String phase : List.of("scan", "secrets", "folders", "stage+zip", "sync to disk", "check staging", "deliver", "remove staging")) {
                if (line.startsWith(phase + " ") || line.startsWith(phase + "  ")) {
                    phases.add(phase);
                    assertTrue(line.length() < COLUMNS, "a status line fits the pane: " + line);
                }
            }
        }
        assertTrue(phases.contains("stage+zip"), "the status line named its phase: " + seen);
        // An ETA needs a second of work to go by; a phase seen three times (1 s at least, at two draws a second) had one.
        if (seen.stream().filter(l -> l.startsWith("stage+zip")).count() >= 3) {
            assertTrue(seen.stream().anyMatch(l -> l.startsWith("stage+zip") && l.contains("ETA ")), "an ETA was shown: " + seen);
        }
        // Redrawn in place and cleared at the end: no status line is left in the scrollback, wrapped or not.
        List<String> history = screen.lines().toList();
        assertTrue(history.stream().noneMatch(l -> l.startsWith("stage+zip") || l.contains("/1,200 files")), screen);
        assertTrue(history.size() < 60, "a short summary, not hundreds of progress lines: " + history.size() + "\n" + screen);
        for (String name : List.of("p1.zip.manifest.json", "p1.zip.sha256", "p1.zip.report.json", "p1.zip.report.html")) {
            assertTrue(screen.contains(name), name + " named in:\n" + screen);
        }
        assertFalse(screen.contains("\"projectId\""), "the dashboard's JSON line stays off the terminal:\n" + screen);
    }

    @Test
    void ctrlCSaysNothingShippedAndLeavesTheOldDeliveryAsItWas() throws Exception {
        TempTrees.file(tmp.resolve("prior"), "old.txt", "the delivery before");
        assertEquals(0, support.CliRun.stager(TempTrees.args("p1", tmp.resolve("prior"), data, zip, "--commit")).exitCode());
        byte[] oldZip = Files.readAllBytes(zip);
        List<String> before = SafetyTrees.list(zip.getParent());
        startCommit();
        watchUntil(screen -> screen.lines().anyMatch(l -> l.startsWith("stage+zip")) || screen.contains("EXIT="));
        org.junit.jupiter.api.Assumptions.assumeFalse(pane().contains("EXIT="), "the commit ended before Ctrl-C (inconclusive)");
        assertEquals(0, run("tmux", "-L", socket, "send-keys", "C-c"));
        watchUntil(screen -> screen.contains("EXIT="));
        String screen = pane();
        assertTrue(screen.contains("interrupted: nothing was shipped; " + zip.toString().substring(0, 20)), screen);
        assertTrue(screen.contains("EXIT=130"), screen);
        assertArrayEquals(oldZip, Files.readAllBytes(zip));
        assertEquals(before, SafetyTrees.list(zip.getParent()), "no lock, temp file or staging left beside the zip");
    }
}
