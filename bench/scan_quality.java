///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES ../lib/**/*.java
//SOURCES ../tests/support/SecretCorpus.java
// The content scan's quality: bench/run.sh runs it (section "scan-quality"). Not part of the tests.

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import secrets.ContentScan;
import secrets.SecretApprovals;
import secrets.SecretFinding;
import secrets.SecretRules;
import secrets.SecretScanner;
import support.SecretCorpus;
import zip.ZipPolicyV1;

/**
 * Three figures of the content scan, on one thread:
 * <pre>
 *   scan_quality.java corpus DIR [RULES] [--show]   findings per rule and per GB on real text (each one listed), MB/s
 *   scan_quality.java plant DIR [PER_KIND]           writes the planted set: synthetic credentials of every kind, DIR/KIND/N.EXT
 *   scan_quality.java recall DIR [RULES]             per kind, the share of planted files with a finding
 * </pre>
 * On the real corpus every finding is, barring a real leak in public text, a false positive; --show prints
 * the line of each (the corpus is public text; this is a developer's tool, never part of a delivery).
 */
public class scan_quality {
    /** Lines of context printed per finding with --show, at most this many characters. */
    static final int SHOWN_CHARS = 160;
    /** The scan is timed in this thread's CPU time: on a shared machine the wall clock counts others' turns too. */
    static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String... args) throws IOException {
        String mode = args[0];
        Path dir = Path.of(args[1]);
        switch (mode) {
            case "corpus" -> corpus(dir, rules(args, 2), List.of(args).contains("--show"));
            case "plant" -> plant(dir, args.length > 2 ? Integer.parseInt(args[2]) : 50);
            case "recall" -> recall(dir, rules(args, 2));
            default -> throw new IllegalArgumentException("mode: corpus, plant or recall");
        }
    }

    static SecretRules rules(String[] args, int at) {
        return SecretRules.load(Path.of(args.length > at && !args[at].startsWith("--") ? args[at] : "data/secret_rules.json"));
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
    }

    /** What one scan of a set of files found, and what it cost. */
    record Scanned(List<SecretFinding> findings, long bytes, long nanos, int files) {}

    static Scanned scan(Path dir, SecretRules rules) throws IOException {
        ContentScan scan = new ContentScan(rules, SecretApprovals.none(), ZipPolicyV1::isStored);
        List<SecretFinding> all = new ArrayList<>();
        long bytes = 0;
        long nanos = 0;
        List<Path> files = files(dir);
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            String name = dir.relativize(file).toString().replace('\\', '/');
            long start = CPU.getCurrentThreadCpuTime();
            SecretScanner scanner = scan.scannerFor(name, content.length);
            if (scanner != null) {
                for (int i = 0; i < content.length; i += 1 << 16) {
                    scanner.feed(content, i, Math.min(1 << 16, content.length - i));
                }
            }
            all.addAll(scan.findings(scanner, name, content.length, () -> new java.io.ByteArrayInputStream(content)));
            nanos += CPU.getCurrentThreadCpuTime() - start;
            bytes += content.length;
        }
        return new Scanned(all, bytes, nanos, files.size());
    }

    static void corpus(Path dir, SecretRules rules, boolean show) throws IOException {
        scan(dir, rules); // warm-up: the JIT compiles the hot loop before the pass that counts
        Scanned s = scan(dir, rules);
        double gb = s.bytes() / 1e9;
        Map<String, Integer> byRule = new TreeMap<>();
        s.findings().forEach(f -> byRule.merge(f.rule(), 1, Integer::sum));
        System.out.printf("corpus %s: %,d files, %.3f GB, %d findings, %.1f per GB, %.0f MB/s (per CPU second of the scanning thread)%n",
                dir, s.files(), gb, s.findings().size(), s.findings().size() / gb, s.bytes() / 1e6 / (s.nanos() / 1e9));
        byRule.forEach((rule, n) -> System.out.printf("  %-34s %5d%n", rule, n));
        for (SecretFinding f : s.findings()) {
            System.out.println("  finding " + f.location() + " " + f.rule() + (show ? "  | " + line(dir.resolve(f.path()), f) : ""));
        }
    }

    /** The finding's line, cut around its column: for the developer judging whether it is a false positive. */
    static String line(Path file, SecretFinding f) {
        if (f.entry() != null) {
            return "(inside " + f.entry() + ")";
        }
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            String[] lines = text.split("\n", -1);
            String line = f.line() <= lines.length ? lines[(int) f.line() - 1] : "";
            int from = (int) Math.max(0, Math.min(line.length(), f.column() - 1 - 40));
            return line.substring(from, Math.min(line.length(), from + SHOWN_CHARS)).replaceAll("[\\p{Cntrl}]", "?");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void plant(Path dir, int perKind) throws IOException {
        String[] types = {"txt", "yaml", "json", "md", "env.txt", "ini", "xml", "csv"};
        int files = 0;
        for (int n = 0; n < perKind; n++) {
            SecretCorpus corpus = new SecretCorpus(1000 + n);
            for (Map.Entry<String, byte[]> planted : corpus.plantedFiles(types[n % types.length]).entrySet()) {
                Path file = dir.resolve(planted.getKey().replace("/", "/" + n + "-"));
                Files.createDirectories(file.getParent());
                Files.write(file, planted.getValue());
                files++;
            }
        }
        System.out.printf("planted %,d files in %s%n", files, dir);
    }

    static void recall(Path dir, SecretRules rules) throws IOException {
        Scanned s = scan(dir, rules);
        Map<String, int[]> byKind = new TreeMap<>();
        for (Path file : files(dir)) {
            byKind.computeIfAbsent(dir.relativize(file).getName(0).toString(), k -> new int[2])[1]++;
        }
        s.findings().stream().map(SecretFinding::path).distinct()
                .forEach(path -> byKind.get(path.substring(0, path.indexOf('/')))[0]++);
        int caught = 0;
        int total = 0;
        System.out.printf("planted set %s: recall per kind (files with a finding / files)%n", dir);
        for (Map.Entry<String, int[]> kind : byKind.entrySet()) {
            int[] c = kind.getValue();
            caught += c[0];
            total += c[1];
            System.out.printf("  %-34s %4d / %4d  %5.1f %%%n", kind.getKey(), c[0], c[1], 100.0 * c[0] / c[1]);
        }
        System.out.printf("  %-34s %4d / %4d  %5.1f %%%n", "all kinds", caught, total, 100.0 * caught / total);
    }
}
