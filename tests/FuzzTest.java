import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.CliRun;
import support.Fuzz;
import support.TempTrees;
import support.VerifyFixtures;
import support.ZipTamper;
import zip.ZipManifest;

/**
 * A few hundred hostile inputs per run, from fixed seeds (bench/fuzz.sh runs the same for minutes with
 * any seed): structurally mutated zips, mutated manifests and mutated data files. None may crash
 * internally, print a stack trace, print without bound, or take long; no mutated zip may verify.
 */
class FuzzTest {
    /** Per case: verify_zip of a small zip takes milliseconds; a case over this is a defect. */
    static final long CASE_MILLIS = 10_000;

    @TempDir
    Path tmp;

    @Test
    void mutatedZipsNeverVerifyAndNeverCrash() throws Exception {
        VerifyFixtures.Built good = VerifyFixtures.stagerZip(tmp.resolve("good"));
        assertEquals(List.of(), mutationsOf("zip", Files.readAllBytes(good.zip()), Files.readAllBytes(good.manifest()), 1601, 300));
    }

    /** {@code count} structural mutations of {@code zip}, each beside the original's manifest: the problems of any that verify or crash. */
    List<String> mutationsOf(String what, byte[] zip, byte[] manifest, long seed, int count) throws Exception {
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path mutated = tmp.resolve(what + i + ".zip");
            Files.write(mutated, Fuzz.mutateZip(zip, random));
            Files.write(ZipManifest.pathFor(mutated), manifest);
            failures.addAll(check(what + " " + i, 1, () -> CliRun.verifyZip("--zip", mutated.toString(), "--json")));
        }
        return failures;
    }

    @Test
    void mutatedZip64ZipsNeverVerifyAndNeverCrash() throws Exception {
        // The stager's zips have zip64 records only past 4 GiB or 65,535 entries: this small one has them
        // anyway (local and central extras, the zip64 end record and locator), so the mutations reach them.
        List<ZipTamper.Entry> entries = List.of(ZipTamper.Entry.v1("a.txt", "zip64 though small\n").with(e -> e.zip64 = true),
                ZipTamper.Entry.v1("b/c.png", "stored").with(e -> e.zip64 = true));
        byte[] zip = ZipTamper.write(entries);
        Path base = ZipTamper.writeBytes(tmp.resolve("base.zip"), zip);
        byte[] manifest = Files.readAllBytes(ZipTamper.writeManifest(base, entries));
        assertEquals(List.of(), mutationsOf("zip64-", zip, manifest, 1604, 100));
    }

    @Test
    void mutatedManifestsAreNamedFailuresNeverCrashes() throws Exception {
        VerifyFixtures.Built good = VerifyFixtures.stagerZip(tmp.resolve("good"));
        String manifest = Files.readString(good.manifest());
        Random random = new Random(1602);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            Files.writeString(good.manifest(), Fuzz.mutateJson(manifest, random));
            // A mutation may leave a manifest that still describes the zip (a vendor string changed): exit 0 then.
            failures.addAll(check("manifest " + i, -1, () -> CliRun.verifyZip("--zip", good.zip().toString(), "--json")));
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void mutatedDataFilesAreConfigurationErrorsNeverCrashes() throws Exception {
        Path data = TempTrees.dataDir(tmp, "p1", List.of("txt", "png"));
        Path content = tmp.resolve("content");
        TempTrees.file(content, "a.txt", "a");
        TempTrees.file(content, "b/c.png", "c");
        Path zip = Files.createDirectories(tmp.resolve("out")).resolve("p1.zip");
        Random random = new Random(1603);
        List<String> failures = new ArrayList<>();
        for (String file : List.of("global_bans.json", "secret_rules.json", "projects/p1_allowed_ext.json")) {
            String original = Files.readString(data.resolve(file));
            for (int i = 0; i < 40; i++) {
                Files.writeString(data.resolve(file), Fuzz.mutateJson(original, random), StandardCharsets.UTF_8);
                failures.addAll(check(file + " " + i, -1, () -> CliRun.stager(TempTrees.args("p1", content, data, zip))));
            }
            Files.writeString(data.resolve(file), original);
        }
        assertEquals(List.of(), failures);
    }

    /** Runs one case: its problems (exit codes other than {@code exitCode}, or 0-2 when -1), crashes, time. */
    static List<String> check(String what, int exitCode, java.util.concurrent.Callable<CliRun> run) throws Exception {
        long start = System.nanoTime();
        CliRun result = run.call();
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<String> problems = exitCode < 0 ? Fuzz.violations(result, 0, 1, 2) : Fuzz.violations(result, exitCode);
        if (millis > CASE_MILLIS) {
            problems.add(millis + " ms");
        }
        List<String> named = new ArrayList<>();
        problems.forEach(p -> named.add(what + ": " + p + "\n" + result.describe().substring(0, Math.min(2_000, result.describe().length()))));
        assertTrue(named.size() < 1_000);
        return named;
    }
}
