///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES ../verify_zip.java ../prezip_stager.java ../tests/support/*.java
//DEPS org.junit.platform:junit-platform-console-standalone:1.11.3
//JAVA_OPTIONS -Xmx256m
// A fuzz campaign outside the tests: bench/fuzz.sh [SEED] [SECONDS_PER_KIND]. The same mutations as
// tests/FuzzTest.java, for as long as asked, in a 256 MiB heap: every case must end in time with a named
// outcome, and no mutated zip may verify.

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import support.CliRun;
import support.Fuzz;
import support.TempTrees;
import support.VerifyFixtures;
import zip.ZipManifest;

public class fuzz_campaign {
    /** A case slower than this is a finding: every one is a small zip or data file. */
    static final long CASE_MILLIS = 10_000;

    public static void main(String... args) throws Exception {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : System.nanoTime();
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 60;
        Path work = Files.createTempDirectory("prezip-fuzz");
        VerifyFixtures.Built good = VerifyFixtures.stagerZip(work.resolve("good"));
        byte[] zip = Files.readAllBytes(good.zip());
        byte[] manifest = Files.readAllBytes(good.manifest());
        Path data = TempTrees.dataDir(work, "p1", List.of("txt", "png"));
        Path content = work.resolve("content");
        TempTrees.file(content, "a.txt", "a");
        TempTrees.file(content, "b/c.png", "c");
        Path out = Files.createDirectories(work.resolve("out"));
        Random random = new Random(seed);
        List<String> findings = new ArrayList<>();
        System.out.printf("seed %d, %d s per kind, heap %d MiB%n", seed, seconds, Runtime.getRuntime().maxMemory() >> 20);

        int zips = run("zips", seconds, findings, i -> {
            Path mutated = work.resolve("m.zip");
            Files.write(mutated, Fuzz.mutateZip(zip, random));
            Files.write(ZipManifest.pathFor(mutated), manifest);
            return check("zip " + i, () -> CliRun.verifyZip("--zip", mutated.toString(), "--json"), 1);
        });
        String manifestText = new String(manifest, java.nio.charset.StandardCharsets.UTF_8);
        int manifests = run("manifests", seconds, findings, i -> {
            Files.writeString(good.manifest(), Fuzz.mutateJson(manifestText, random));
            return check("manifest " + i, () -> CliRun.verifyZip("--zip", good.zip().toString(), "--json"), 0, 1);
        });
        String bans = Files.readString(data.resolve("global_bans.json"));
        int dataFiles = run("data files", seconds, findings, i -> {
            Files.writeString(data.resolve("global_bans.json"), Fuzz.mutateJson(bans, random));
            return check("global_bans " + i, () -> CliRun.stager(TempTrees.args("p1", content, data, out.resolve("p1.zip"))), 0, 1, 2);
        });
        System.out.printf("cases: %d zips, %d manifests, %d data files; findings: %d%n", zips, manifests, dataFiles, findings.size());
        findings.stream().limit(20).forEach(System.out::println);
        io.TreeRemoval.deleteTree(work);
        System.exit(findings.isEmpty() ? 0 : 1);
    }

    interface Case {
        List<String> run(int index) throws Exception;
    }

    static int run(String kind, long seconds, List<String> findings, Case one) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int count = 0;
        while (System.nanoTime() < end) {
            findings.addAll(one.run(count++));
        }
        System.out.printf("%s: %d cases%n", kind, count);
        return count;
    }

    static List<String> check(String what, Callable<CliRun> run, int... exitCodes) throws Exception {
        long start = System.nanoTime();
        CliRun result;
        try {
            result = run.call();
        } catch (OutOfMemoryError | StackOverflowError e) {
            return List.of(what + ": " + e);
        }
        List<String> problems = new ArrayList<>(Fuzz.violations(result, exitCodes));
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > CASE_MILLIS) {
            problems.add(millis + " ms");
        }
        return problems.stream().map(p -> what + ": " + p).toList();
    }
}
