import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import support.CliRun;
import support.HookTrees;
import support.SafetyTrees;
import support.TempTrees;

/**
 * A commit killed (SIGKILL) at every rename boundary: strace holds the child JVM at its K-th rename, the
 * test kills it there, and then the files at ZIP* are the old delivery, or verify_zip names the
 * interrupted delivery; the next commit finishes it, and the zip verifies.
 */
@EnabledIf("KillBetweenRenamesTest#straceAvailable")
class KillBetweenRenamesTest {
    static final String ID = "p1";
    /** Renames of a commit: journal, manifest, checksums, zip, then report, page and project manifest. */
    static final int MOST_RENAMES = 13;

    @TempDir
    Path tmp;

    static boolean straceAvailable() {
        return HookTrees.onPath("strace") && TempTrees.canMakeFifo();
    }

    @Test
    void killedAtEveryRenameTheNextCommitLeavesAVerifiedDelivery() throws Exception {
        Path data = TempTrees.dataDir(tmp, ID, List.of("txt"));
        List<String> outcomes = new ArrayList<>();
        for (int k = 1; k <= MOST_RENAMES; k++) {
            Path content = tmp.resolve("content" + k);
            Path out = Files.createDirectories(tmp.resolve("out" + k));
            Path zip = out.resolve("p1.zip");
            TempTrees.file(content, "a.txt", "first delivery");
            assertEquals(0, CliRun.stager(TempTrees.args(ID, content, data, zip, "--commit")).exitCode());
            TempTrees.file(content, "a.txt", "second delivery, longer than the first");
            TempTrees.file(content, "b.txt", "a new file");

            boolean killed = killAtRename(k, TempTrees.args(ID, content, data, zip, "--commit"), tmp.resolve("strace" + k + ".log"));
            if (!killed) {
                outcomes.add(k + ": the commit ended before a " + k + "th rename");
                break;
            }
            Set<String> failed = failedChecks(CliRun.verifyZip("--zip", zip.toString(), "--data-dir", data.toString(), "--json"));
            // Either one whole delivery, or mixed files with the interruption named (the mismatches are its consequence).
            assertTrue(failed.isEmpty() || failed.contains("VZ_INTERRUPTED_DELIVERY"),
                    "killed at rename " + k + ": the files at ZIP* are one delivery, or the interruption is named: " + failed);
            outcomes.add(k + ": " + (failed.isEmpty() ? "consistent" : "interrupted, named"));

            CliRun again = CliRun.stager(TempTrees.args(ID, content, data, zip, "--commit"));
            assertEquals(0, again.exitCode(), again.describe());
            CliRun verify = CliRun.verifyZip("--zip", zip.toString(), "--content-dir", content.toString(), "--data-dir", data.toString());
            assertEquals(0, verify.exitCode(), "after the kill at rename " + k + ": " + verify.describe());
            assertEquals(SafetyTrees.delivered("p1.zip"), SafetyTrees.list(out), "nothing left beside the zip");
        }
        assertTrue(outcomes.size() > 4 && outcomes.get(outcomes.size() - 1).contains("ended"), String.join("\n", outcomes));
    }

    /** Runs the stager in a child JVM under strace, held before its k-th rename, and kills it there. */
    static boolean killAtRename(int k, String[] args, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of("strace", "-f", "-o", log.toString(), "-e", "trace=rename",
                "-e", "inject=rename:delay_enter=60000000:when=" + k,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "prezip_stager"));
        command.addAll(List.of(args));
        Process strace = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.resolveSibling(log.getFileName() + ".out").toFile()).start();
        try {
            for (int waited = 0; waited < 600; waited++) {
                if (Files.exists(log) && count(Files.readString(log), "rename(") >= k) {
                    killAll(strace);
                    return true;
                }
                if (strace.waitFor(100, TimeUnit.MILLISECONDS)) {
                    return false;
                }
            }
            throw new AssertionError("the child neither renamed " + k + " times nor ended");
        } finally {
            killAll(strace);
        }
    }

    /** SIGKILL to the child JVM (and strace), and wait until they are gone: the OS has then dropped the lock. */
    static void killAll(Process strace) throws Exception {
        List<ProcessHandle> all = new ArrayList<>(strace.descendants().toList());
        all.add(strace.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }

    static Set<String> failedChecks(CliRun run) {
        Set<String> codes = new TreeSet<>();
        run.json().get("failures").forEach(f -> codes.add(f.get("code").asText()));
        return codes;
    }
}
