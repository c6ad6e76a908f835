///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES ../lib/**/*.java
// The content scanner alone, one thread, on text with no findings: bench/run.sh runs it (section "secrets").

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import secrets.SecretRules;
import secrets.SecretScanner;

/** MB/s (per CPU second of the scanning thread) of {@link SecretScanner} fed 64 KiB chunks, best of several rounds after a warm-up over every kind. */
public class scan_speed {
    static final int MIB = 1 << 20;
    static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String... args) {
        SecretRules rules = SecretRules.load(Path.of(args.length > 0 ? args[0] : "data/secret_rules.json"));
        int size = 64 * MIB;
        Random random = new Random(15);
        Map<String, byte[]> texts = new LinkedHashMap<>();
        texts.put("prose", words(random, size, "the quick brown fox jumps over lazy dog render frame plate shot colour grade final client note version scene camera light"));
        StringBuilder csv = new StringBuilder(size);
        while (csv.length() < size) {
            csv.append(random.nextInt(100000)).append(',').append(random.nextDouble()).append(random.nextInt(8) == 0 ? "\n" : ",");
        }
        texts.put("csv", csv.toString().getBytes(StandardCharsets.US_ASCII));
        // Words that start keywords (sk, key, AKIA, sig, password, token): the pre-filter's worst ordinary case.
        texts.put("keyword-dense", words(random, size, "render frame plate key password token secret sk AKIA sig task desk ask monkey private"));
        for (int warm = 0; warm < 2; warm++) {
            texts.values().forEach(text -> scan(rules, text));
        }
        System.out.printf("%-14s %8s%n", "text", "MB/s");
        texts.forEach((name, text) -> {
            double best = 0;
            for (int round = 0; round < 5; round++) {
                best = Math.max(best, scan(rules, text));
            }
            System.out.printf("%-14s %8.0f%n", name, best);
        });
    }

    static byte[] words(Random random, int size, String vocabulary) {
        String[] words = vocabulary.split(" ");
        StringBuilder text = new StringBuilder(size);
        while (text.length() < size) {
            text.append(words[random.nextInt(words.length)]).append(random.nextInt(12) == 0 ? "\n" : " ");
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * MB per second of this thread's CPU time for one pass (on a shared, loaded machine the wall clock also
     * counts other processes' turns); a finding would mean the text is not what this benchmark claims.
     */
    static double scan(SecretRules rules, byte[] text) {
        long start = CPU.getCurrentThreadCpuTime();
        SecretScanner scanner = new SecretScanner(rules, "bench.txt", null);
        for (int i = 0; i < text.length; i += 1 << 16) {
            scanner.feed(text, i, Math.min(1 << 16, text.length - i));
        }
        if (!scanner.finish().isEmpty()) {
            throw new IllegalStateException("the benchmark text holds a finding");
        }
        return text.length / 1e6 / ((CPU.getCurrentThreadCpuTime() - start) / 1e9);
    }
}
