///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES ../lib/deflate/*.java ../tests/support/DeflateInputs.java ../tests/support/DeflateDifferential.java
//JAVA_OPTIONS -Xmx2g
// The toolkit's DEFLATE encoder against the JDK's Deflater: bench/run.sh runs it (section "deflate").
//   speed TEXT_DIR [ROUNDS]  CPU time of both on the corpus's text files (one stream each, in 64 KiB writes, as the
//                            zip writer deflates an entry) and on a 300 MB float plate (128 KiB blocks after 32 KiB
//                            dictionaries, as a large entry is deflated), one thread, alternating; outputs compared
//   memory                   heap retained by one ClassicZlibEncoder that has deflated, measured over 200
//   canary                   milliseconds (wall and CPU) of the first Deflaters.choice() in this (fresh) JVM

import deflate.ClassicZlibEncoder;
import deflate.Deflaters;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import support.DeflateDifferential;
import support.DeflateInputs;

public class deflate_speed {
    /** Text read from the corpus: enough files for a steady figure, few enough for a bench run. */
    static final long TEXT_BYTES = 128L << 20;
    static final int PLATE_BYTES = 300_000_000;
    static final int ENCODERS = 200;
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String... args) throws Exception {
        switch (args[0]) {
            case "speed" -> speed(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 3);
            case "memory" -> memory();
            case "canary" -> canary();
            default -> throw new IllegalArgumentException("speed TEXT_DIR [ROUNDS] | memory | canary");
        }
    }

    /** Both deflaters over the same cases, CPU seconds each, medians of the rounds; stops if their outputs differ. */
    static void speed(Path textDir, int rounds) throws IOException {
        List<DeflateDifferential.Case> text = textCases(textDir);
        long textBytes = text.stream().mapToLong(c -> c.input().length).sum();
        byte[] plate = DeflateInputs.make(DeflateInputs.Kind.FLOATS, PLATE_BYTES, new Random(300));
        List<DeflateDifferential.Case> plateCase = List.of(DeflateDifferential.blockScheme(plate, "float plate"));
        System.out.printf("deflate CPU time, one thread, median of %d rounds (ours first on odd rounds, the JDK's on even)%n", rounds);
        System.out.printf("  %-52s%8s%8s%10s%10s%10s%11s%n", "input", "MB", "ratio", "JDK s", "ours s", "ours/JDK", "ours MB/s");
        report(String.format("corpus text: %,d files (one stream each)", text.size()), textBytes, text, rounds);
        report("float plate (128 KiB blocks, 32 KiB dictionaries)", plate.length, plateCase, rounds);
    }

    static void report(String name, long bytes, List<DeflateDifferential.Case> cases, int rounds) {
        ClassicZlibEncoder ours = new ClassicZlibEncoder();
        Deflater jdk = new Deflater(Deflaters.LEVEL, true);
        double[] oursSeconds = new double[rounds];
        double[] jdkSeconds = new double[rounds];
        Checksum oursOut = null;
        Checksum jdkOut = null;
        for (int round = 0; round < rounds; round++) {
            for (int side = 0; side < 2; side++) {
                boolean oursNow = (side == 0) == (round % 2 == 0);
                Checksum out = new Checksum();
                long start = THREADS.getCurrentThreadCpuTime();
                for (DeflateDifferential.Case c : cases) {
                    if (oursNow) {
                        DeflateDifferential.ours(c, ours, out);
                    } else {
                        DeflateDifferential.jdk(c, jdk, out);
                    }
                }
                double seconds = (THREADS.getCurrentThreadCpuTime() - start) / 1e9;
                if (oursNow) {
                    oursSeconds[round] = seconds;
                    oursOut = out;
                } else {
                    jdkSeconds[round] = seconds;
                    jdkOut = out;
                }
            }
        }
        jdk.end();
        if (oursOut.bytes != jdkOut.bytes || oursOut.crc.getValue() != jdkOut.crc.getValue()) {
            throw new IllegalStateException(name + ": the outputs differ (" + oursOut.bytes + " vs " + jdkOut.bytes + " bytes)");
        }
        double o = median(oursSeconds);
        double j = median(jdkSeconds);
        System.out.printf("  %-52s%8.0f%8.3f%10.2f%10.2f%10.2f%11.1f%n", name, bytes / 1e6, (double) jdkOut.bytes / bytes, j, o, o / j,
                bytes / 1e6 / o);
    }

    /** The corpus's .txt files in name order, up to {@link #TEXT_BYTES}, each one stream fed as the zip writer feeds it. */
    static List<DeflateDifferential.Case> textCases(Path dir) throws IOException {
        List<Path> files;
        try (var walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".txt") && Files.isRegularFile(p)).sorted().toList();
        }
        List<DeflateDifferential.Case> cases = new ArrayList<>();
        long total = 0;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            cases.add(DeflateDifferential.oneStream(bytes, 1 << 16, file.getFileName().toString()));
            if ((total += bytes.length) >= TEXT_BYTES) {
                break;
            }
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no .txt files under " + dir);
        }
        return cases;
    }

    /** Heap retained per encoder: many encoders kept after each deflated a block of text and one of random bytes. */
    static void memory() {
        Random random = new Random(1);
        byte[] text = DeflateInputs.make(DeflateInputs.Kind.TEXT, 128 << 10, random);
        byte[] noise = DeflateInputs.make(DeflateInputs.Kind.RANDOM, 128 << 10, random);
        List<DeflateDifferential.Case> work = List.of(DeflateDifferential.blockScheme(text, "text"),
                DeflateDifferential.blockScheme(noise, "random"));
        long before = usedAfterGc();
        List<ClassicZlibEncoder> kept = new ArrayList<>();
        for (int i = 0; i < ENCODERS; i++) {
            ClassicZlibEncoder encoder = new ClassicZlibEncoder();
            work.forEach(c -> DeflateDifferential.ours(c, encoder, OutputStream.nullOutputStream()));
            kept.add(encoder);
        }
        long after = usedAfterGc();
        System.out.printf("ClassicZlibEncoder: %,d bytes retained each (%d kept after deflating a 128 KiB block of text and one "
                + "of random bytes; heap after GC)%n", (after - before) / kept.size(), kept.size());
    }

    static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    /**
     * The first Deflaters.choice() in this JVM, wall and this thread's CPU. SHA-256 is used once before it, as a run
     * has hashed its policy inputs by the time it chooses (lib/delivery/Loaded); that first use is shown apart.
     */
    static void canary() throws Exception {
        long wall0 = System.nanoTime();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        java.security.MessageDigest.getInstance("SHA-256").digest(new byte[1]);
        long wall1 = System.nanoTime();
        long cpu1 = THREADS.getCurrentThreadCpuTime();
        Deflaters.Choice choice = Deflaters.choice();
        long wall2 = System.nanoTime();
        long cpu2 = THREADS.getCurrentThreadCpuTime();
        System.out.printf("%.2f ms wall, %.2f ms CPU; %s (%s); SHA-256's first use before it: %.2f ms wall%n", (wall2 - wall1) / 1e6,
                (cpu2 - cpu1) / 1e6, choice.deflater(), choice.reason(), (wall1 - wall0) / 1e6);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** The output's length and CRC-32: enough to tell the two outputs apart without keeping them. */
    static final class Checksum extends OutputStream {
        final CRC32 crc = new CRC32();
        long bytes;

        @Override
        public void write(int b) {
            crc.update(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            crc.update(b, off, len);
            bytes += len;
        }
    }
}
