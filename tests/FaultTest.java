import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import commit.Staging;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.CliRun;
import support.SafetyTrees;
import support.TempTrees;
import zip.ChecksumFile;
import zip.ZipManifest;

/**
 * Faults during a commit: a full or read-only output file system, leftovers of a killed run, and the
 * stager itself killed (SIGKILL) or stopped (SIGTERM) mid-commit. The previous delivery must survive,
 * and no partial zip, staging folder or temp file may stay.
 */
class FaultTest {
    static final String ID = "p1";
    static final int BIG_FILES = 300;
    static final int BIG_FILE_BYTES = 200_000;

    /** Shared by the kill tests: 300 x 200 KB of random data takes the child a moment to stage and zip. */
    @TempDir
    static Path shared;
    static Path bigContent;

    @TempDir
    Path tmp;
    Path content;
    Path data;

    @BeforeEach
    void setUp() throws Exception {
        content = Files.createDirectories(tmp.resolve("content"));
        data = TempTrees.dataDir(tmp, ID, List.of("png", "txt"));
    }

    CliRun commit(Path zip, String... extra) {
        String[] all = new String[extra.length + 1];
        all[0] = "--commit";
        System.arraycopy(extra, 0, all, 1, extra.length);
        return CliRun.stager(TempTrees.args(ID, content, data, zip, all));
    }

    static synchronized Path bigTree() {
        if (bigContent == null) {
            Path dir = shared.resolve("big");
            for (int i = 0; i < BIG_FILES; i++) {
                SafetyTrees.randomFile(dir.resolve(String.format("d%02d/f%03d.png", i % 10, i)), 1000 + i, BIG_FILE_BYTES);
            }
            bigContent = dir;
        }
        return bigContent;
    }

    // ---- disk full ----

    @Test
    void aDeliveryTooLargeForTheZipsFileSystemIsRefusedByTheDryRunAndTheCommitBeforeStaging() throws Exception {
        Path mnt = tmp.resolve("small");
        Assumptions.assumeTrue(SafetyTrees.mountTmpfs(mnt, "size=256k"), "needs permission to mount a tmpfs");
        try {
            Path zip = mnt.resolve("p1.zip");
            byte[] old = SafetyTrees.writeOldZip(zip);
            for (int i = 0; i < 10; i++) {   // ~2 MB, incompressible: cannot fit in 256 KB
                SafetyTrees.randomFile(content.resolve("img/f" + i + ".png"), 42 + i, 200_000);
            }
            CliRun dryRun = CliRun.stager(TempTrees.args("p1", content, data, zip));
            assertEquals(3, dryRun.exitCode(), "the dry-run fails where the commit would: " + dryRun.describe());
            assertTrue(dryRun.err().contains("PZ_DISK_FULL") && dryRun.err().contains("needs up to ")
                    && dryRun.err().contains(" on " + mnt + " ") && dryRun.err().contains(" free: "), "with the numbers: " + dryRun.err());
            CliRun run = commit(zip);
            assertEquals(3, run.exitCode(), run.describe());
            assertTrue(run.err().contains("PZ_DISK_FULL") && run.err().contains("needs up to "), "refused before staging: " + run.err());
            assertArrayEquals(old, Files.readAllBytes(zip), "the previous delivery is untouched");
            assertEquals(List.of(), SafetyTrees.leftovers(mnt), "no staging folder or temp file");
            assertEquals(SafetyTrees.reportsAnd("p1.zip", "p1.zip"), SafetyTrees.list(mnt));
            JsonNode report = SafetyTrees.report(zip);
            assertEquals("failed", report.get("status").asText());
            assertEquals("PZ_DISK_FULL", report.get("error").get("code").asText());
        } finally {
            SafetyTrees.umount(mnt);
        }
    }

    @Test
    void diskFullWhileWritingTheZipExitsThreeAndKeepsThePreviousZip() throws Exception {
        Path mnt = tmp.resolve("small");
        Assumptions.assumeTrue(SafetyTrees.mountTmpfs(mnt, "size=256k"), "needs permission to mount a tmpfs");
        try {
            Path zip = mnt.resolve("p1.zip");
            byte[] old = SafetyTrees.writeOldZip(zip);
            // ~140 KB: staging fits in 256 KB, staging plus the zip beside it does not.
            SafetyTrees.randomFile(content.resolve("a.png"), 1, 70_000);
            SafetyTrees.randomFile(content.resolve("b.png"), 2, 70_000);
            CliRun run = commit(zip);
            assertEquals(3, run.exitCode(), run.describe());
            assertTrue(run.err().contains("PZ_DISK_FULL"), run.err());
            assertArrayEquals(old, Files.readAllBytes(zip));
            assertEquals(List.of(), SafetyTrees.leftovers(mnt));
            assertEquals(SafetyTrees.reportsAnd("p1.zip", "p1.zip"), SafetyTrees.list(mnt));
            assertEquals("PZ_DISK_FULL", SafetyTrees.report(zip).get("error").get("code").asText());

            // Proof that the tree itself is fine: the same commit on a roomy disk works.
            Path roomy = Files.createDirectories(tmp.resolve("roomy")).resolve("p1.zip");
            assertEquals(0, commit(roomy).exitCode());
            assertEquals(List.of("a.png", "b.png"), SafetyTrees.zipEntries(roomy));
        } finally {
            SafetyTrees.umount(mnt);
        }
    }

    // ---- read-only output folder ----

    @Test
    void readOnlyOutputFolderFailsClearlyAndLeavesNothing() throws Exception {
        Path mnt = tmp.resolve("ro");
        Assumptions.assumeTrue(SafetyTrees.mountTmpfs(mnt, "size=1m"), "needs permission to mount a tmpfs");
        try {
            Path zip = mnt.resolve("p1.zip");
            byte[] old = SafetyTrees.writeOldZip(zip);
            Assumptions.assumeTrue(SafetyTrees.remountReadOnly(mnt), "needs permission to remount read-only");
            TempTrees.file(content, "a.txt", "a");
            CliRun run = commit(zip);
            assertTrue(run.exitCode() == 3 || run.exitCode() == 2, run.describe());
            assertTrue(run.err().contains("PZ_IO") || run.err().contains("PZ_DISK_FULL") || run.err().contains("PZ_OUTPUT"),
                    "a stable code: " + run.err());
            assertTrue(run.err().toLowerCase(java.util.Locale.ROOT).contains("read-only"), "says why: " + run.err());
            assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
            assertArrayEquals(old, Files.readAllBytes(zip));
            assertEquals(List.of("p1.zip"), SafetyTrees.list(mnt));
        } finally {
            SafetyTrees.umount(mnt);
        }
    }

    // ---- leftovers of a killed run ----

    static final String UUID_1 = "0b3f5a52-9d1e-4c6a-8f2b-1a2b3c4d5e6f";
    static final String UUID_2 = "8c1e7b0a-2f3d-4e5a-9b6c-7d8e9f0a1b2c";

    @Test
    void leftoversOfAKilledRunAreRemovedByTheNextCommit() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path zip = out.resolve("p1.zip");
        // Named as a run of this toolkit names them (a random UUID each).
        TempTrees.file(out, ".prezip-staging-p1.zip-" + UUID_1 + "/junk.txt", "stale staging");
        TempTrees.file(out, ".prezip-staging-p1.zip-" + UUID_1 + "/sub/more.png", "stale staging");
        TempTrees.file(out, ".p1.zip." + UUID_1 + ".tmp", "half a zip");
        TempTrees.file(out, ".p1.zip.manifest.json." + UUID_2 + ".tmp", "half a manifest");
        TempTrees.file(out, ".p1.zip.report.json." + UUID_2 + ".tmp", "half a report");
        // A kill while the HTML page was written left this one, and no sweep removed it (issue 16).
        TempTrees.file(out, ".p1.zip.report.html." + UUID_2 + ".tmp", "half a page");
        // Another zip's files in the same folder are not this run's to remove.
        TempTrees.file(out, ".prezip-staging-other.zip-" + UUID_1 + "/keep.txt", "not ours");
        TempTrees.file(out, ".other.zip." + UUID_1 + ".tmp", "not ours");
        TempTrees.file(content, "a.txt", "a");
        CliRun run = commit(zip);
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(SafetyTrees.delivered("p1.zip", ".other.zip." + UUID_1 + ".tmp", ".prezip-staging-other.zip-" + UUID_1),
                SafetyTrees.list(out));
        assertEquals(List.of("a.txt"), SafetyTrees.zipEntries(zip));
    }

    /**
     * Leftovers named as in a hand-made test (not a UUID): the next commit must succeed and ship nothing
     * of them; it may remove them or leave them alone ("cleaned up or ignored safely").
     */
    @Test
    void oddlyNamedLeftoversAreRemovedOrIgnoredSafely() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path zip = out.resolve("p1.zip");
        TempTrees.file(out, ".prezip-staging-p1.zip-deadbeef/junk.txt", "stale staging");
        TempTrees.file(out, ".p1.zip.123.tmp", "half a zip");
        TempTrees.file(content, "a.txt", "a");
        CliRun run = commit(zip);
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(List.of("a.txt"), SafetyTrees.zipEntries(zip));
        Path staleFile = out.resolve(".prezip-staging-p1.zip-deadbeef/junk.txt");
        if (TempTrees.exists(staleFile)) {
            assertEquals("stale staging", Files.readString(staleFile));
        }
        Path staleTemp = out.resolve(".p1.zip.123.tmp");
        if (TempTrees.exists(staleTemp)) {
            assertEquals("half a zip", Files.readString(staleTemp));
        }
        for (String name : SafetyTrees.list(out)) {
            assertTrue(name.startsWith(".prezip-staging-p1.zip-deadbeef") || name.equals(".p1.zip.123.tmp")
                    || SafetyTrees.delivered("p1.zip").contains(name), "unexpected " + name);
        }
    }

    @Test
    void staleLeftoversDoNotShipOrBreakTheInvariants() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path zip = out.resolve("p1.zip");
        TempTrees.file(out, ".prezip-staging-p1.zip-" + UUID_1 + "/injected.txt", "stale");
        TempTrees.file(content, "a.txt", "a");
        assertEquals(0, commit(zip).exitCode());
        assertEquals(List.of("a.txt"), SafetyTrees.zipEntries(zip));
        assertEquals(List.of(), SafetyTrees.leftovers(out));
    }

    // ---- a rename that fails when the new zip is complete ----

    /** Commits a first delivery and returns its zip, manifest and checksum bytes. */
    byte[][] firstDelivery(Path zip) throws Exception {
        TempTrees.file(content, "a.txt", "first");
        CliRun first = commit(zip);
        assertEquals(0, first.exitCode(), first.describe());
        TempTrees.file(content, "b.txt", "second");
        return new byte[][] {Files.readAllBytes(zip), Files.readAllBytes(ZipManifest.pathFor(zip)),
                Files.readAllBytes(ChecksumFile.pathFor(zip))};
    }

    /**
     * The manifest (or checksum) path is taken by a folder: the commit fails with exit 3 and the output
     * path still holds the previous zip, not a new zip that no manifest describes.
     */
    @Test
    void aSidecarPathTakenByAFolderFailsTheCommitAndKeepsThePreviousZip() throws Exception {
        for (String sidecar : List.of("p1.zip.manifest.json", "p1.zip.sha256", "p1.zip.contents.sha256")) {
            Path out = Files.createDirectories(tmp.resolve("out-" + sidecar));
            Path zip = out.resolve("p1.zip");
            byte[][] old = firstDelivery(zip);
            Files.delete(out.resolve(sidecar));
            TempTrees.file(out, sidecar + "/blocker", "x");
            CliRun run = commit(zip);
            assertEquals(3, run.exitCode(), run.describe());
            assertTrue(run.err().contains("PZ_IO"), run.err());
            assertArrayEquals(old[0], Files.readAllBytes(zip), "a failed commit must not replace the previous zip");
            if (sidecar.endsWith(".sha256")) {
                assertArrayEquals(old[1], Files.readAllBytes(ZipManifest.pathFor(zip)), "nor its manifest");
            }
            assertEquals(List.of(), SafetyTrees.leftovers(out));
            Files.delete(out.resolve(sidecar + "/blocker"));
            Files.delete(out.resolve(sidecar));
        }
    }

    /** Sets or clears the immutable attribute (a rename onto the file then fails with EPERM, even for root). */
    static boolean chattr(String flag, Path file) {
        return SafetyTrees.run("chattr", flag, file.toString()) == 0;
    }

    /**
     * One file of the previous delivery cannot be replaced (immutable): the rename fails for a reason no
     * check can foresee. The failed commit must leave the previous delivery as it was: zip, manifest and
     * checksum still describing each other.
     */
    void assertDeliveryIntactWhenRenamingFails(String stuck) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path zip = out.resolve("p1.zip");
        byte[][] old = firstDelivery(zip);
        Path stuckFile = out.resolve(stuck);
        Assumptions.assumeTrue(chattr("+i", stuckFile), "needs chattr +i (root, a file system with attributes)");
        try {
            CliRun run = commit(zip);
            assertEquals(3, run.exitCode(), run.describe());
            assertTrue(run.err().contains("PZ_IO"), run.err());
            assertArrayEquals(old[0], Files.readAllBytes(zip), "previous zip");
            assertArrayEquals(old[1], Files.readAllBytes(ZipManifest.pathFor(zip)), "previous manifest, describing the previous zip");
            assertArrayEquals(old[2], Files.readAllBytes(ChecksumFile.pathFor(zip)), "previous checksum, of the previous zip");
            assertEquals(List.of(), SafetyTrees.leftovers(out));
        } finally {
            chattr("-i", stuckFile);
        }
    }

    @Test
    void aZipThatCannotBeReplacedLeavesTheWholePreviousDelivery() throws Exception {
        assertDeliveryIntactWhenRenamingFails("p1.zip");
    }

    @Test
    void aChecksumThatCannotBeReplacedLeavesTheWholePreviousDelivery() throws Exception {
        assertDeliveryIntactWhenRenamingFails("p1.zip.sha256");
    }

    @Test
    void aContentsFileThatCannotBeReplacedLeavesTheWholePreviousDelivery() throws Exception {
        assertDeliveryIntactWhenRenamingFails("p1.zip.contents.sha256");
    }

    @Test
    void aManifestThatCannotBeReplacedLeavesTheWholePreviousDelivery() throws Exception {
        assertDeliveryIntactWhenRenamingFails("p1.zip.manifest.json");
    }

    // ---- killed mid-commit ----

    static final Pattern ZIP_TEMP = Pattern.compile("\\.p1\\.zip\\.[0-9a-f-]{36}\\.tmp");

    /** The commit has created its staging folder. */
    static Predicate<Path> stagingStarted() {
        return out -> SafetyTrees.list(out).stream().anyMatch(n -> n.startsWith(Staging.PREFIX + "p1.zip-"));
    }

    /** The commit is deep into staging: at least {@code files} files copied. */
    static Predicate<Path> staged(int files) {
        return out -> SafetyTrees.list(out).stream().filter(n -> n.startsWith(Staging.PREFIX + "p1.zip-"))
                .anyMatch(n -> SafetyTrees.describeTree(out.resolve(n)).size() >= files);
    }

    /** The commit is well into writing the temp zip beside the output (8 MB of it written). */
    static Predicate<Path> zipping() {
        return out -> SafetyTrees.list(out).stream().filter(n -> ZIP_TEMP.matcher(n).matches())
                .anyMatch(n -> sizeOf(out.resolve(n)) >= 8L << 20);
    }

    static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;   // renamed or removed meanwhile
        }
    }

    /** What the output folder held once the child was stopped. */
    record Killed(Path out, Path zip, byte[] old, String log) {}

    /**
     * Runs the real stager in a child JVM on the big tree, onto an output folder holding a previous zip;
     * once {@code phase} is seen, sends SIGKILL ({@code force}) or SIGTERM and waits for the child to end.
     */
    Killed killMidCommit(String round, Predicate<Path> phase, boolean force) throws Exception {
        Path big = bigTree();
        Path out = Files.createDirectories(tmp.resolve("out-" + round));
        Path zip = out.resolve("p1.zip");
        byte[] old = SafetyTrees.writeOldZip(zip);
        Path log = tmp.resolve("child-" + round + ".log");
        Process child = SafetyTrees.startStager(log, TempTrees.args(ID, big, data, zip, "--commit"));
        try {
            boolean caught = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && child.isAlive()) {
                if (phase.test(out)) {
                    caught = true;
                    break;
                }
                Thread.sleep(1);
            }
            assertTrue(caught && child.isAlive(), "the child must be caught mid-commit; log:\n" + TempTrees.readString(log)
                    + "\nout: " + SafetyTrees.list(out));
            if (force) {
                child.destroyForcibly();
            } else {
                child.destroy();
            }
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child must stop");
        } finally {
            child.destroyForcibly();
        }
        int exit = child.exitValue();
        String logText = TempTrees.readString(log);
        Assumptions.assumeTrue(exit != 0, "the child finished before the signal arrived (inconclusive)");
        assertEquals(force ? 137 : 143, exit, "ended by the signal; log:\n" + logText);
        return new Killed(out, zip, old, logText);
    }

    /** The output path holds the previous zip, byte for byte: never a partial or a new one. */
    static void assertPreviousZipIntact(Killed k) throws Exception {
        assertTrue(TempTrees.exists(k.zip()), "the previous zip is still there; out: " + SafetyTrees.list(k.out()));
        assertArrayEquals(k.old(), Files.readAllBytes(k.zip()), "never a partial file at the output path");
        assertEquals(List.of("old/previous-delivery.txt"), SafetyTrees.zipEntries(k.zip()));
        assertFalse(TempTrees.exists(ZipManifest.pathFor(k.zip())), "no manifest for a zip that was not written");
    }

    static void assertNoLeftovers(Killed k) {
        assertEquals(List.of(), SafetyTrees.leftovers(k.out()), "the shutdown hook removes staging and temp files; left: "
                + SafetyTrees.describeTree(k.out()).keySet().stream().limit(8).toList());
    }

    /** After a SIGKILL the next commit takes the lock, sweeps the leftovers and delivers. */
    void assertNextCommitCleansUp(Killed k) throws Exception {
        TempTrees.file(content, "after.txt", "next run");
        CliRun run = commit(k.zip());
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(List.of("after.txt"), SafetyTrees.zipEntries(k.zip()));
        assertEquals(List.of(), SafetyTrees.leftovers(k.out()));
        assertEquals(SafetyTrees.delivered("p1.zip"), SafetyTrees.list(k.out()));
    }

    @Test
    void sigkillWhileStagingLeavesThePreviousZipAndTheNextRunCleansUp() throws Exception {
        Killed k = killMidCommit("kill-staging", staged(40), true);
        assertPreviousZipIntact(k);
        assertFalse(SafetyTrees.leftovers(k.out()).isEmpty(), "SIGKILL cannot be caught: staging stays until the next run");
        assertNextCommitCleansUp(k);
    }

    @Test
    void sigkillWhileZippingLeavesThePreviousZipAndTheNextRunCleansUp() throws Exception {
        Killed k = killMidCommit("kill-zipping", zipping(), true);
        assertPreviousZipIntact(k);
        assertNextCommitCleansUp(k);
    }

    @Test
    void sigtermWhileStagingKeepsThePreviousZip() throws Exception {
        Killed k = killMidCommit("term-staging", stagingStarted(), false);
        assertPreviousZipIntact(k);
        // What is left behind is the disabled test below; the next run sweeps it in any case.
        assertNextCommitCleansUp(k);
    }

    @Test
    void sigtermWhileStagingRemovesStaging() throws Exception {
        // Racy by nature: a few rounds, each stopped deep in staging, make a leftover near certain when the bug is there.
        for (int round = 0; round < 4; round++) {
            Killed k = killMidCommit("term-staging-" + round, staged(60 + 20 * round), false);
            assertPreviousZipIntact(k);
            assertNoLeftovers(k);
        }
    }

    @Test
    void sigtermWhileZippingCleansUpLikeAFailure() throws Exception {
        Killed k = killMidCommit("term-zipping", zipping(), false);
        assertPreviousZipIntact(k);
        assertNoLeftovers(k);
    }

    @Test
    void sigtermWhileALargeFileDeflatesStopsAtOnceAndCleansUp() throws Exception {
        // Deflating a large file was one guarded step: the stop signal's cleanup waited 10 s for it (issue 18).
        Path plate = Files.createDirectories(tmp.resolve("plate"));
        // 256 MiB of text that deflates slowly (letters at random): seconds of deflating after the signal.
        byte[] chunk = new byte[64 << 20];
        java.util.Random random = new java.util.Random(18);
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) ('a' + random.nextInt(20));
        }
        try (var file = Files.newOutputStream(plate.resolve("plate.txt"))) {
            for (int i = 0; i < 4; i++) {
                file.write(chunk);
            }
        }
        Path out = Files.createDirectories(tmp.resolve("out-plate"));
        Path zip = out.resolve("p1.zip");
        byte[] old = SafetyTrees.writeOldZip(zip);
        Path log = tmp.resolve("child-plate.log");
        Process child = SafetyTrees.startStager(log, TempTrees.args(ID, plate, data, zip, "--commit"));
        try {
            Predicate<Path> deflating = o -> SafetyTrees.list(o).stream().filter(n -> n.startsWith(Staging.PREFIX + "p1.zip-"))
                    .anyMatch(n -> sizeOf(o.resolve(n).resolve("plate.txt")) >= 16L << 20);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && child.isAlive() && !deflating.test(out)) {
                Thread.sleep(1);
            }
            Assumptions.assumeTrue(child.isAlive(), "the child finished before the signal (inconclusive)");
            long signalled = System.nanoTime();
            child.destroy();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child must stop");
            long millis = (System.nanoTime() - signalled) / 1_000_000;
            assertEquals(143, child.exitValue(), TempTrees.readString(log));
            assertTrue(millis < 3_000, "stopped " + millis + " ms after SIGTERM, mid-file; log:\n" + TempTrees.readString(log));
        } finally {
            child.destroyForcibly();
        }
        Killed k = new Killed(out, zip, old, TempTrees.readString(log));
        assertPreviousZipIntact(k);
        assertNoLeftovers(k);
    }

    @Test
    void theBigTreeCommitsWhenLeftAlone() throws Exception {
        // Control for the kill tests: the same child command, not interrupted, succeeds.
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path zip = out.resolve("p1.zip");
        Path log = tmp.resolve("child.log");
        Process child = SafetyTrees.startStager(log, TempTrees.args(ID, bigTree(), data, zip, "--commit"));
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), TempTrees.readString(log));
        assertEquals(BIG_FILES, SafetyTrees.zipEntries(zip).size());
        assertEquals(List.of(), SafetyTrees.leftovers(out));
        assertNotEquals(0, Files.size(zip));
    }
}
