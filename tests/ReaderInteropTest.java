import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import json.Json;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import scan.EntryName;
import scan.PathOrder;
import scan.TreeScanner;
import support.CliRun;
import support.ClientReaders;
import support.NameTrees;
import support.TempTrees;
import zip.ContentsFile;
import zip.ZipManifest;

/**
 * Deliveries as clients read them: every zip of the fixtures, committed by the real stager, read back
 * through the streaming and the central-directory readers of the JDK, Commons Compress's streaming
 * reader and, where installed, Python's
 * zipfile, unzip, bsdtar fed from a pipe, and 7-Zip, and compared byte for byte with the source; then
 * extracted into a folder by every reader ({@link ClientReaders}), each folder's files (names as bytes,
 * sizes, digests) compared with the manifest and checked by {@code sha256sum -c} with the contents file,
 * as a client does. A reader that is not installed is a skipped test, never a pass.
 */
class ReaderInteropTest {
    /** The first count a classic end record cannot hold (0xFFFF is its marker): the zip64 end record appears. */
    static final int MANY_ENTRIES = 0xFFFF;

    @TempDir
    static Path shared;
    static Map<String, Path> zips = new LinkedHashMap<>();

    /** A fixture: its content folder and the zip the stager committed from it. */
    record Fixture(String name, Path content, Path zip) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Fixture> fixtures() {
        return zips.entrySet().stream().map(e -> new Fixture(e.getKey(), shared.resolve(e.getKey()).resolve("content"), e.getValue()));
    }

    @BeforeAll
    static void commitTheFixtures() throws IOException {
        Path mixed = mixedContent(Files.createDirectories(shared.resolve("mixed/content")));
        zips.put("mixed", commit("mixed", mixed));
        Path many = Files.createDirectories(shared.resolve("many/content"));
        for (int i = 0; i < MANY_ENTRIES; i++) {
            Path folder = Files.createDirectories(many.resolve(String.format("f%03d", i / 1000)));
            Files.writeString(folder.resolve(i % 1000 + ".txt"), i % 7 == 0 ? "" : Integer.toString(i));
        }
        // With the zip64 end record: decomposed and composed names, 255-byte components, a 280-character path.
        NameTrees.clientTree(many);
        zips.put("many", commit("many", many));
    }

    /**
     * STORED files that hold local-header and data-descriptor signatures (a zip made by a streaming
     * writer, an earlier delivery, image bytes), Unicode names inside and outside the BMP, an empty file,
     * and files above the packer's in-memory limit, STORED and DEFLATED.
     */
    static Path mixedContent(Path content) throws IOException {
        TempTrees.file(content, "README.txt", "a delivery with zips inside\n");
        TempTrees.file(content, "empty.txt", "");
        TempTrees.file(content, "café/ünïcode naïve.txt", "composed é\n");
        TempTrees.file(content, "emoji/\uD83D\uDE00 smile.txt", "non-BMP name\n");
        TempTrees.file(content, "日本/資料.csv", "a,b\n1,2\n");
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(streamed)) {
            // java.util.zip streams DEFLATED entries with data descriptors: PK\7\8 inside a STORED file.
            for (int i = 0; i < 3; i++) {
                zip.putNextEntry(new ZipEntry("inner" + i + ".txt"));
                zip.write(("inner entry " + i + "\n").repeat(50).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Files.write(content.resolve("streamed.zip"), streamed.toByteArray());
        Random random = new Random(42);
        byte[] image = new byte[300_000];
        random.nextBytes(image);
        byte[] signatures = {'P', 'K', 3, 4, 'P', 'K', 7, 8, 'P', 'K', 1, 2, 'P', 'K', 5, 6};
        for (int at = 1000; at + signatures.length < image.length; at += 40_000) {
            System.arraycopy(signatures, 0, image, at, signatures.length);
        }
        Files.createDirectories(content.resolve("img"));
        Files.write(content.resolve("img/signatures.png"), image);
        byte[] bigStored = new byte[5 << 20];
        random.nextBytes(bigStored);
        Files.write(content.resolve("img/big.png"), bigStored);
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < (6 << 20); i++) {
            text.append("line ").append(i).append(" of a large text plate ").append(random.nextInt(1000)).append('\n');
        }
        // Above the block threshold: deflated in 128 KiB blocks on every core (issue 18), which every reader must read.
        org.junit.jupiter.api.Assertions.assertTrue(text.length() > zip.ZipPolicyV1.BLOCK_DEFLATE_MIN_BYTES);
        TempTrees.file(content, "big.txt", text.toString());
        // An earlier delivery placed in the content: its own local headers sit inside this zip's data.
        Path earlier = Files.createDirectories(shared.resolve("earlier/content"));
        TempTrees.file(earlier, "a.txt", "first delivery\n");
        TempTrees.file(earlier, "b.txt", "PK\u0003\u0004 and PK\u0007\u0008 in text\n");
        Files.createDirectories(content.resolve("old"));
        Files.copy(commit("earlier", earlier), content.resolve("old/earlier_delivery.zip"));
        return content;
    }

    static Path commit(String name, Path content) throws IOException {
        Path data = TempTrees.dataDir(shared.resolve(name).resolve("data"), "interop", List.of("txt", "csv", "png", "zip"));
        Path zip = Files.createDirectories(shared.resolve(name).resolve("out")).resolve(name + ".zip");
        CliRun run = CliRun.stager("--project-id", "interop", "--content-dir", content.toString(), "--data-dir", data.toString(),
                "--output-zip", zip.toString(), "--commit");
        assertEquals(0, run.exitCode(), run.describe());
        return zip;
    }

    /** Every file of the content by its entry name (its path composed), in v1 order. */
    static Map<String, Path> expected(Path content) throws IOException {
        Map<String, Path> files = new TreeMap<>(PathOrder.UTF8_BYTES);
        try (Stream<Path> walk = Files.walk(content)) {
            walk.filter(Files::isRegularFile).forEach(f -> files.put(EntryName.of(TreeScanner.relative(content, f)), f));
        }
        return files;
    }

    static Map<String, String> expectedDigests(Path content) throws IOException {
        Map<String, String> digests = new TreeMap<>(PathOrder.UTF8_BYTES);
        for (Map.Entry<String, Path> e : expected(content).entrySet()) {
            digests.put(e.getKey(), TempTrees.sha256(Files.readAllBytes(e.getValue())));
        }
        return digests;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void zipInputStreamReadsEveryEntryInOrder(Fixture fixture) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(fixture.zip()), StandardCharsets.UTF_8)) {
            assertStreamHoldsTheContentInOrder(fixture, zip, () -> {
                ZipEntry entry = zip.getNextEntry();
                return entry == null ? null : entry.getName();
            });
        }
    }

    /** Commons Compress's stream, with its defaults: it refuses a STORED entry that has a data descriptor. */
    @ParameterizedTest
    @MethodSource("fixtures")
    void commonsCompressStreamReadsEveryEntryInOrder(Fixture fixture) throws IOException {
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(Files.newInputStream(fixture.zip()))) {
            assertStreamHoldsTheContentInOrder(fixture, zip, () -> {
                ZipArchiveEntry entry = zip.getNextEntry();
                return entry == null ? null : entry.getName();
            });
        }
    }

    /** Moves a streaming reader to its next entry: that entry's name, or null after the last. */
    interface NextEntry {
        String name() throws IOException;
    }

    /** Read as a stream, entry after entry, the zip holds every content file, byte for byte, in v1 order. */
    static void assertStreamHoldsTheContentInOrder(Fixture fixture, InputStream zip, NextEntry next) throws IOException {
        Map<String, Path> expected = expected(fixture.content());
        List<String> names = new ArrayList<>();
        for (String name; (name = next.name()) != null; ) {
            names.add(name);
            Path source = expected.get(name);
            assertTrue(source != null, "an entry with no source file: " + name);
            assertArrayEquals(Files.readAllBytes(source), zip.readAllBytes(), name);
        }
        assertEquals(new ArrayList<>(expected.keySet()), names);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void zipFileReadsEveryEntry(Fixture fixture) throws IOException {
        Map<String, Path> expected = expected(fixture.content());
        try (ZipFile zip = new ZipFile(fixture.zip().toFile(), StandardCharsets.UTF_8)) {
            List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
            assertEquals(new ArrayList<>(expected.keySet()), names);
            for (Map.Entry<String, Path> e : expected.entrySet()) {
                try (InputStream in = zip.getInputStream(zip.getEntry(e.getKey()))) {
                    assertArrayEquals(Files.readAllBytes(e.getValue()), in.readAllBytes(), e.getKey());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void pythonZipfileReadsEveryEntry(Fixture fixture) throws Exception {
        Tool python = Tool.run("python3", List.of("python3", "-c", """
                import hashlib, json, sys, zipfile
                with zipfile.ZipFile(sys.argv[1]) as z:
                    print(json.dumps([[i.filename, hashlib.sha256(z.read(i)).hexdigest()] for i in z.infolist()]))
                """, fixture.zip().toString()));
        assertEquals(0, python.exitCode(), python.output());
        Map<String, String> read = new LinkedHashMap<>();
        for (JsonNode pair : Json.MAPPER.readTree(python.output())) {
            read.put(pair.get(0).asText(), pair.get(1).asText());
        }
        Map<String, String> expected = expectedDigests(fixture.content());
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(read.keySet()));
        assertEquals(expected, new TreeMap<>(read));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void unzipTestsEveryEntry(Fixture fixture) throws Exception {
        Tool unzip = Tool.run("unzip", List.of("unzip", "-t", fixture.zip().toString()));
        assertEquals(0, unzip.exitCode(), unzip.output());
        assertTrue(unzip.output().contains("No errors detected"), unzip.output());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void sevenZipTestsEveryEntry(Fixture fixture) throws Exception {
        Tool sevenZip = Tool.run("7z", List.of("7z", "t", fixture.zip().toString()));
        assertEquals(0, sevenZip.exitCode(), sevenZip.output());
        assertTrue(sevenZip.output().contains("Everything is Ok"), sevenZip.output());
    }

    /** bsdtar reads a zip from a pipe as a stream of local records, as an upload service would (it extracts below). */
    @ParameterizedTest
    @MethodSource("fixtures")
    void bsdtarFromAPipeListsEveryEntry(Fixture fixture) throws Exception {
        Tool list = Tool.run("bsdtar", List.of("bash", "-c", "cat \"$0\" | bsdtar -tf -", fixture.zip().toString()));
        assertEquals(0, list.exitCode(), list.output());
        Map<String, Path> expected = expected(fixture.content());
        assertEquals(new ArrayList<>(expected.keySet()), list.output().lines().toList());
    }

    static Stream<Arguments> extractions() {
        return fixtures().flatMap(fixture -> Stream.of(ClientReaders.Reader.values()).map(reader -> Arguments.of(fixture, reader)));
    }

    /**
     * What the client gets: each reader extracts the delivery into a folder of its own, which holds exactly
     * the manifest's files (names compared as bytes, so a reader that composes or decomposes a name fails),
     * and in which {@code sha256sum -c} of the contents file passes.
     */
    @ParameterizedTest(name = "{0} extracted by {1}")
    @MethodSource("extractions")
    void eachReaderExtractsExactlyTheManifestAndSha256sumChecksIt(Fixture fixture, ClientReaders.Reader reader) throws Exception {
        Path into = ClientReaders.extractionFolder(shared, fixture.name() + "-" + reader.name().toLowerCase(java.util.Locale.ROOT));
        try {
            reader.extract(fixture.zip(), into);
            Map<String, ClientReaders.FileState> listed = ClientReaders.listed(ZipManifest.pathFor(fixture.zip()));
            Map<String, ClientReaders.FileState> found = ClientReaders.tree(into);
            assertEquals(List.of(), ClientReaders.differences(listed, found), reader + " extracted other files than the manifest lists");
            assertEquals(listed.size(), found.size());
            Tool check = Tool.run("sha256sum", List.of("bash", "-c", "cd \"$0\" && sha256sum --strict --quiet -c \"$1\"",
                    into.toString(), ContentsFile.pathFor(fixture.zip()).toString()));
            assertEquals(0, check.exitCode(), check.output());
        } finally {
            io.TreeRemoval.deleteTree(into);
        }
    }

    /** The tree with decomposed names ships them composed: the manifest lists no name a reader could change. */
    @org.junit.jupiter.api.Test
    void theDeliveryOfDecomposedNamesListsThemComposed() throws IOException {
        Map<String, ClientReaders.FileState> listed = ClientReaders.listed(ZipManifest.pathFor(zips.get("many")));
        assertTrue(Files.exists(shared.resolve("many/content").resolve(NameTrees.DECOMPOSED)), "decomposed on disk");
        assertTrue(listed.containsKey(NameTrees.DECOMPOSED_SHIPS_AS), "listed composed");
        assertTrue(listed.keySet().stream().allMatch(EntryName::isComposed));
        assertTrue(listed.size() > MANY_ENTRIES, "past the classic end record's count: " + listed.size());
    }

    /** Windows' forbidden characters: a tree with a name holding each is refused, each named, and nothing ships. */
    @org.junit.jupiter.api.Test
    void aNameWithEachOfWindowsForbiddenCharactersIsRefused() throws IOException {
        Path content = Files.createDirectories(shared.resolve("forbidden/content"));
        TempTrees.file(content, "fine.txt", "ships when the rest is renamed\n");
        for (String c : NameTrees.WINDOWS_FORBIDDEN) {
            TempTrees.file(content, "bad" + c + "name.txt", "forbidden on Windows: " + c + "\n");
        }
        Path data = TempTrees.dataDir(shared.resolve("forbidden/data"), "interop", List.of("txt"));
        Path zip = Files.createDirectories(shared.resolve("forbidden/out")).resolve("forbidden.zip");
        for (String mode : List.of("--json", "--commit")) {
            CliRun run = CliRun.stager("--project-id", "interop", "--content-dir", content.toString(), "--data-dir", data.toString(),
                    "--output-zip", zip.toString(), "--allow-unknown", mode);
            assertEquals(1, run.exitCode(), run.describe());
            assertTrue((run.out() + run.err()).contains("PZ_REFUSED"), run.describe());
            assertFalse(Files.exists(zip), mode + ": nothing shipped");
        }
        JsonNode report = Json.MAPPER.readTree(zip.resolveSibling("forbidden.zip.report.json").toFile());
        assertEquals(NameTrees.WINDOWS_FORBIDDEN.size(), report.at("/totals/excludedByReason/unsafe_name").asInt(), report.toString());
    }

    /** A reader run as a child process, with its output; a reader not on this machine skips the test. */
    record Tool(int exitCode, String output) {
        static Tool run(String program, List<String> command) throws IOException, InterruptedException {
            assumeTrue(onPath(program), program + " is not installed here");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("LC_ALL", "C.UTF-8");
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " must finish");
            return new Tool(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        }

        static boolean onPath(String program) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                    return true;
                }
            }
            return false;
        }
    }
}
