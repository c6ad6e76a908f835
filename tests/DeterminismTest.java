import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.CliRun;
import support.TempTrees;
import support.ZipTamper;
import verify.DosTime;
import verify.ZipVerifier;
import zip.DeterministicZipWriter;
import zip.ZipManifest;

/**
 * Deterministic ZIP v1's promise: the same content gives the same bytes whatever the traversal order,
 * mtimes, permissions, umask, time zone or locale; and other readers see the v1 time and mode.
 */
class DeterminismTest {
    static final String PROJECT = "det1";
    /** Names chosen to sort differently by UTF-16 units, by locale collation and by UTF-8 bytes. */
    static final List<String[]> FILES = List.of(
            new String[] {"b/z.txt", "zed\n"},
            new String[] {"a/Bz.txt", "upper B\n"},
            new String[] {"a/b.txt", "lower b\n"},
            new String[] {"a/i\u0307.txt", "i with dot above\n"},
            new String[] {"a/I.txt", "capital I (Turkish locale folds it differently)\n"},
            new String[] {"a/\u00e9t\u00e9.txt", "summer\n"},
            new String[] {"a/\uD83D\uDE00.txt", "above U+FFFF: UTF-16 order differs from UTF-8 order\n"},
            new String[] {"a/\uFF21.txt", "fullwidth A, in the BMP after the surrogates\n"},
            new String[] {"img/photo.png", "not really a png, but stored\n"},
            new String[] {"deep/er/and/deeper/file.yaml", "k: v\n".repeat(200)});

    @TempDir
    Path tmp;

    /** Writes FILES in the given order with the given mtime and permissions. */
    static Path tree(Path root, List<String[]> order, Instant mtime, String permissions) throws IOException {
        for (String[] file : order) {
            Path path = TempTrees.file(root, file[0], file[1]);
            Files.setLastModifiedTime(path, FileTime.from(mtime));
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
        return root;
    }

    /** Commits {@code content} with the JVM's default zone and locale set as given (restored after). */
    static Path commit(Path content, Path data, Path zip, String zone, Locale locale) {
        TimeZone savedZone = TimeZone.getDefault();
        Locale savedLocale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            Locale.setDefault(locale);
            CliRun run = CliRun.stager("--project-id", PROJECT, "--content-dir", content.toString(), "--data-dir", data.toString(),
                    "--output-zip", zip.toString(), "--commit");
            assertEquals(0, run.exitCode(), run.describe());
            return zip;
        } finally {
            TimeZone.setDefault(savedZone);
            Locale.setDefault(savedLocale);
        }
    }

    Path data() {
        return TempTrees.dataDir(tmp, PROJECT, List.of("txt", "png", "yaml"));
    }

    @Test
    void sameContentGivesTheSameBytesWhateverTheConditions() throws IOException {
        Assumptions.assumeTrue(TempTrees.utf8FileNames(), "non-ASCII file names need a UTF-8 JVM");
        Path data = data();
        List<String[]> reversed = new ArrayList<>(FILES);
        Collections.reverse(reversed);
        Path first = tree(tmp.resolve("one/content"), FILES, Instant.parse("2001-02-03T04:05:06Z"), "rw-------");
        Path second = tree(tmp.resolve("two/content"), reversed, Instant.parse("2024-12-31T23:59:59Z"), "rwxr-xr-x");
        Files.createDirectories(tmp.resolve("out1"));
        Files.createDirectories(tmp.resolve("out2"));
        Path zip1 = commit(first, data, tmp.resolve("out1/a.zip"), "Pacific/Kiritimati", Locale.forLanguageTag("tr-TR"));
        Path zip2 = commit(second, data, tmp.resolve("out2/b.zip"), "America/Los_Angeles", Locale.forLanguageTag("ja-JP"));

        assertArrayEquals(TempTrees.readBytes(zip1), TempTrees.readBytes(zip2));
        // The manifests differ only in their provenance (when, and the arguments naming each zip).
        assertEquals(ZipTamper.manifestWithoutRun(ZipManifest.pathFor(zip1)), ZipTamper.manifestWithoutRun(ZipManifest.pathFor(zip2)));
        assertValid(zip1);
    }

    /**
     * A large entry is deflated in blocks on every thread there is (issue 18): the bytes are the same for
     * 1, 2 and 8 threads, on this JDK and on every other JDK installed beside it (a JDK 25 bundles its own
     * zlib), and they are the serial reference writer's.
     */
    @Test
    void largeEntriesAreTheSameBytesOnAnyThreadCountAndEveryJdk() throws Exception {
        Path data = TempTrees.dataDir(tmp, PROJECT, List.of("txt", "exr"));
        Path content = tree(tmp.resolve("content"), FILES.subList(0, 3), Instant.parse("2010-01-01T00:00:00Z"), "rw-r--r--");
        byte[] plate = TempTrees.compressibleText((int) zip.ZipPolicyV1.BLOCK_DEFLATE_MIN_BYTES + 3 * zip.ZipPolicyV1.DEFLATE_BLOCK_BYTES + 1);
        Files.write(content.resolve("plate.exr"), plate);
        List<byte[]> zips = new ArrayList<>();
        for (String threads : List.of("1", "2", "8")) {
            Path zip = Files.createDirectories(tmp.resolve("out" + threads)).resolve("p.zip");
            CliRun run = CliRun.stager("--project-id", PROJECT, "--content-dir", content.toString(), "--data-dir", data.toString(),
                    "--output-zip", zip.toString(), "--commit", "--threads", threads);
            assertEquals(0, run.exitCode(), run.describe());
            zips.add(TempTrees.readBytes(zip));
        }
        zips.forEach(bytes -> assertArrayEquals(zips.get(0), bytes));
        java.io.ByteArrayOutputStream serial = new java.io.ByteArrayOutputStream();
        List<DeterministicZipWriter.Source> sources = new ArrayList<>();
        try (var files = Files.walk(content)) {
            files.filter(Files::isRegularFile).forEach(f -> sources.add(new DeterministicZipWriter.Source(
                    content.relativize(f).toString(), f, f.toFile().length())));
        }
        DeterministicZipWriter.write(sources, serial, zip.ZipPolicyV1.DEFAULT_EPOCH_MS);
        assertArrayEquals(zips.get(0), serial.toByteArray(), "the serial reference writes the same blocks");
        for (Path otherJava : otherJdks()) {
            Path zip = Files.createDirectories(tmp.resolve("other-" + otherJava.getParent().getParent().getFileName())).resolve("p.zip");
            Process process = new ProcessBuilder(otherJava.toString(), "-cp", System.getProperty("java.class.path"), "prezip_stager",
                    "--project-id", PROJECT, "--content-dir", content.toString(), "--data-dir", data.toString(),
                    "--output-zip", zip.toString(), "--commit").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS) && process.exitValue() == 0, otherJava + ": " + output);
            assertArrayEquals(zips.get(0), TempTrees.readBytes(zip), "the same bytes on " + otherJava);
        }
    }

    /** The java of every other JDK installed beside this one (/usr/lib/jvm), to compare bytes across JDKs. */
    static List<Path> otherJdks() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        Path ours = Path.of(System.getProperty("java.home")).toRealPath();
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(jvms)) {
            try (var homes = Files.list(jvms)) {
                for (Path home : homes.sorted().toList()) {
                    Path java = home.resolve("bin/java");
                    if (Files.isExecutable(java) && !home.toRealPath().equals(ours)
                            && found.stream().noneMatch(f -> realOrSelf(f).equals(realOrSelf(java)))) {
                        found.add(java);
                    }
                }
            }
        }
        return found;
    }

    private static Path realOrSelf(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    @Test
    void umaskDoesNotChangeTheBytes() throws Exception {
        // umask is per process: the second build runs in a child JVM started under another umask.
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path data = data();
        Path content = tree(tmp.resolve("content"), FILES, Instant.parse("2010-01-01T00:00:00Z"), "rw-r--r--");
        Files.createDirectories(tmp.resolve("out1"));
        Files.createDirectories(tmp.resolve("out2"));
        Path zip1 = commit(content, data, tmp.resolve("out1/u.zip"), "UTC", Locale.ROOT);
        Path zip2 = tmp.resolve("out2/u.zip");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of("/bin/sh", "-c", "umask 077 && exec \"$0\" \"$@\"", java,
                "-cp", System.getProperty("java.class.path"), "-Dfile.encoding=UTF-8", "-Dsun.jnu.encoding=UTF-8", "prezip_stager",
                "--project-id", PROJECT, "--content-dir", content.toString(), "--data-dir", data.toString(),
                "--output-zip", zip2.toString(), "--commit");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().remove("SOURCE_DATE_EPOCH");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
        assertArrayEquals(TempTrees.readBytes(zip1), TempTrees.readBytes(zip2));
    }

    @Test
    void fixedTimeIsUtcWallClockInEveryZone() throws IOException {
        long epoch = Instant.parse("2020-06-15T13:14:16Z").toEpochMilli();
        Path file = TempTrees.file(tmp, "src/x.txt", "x");
        List<byte[]> zips = new ArrayList<>();
        for (String zone : List.of("UTC", "Pacific/Kiritimati", "America/Los_Angeles", "Asia/Kathmandu")) {
            TimeZone saved = TimeZone.getDefault();
            try {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                DeterministicZipWriter.write(List.of(new DeterministicZipWriter.Source("x.txt", file, 1)), out, epoch);
                zips.add(out.toByteArray());
            } finally {
                TimeZone.setDefault(saved);
            }
        }
        for (byte[] zip : zips) {
            assertArrayEquals(zips.get(0), zip);
        }
        int central = ZipTamper.centralHeaderOffset(zips.get(0), "x.txt");
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(zips.get(0)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals("2020-06-15 13:14:16", DosTime.describe(Short.toUnsignedInt(b.getShort(central + 14)),
                Short.toUnsignedInt(b.getShort(central + 12))));
    }

    @Test
    void calendarOfTheDefaultLocaleDoesNotChangeTheTime() throws IOException {
        // A writer that takes DOS time from Calendar.getInstance() follows the default format locale: under
        // th-TH that is the Buddhist calendar, and toolkit 1.0.0's entries (Zip4j) once got 2011-01-01.
        Path file = TempTrees.file(tmp, "src/x.txt", "x");
        List<byte[]> zips = new ArrayList<>();
        for (String tag : List.of("und", "th-TH", "ja-JP-u-ca-japanese")) {
            Locale saved = Locale.getDefault();
            try {
                Locale.setDefault(Locale.forLanguageTag(tag));
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                DeterministicZipWriter.write(List.of(new DeterministicZipWriter.Source("x.txt", file, 1)), out,
                        Instant.parse("2020-06-15T13:14:16Z").toEpochMilli());
                zips.add(out.toByteArray());
            } finally {
                Locale.setDefault(saved);
            }
        }
        for (byte[] zip : zips) {
            assertArrayEquals(zips.get(0), zip);
        }
    }

    // --- other readers -----------------------------------------------------------------------------

    Path toolkitZip() throws IOException {
        Path content = tree(tmp.resolve("content"), FILES.subList(0, 3), Instant.parse("2015-05-05T05:05:05Z"), "rwxr-xr-x");
        Files.createDirectories(tmp.resolve("out"));
        return commit(content, data(), tmp.resolve("out/tools.zip"), "Australia/Eucla", Locale.ROOT);
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), String.join(" ", command) + "\n" + output);
        return output;
    }

    @Test
    void unzipTestsTheToolkitsZipClean() throws Exception {
        Assumptions.assumeTrue(onPath("unzip"), "unzip is not installed");
        String output = run("unzip", "-t", toolkitZip().toString());
        assertTrue(output.contains("No errors detected"), output);
    }

    @Test
    void zipinfoShowsV1ModeAndTime() throws Exception {
        Assumptions.assumeTrue(onPath("zipinfo"), "zipinfo is not installed");
        String output = run("zipinfo", toolkitZip().toString());
        List<String> entryLines = output.lines().filter(l -> l.startsWith("-")).toList();
        assertEquals(3, entryLines.size(), output);
        for (String line : entryLines) {
            assertTrue(line.startsWith("-rw-r--r--"), line);
            assertTrue(line.contains(" unx "), line);
            assertTrue(line.contains("80-Jan-01 00:00"), line);
        }
    }

    @Test
    void pythonZipfileReadsV1TimeModeAndContent() throws Exception {
        Assumptions.assumeTrue(onPath("python3"), "python3 is not installed");
        String script = String.join("\n",
                "import sys, zipfile",
                "z = zipfile.ZipFile(sys.argv[1])",
                "assert z.testzip() is None",
                "infos = z.infolist()",
                "assert [i.filename for i in infos] == sorted((i.filename for i in infos), key=lambda n: n.encode('utf-8')), 'order'",
                "for i in infos:",
                "    assert i.date_time == (1980, 1, 1, 0, 0, 0), (i.filename, i.date_time)",
                "    assert i.external_attr >> 16 == 0o100644, (i.filename, oct(i.external_attr >> 16))",
                "    assert i.create_system == 3, (i.filename, i.create_system)",
                "    assert i.flag_bits & 0x800, (i.filename, i.flag_bits)",
                "    assert i.extra == b'', (i.filename, i.extra)",
                "    assert not i.is_dir()",
                "print('OK', len(infos))");
        String output = run("python3", "-c", script, toolkitZip().toString());
        assertEquals("OK 3", output.strip());
    }

    static void assertValid(Path zip) throws IOException {
        ZipVerifier.Result result = ZipVerifier.verify(new ZipVerifier.Request(zip, ZipManifest.pathFor(zip), null, null, null));
        assertTrue(result.valid(), result.findings().toString());
    }
}
