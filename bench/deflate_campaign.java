///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES ../lib/deflate/*.java ../tests/support/DeflateInputs.java ../tests/support/DeflateDifferential.java
// The deflate campaign: bench/deflate_campaign.sh SEED [MINUTES] [DIR...]. The differential check that
// tests/deflate/ClassicZlibEncoderTest runs on 10,000 inputs, for as long as asked: generated cases 0, 1, 2... of
// the seed, the toolkit's encoder against this JVM's Deflater (which must be classic zlib); then every regular
// file under each DIR (real binaries and text, links not followed, the first 2 MiB of each), as one stream and
// in the block scheme. Prints what it tried and every difference; exits 1 on any.

import deflate.ClassicZlibEncoder;
import deflate.Deflaters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import support.DeflateDifferential;
import support.DeflateInputs;

public class deflate_campaign {
    public static void main(String... args) throws IOException {
        long seed = Long.parseLong(args[0]);
        double minutes = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        Deflaters.Choice choice = Deflaters.choice();
        System.out.printf("java %s; zlib: %s; the JVM's deflater: %s (%s)%n", System.getProperty("java.version"),
                DeflateDifferential.loadedZlib(), choice.deflater(), choice.reason());
        if (!choice.jdk()) {
            System.out.println("this JVM's Deflater is not classic zlib: nothing to compare against");
            System.exit(2);
        }
        long started = System.nanoTime();
        DeflateDifferential.Tally tally = DeflateDifferential.run(seed, Integer.MAX_VALUE, Duration.ofMillis((long) (minutes * 60_000)));
        System.out.printf("generated: %s in %.1f min%n", tally.summary(), (System.nanoTime() - started) / 6e10);
        List<String> differences = new ArrayList<>(tally.differences());
        int files = 0;
        ClassicZlibEncoder ours = new ClassicZlibEncoder();
        Deflater jdk = new Deflater(Deflaters.LEVEL, true);
        for (int i = 2; i < args.length; i++) {
            List<Path> found;
            try (var walk = Files.walk(Path.of(args[i]))) {
                found = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.isReadable(p)).sorted().toList();
            }
            for (Path file : found) {
                byte[] bytes;
                try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                    bytes = in.readNBytes(DeflateInputs.MAX_SIZE);
                } catch (IOException e) {
                    continue; // unreadable after all: not an input
                }
                for (DeflateDifferential.Case c : List.of(DeflateDifferential.oneStream(bytes, 1 << 16, file.toString()),
                        DeflateDifferential.blockScheme(bytes, file.toString()))) {
                    String difference = DeflateDifferential.difference(c, ours, jdk);
                    if (difference != null) {
                        differences.add(difference);
                    }
                }
                files++;
            }
        }
        jdk.end();
        if (args.length > 2) {
            System.out.printf("files: %,d real files, each as one stream and in blocks%n", files);
        }
        differences.forEach(System.out::println);
        System.out.printf("seed %d: %,d generated inputs and %,d files tried, %d differences%n", seed, tally.inputs(), files, differences.size());
        System.exit(differences.isEmpty() ? 0 : 1);
    }
}
