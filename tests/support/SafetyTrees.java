package support;

import com.fasterxml.jackson.databind.JsonNode;
import commit.Staging;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Helpers for the safety and fault tests: random files, zips read back, leftovers, mounts, child JVMs. */
public final class SafetyTrees {
    private SafetyTrees() {}

    /** A file of {@code size} pseudo-random (incompressible, reproducible) bytes. */
    public static Path randomFile(Path file, long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return TempTrees.write(file, bytes);
    }

    /** A small valid zip (made with java.util.zip, not the toolkit): the "previous delivery". */
    public static byte[] writeOldZip(Path zip) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("old/previous-delivery.txt"));
            out.write("the previous delivery, which must survive\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TempTrees.write(zip, bytes.toByteArray());
        return bytes.toByteArray();
    }

    /** Entry names in the zip's central-directory order. */
    public static List<String> zipEntries(Path zip) {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return Collections.list(z.entries()).stream().map(ZipEntry::getName).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every entry's bytes, in zip order. */
    public static Map<String, byte[]> zipContents(Path zip) {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                try (InputStream in = z.getInputStream(e)) {
                    contents.put(e.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return contents;
    }

    // ---- what a run leaves in the output folder ----

    /** The report files a commit writes whatever its outcome (done, refused or failed). */
    static final List<String> REPORT_SUFFIXES = List.of(".report.json", ".report.html");
    /** The files that describe a delivered zip, renamed into place with it. */
    static final List<String> DELIVERY_SUFFIXES = List.of(".manifest.json", ".sha256", ".contents.sha256");

    /** The reports of {@code zipName} plus {@code others}, sorted as {@link #list} sorts. */
    public static List<String> reportsAnd(String zipName, String... others) {
        List<String> names = new ArrayList<>(List.of(others));
        REPORT_SUFFIXES.forEach(s -> names.add(zipName + s));
        names.sort(null);
        return names;
    }

    /** Exactly what a successful commit leaves: zip, sidecars, reports (the lock file goes with the lock). */
    public static List<String> delivered(String zipName, String... others) {
        List<String> names = new ArrayList<>(List.of(others));
        names.add(zipName);
        DELIVERY_SUFFIXES.forEach(s -> names.add(zipName + s));
        REPORT_SUFFIXES.forEach(s -> names.add(zipName + s));
        names.sort(null);
        return names;
    }

    /** Names directly in {@code dir}, sorted, hidden ones included. */
    public static List<String> list(Path dir) {
        return TempTrees.list(dir);
    }

    /** Names in {@code dir} that a commit must never leave behind: staging folders and temp files. */
    public static List<String> leftovers(Path dir) {
        return list(dir).stream()
                .filter(n -> n.startsWith(Staging.PREFIX) || n.endsWith(".tmp"))
                .toList();
    }

    /** Every regular file under {@code root} (not following links) whose bytes contain {@code needle}. */
    public static List<String> filesContaining(Path root, byte[] needle) {
        List<String> hits = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile() && indexOf(Files.readAllBytes(file), needle) >= 0) {
                        hits.add(root.relativize(file).toString());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hits;
    }

    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public static JsonNode report(Path zip) {
        return TempTrees.readJson(zip.resolveSibling(zip.getFileName() + ".report.json"));
    }

    // ---- mounts (root only; callers skip the test when mounting fails) ----

    /** Mounts a tmpfs at {@code dir} with {@code options} (e.g. "size=256k"); false when not permitted. */
    public static boolean mountTmpfs(Path dir, String options) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return run("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString()) == 0;
    }

    public static boolean remountReadOnly(Path dir) {
        return run("mount", "-o", "remount,ro", dir.toString()) == 0;
    }

    public static void umount(Path dir) {
        if (run("umount", dir.toString()) != 0) {
            run("umount", "-l", dir.toString());
        }
    }

    /** Runs a command, returns its exit code (-1 when it cannot start or hangs). */
    public static int run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    // ---- the real stager in a child JVM ----

    /**
     * Starts {@code prezip_stager} in a child JVM with this JVM's class path (which holds the compiled
     * top-level scripts); stdout and stderr go to {@code log}.
     */
    public static Process startStager(Path log, String... args) {
        try {
            return TempTrees.stagerProcess(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every file under {@code root} with its size; tolerant of a tree that changes while it is walked
     * (a live staging folder), so it never throws.
     */
    public static Map<String, Long> describeTree(Path root) {
        Map<String, Long> m = new TreeMap<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    m.put(root.relativize(file).toString(), attrs.size());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // The tree went away meanwhile: what was seen is the answer.
        }
        return m;
    }
}
