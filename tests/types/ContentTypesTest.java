package types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped table: what the issue asks for is in it, each signature with its source; and no false alarm on
 * real files of this machine whose extension libmagic's {@code file --mime-type} agrees with.
 */
class ContentTypesTest {
    static final ContentTypes TABLE = SnifferTest.TABLE;
    /** Files of one extension taken at most, and in all: a few thousand, a bounded run. */
    static final int PER_EXTENSION = 600;
    static final int AT_MOST = 4000;
    /** Names per call of file(1). */
    static final int BATCH = 200;

    @Test
    void theTableHoldsWhatTheIssueAsksForEachWithAPublicSource() {
        Set<String> names = new java.util.HashSet<>();
        TABLE.types().forEach(t -> names.add(t.name()));
        for (String wanted : List.of("pe", "elf", "mach-o", "mach-o-fat", "java-class", "dex", "wasm", "windows-shortcut", "msi", "ole",
                "zip", "docx", "xlsx", "pptx", "opendocument", "epub", "jar", "apk", "aab", "idml", "adobe-xd", "sketch", "kmz", "3mf", "usdz",
                "7z", "rar", "gzip", "bzip2", "xz", "zstd", "tar", "cab", "iso9660", "dmg", "keepass", "jks", "jceks", "pkcs12", "sqlite",
                "pdf", "png", "jpeg", "gif", "tiff", "webp", "heic", "openexr", "psd", "mp4", "wav", "avi", "mp3", "flac", "ogg",
                "sfnt-font", "woff", "woff2")) {
            assertTrue(names.contains(wanted), wanted);
        }
        TABLE.types().forEach(t -> assertTrue(t.source().startsWith("https://") || t.source().startsWith("http://"), t.name()));
        assertEquals(TABLE.sha256(), io.Sha256.hex(support.TempTrees.readBytes(support.TempTrees.repoRoot().resolve("data/" + ContentTypes.FILE))));
    }

    /** What file(1) calls a type, as the table's names: the oracle real files are checked against. */
    static final Map<String, Set<String>> BY_MIME = mimeOracle();

    private static Map<String, Set<String>> mimeOracle() {
        Set<String> zipBuilt = new java.util.HashSet<>(Set.of("zip"));
        TABLE.types().stream().filter(ContentType::builtOnZip).forEach(t -> zipBuilt.add(t.name()));
        Map<String, Set<String>> m = new HashMap<>();
        m.put("application/zip", zipBuilt);
        m.put("application/java-archive", Set.of("jar"));
        m.put("application/epub+zip", Set.of("epub"));
        m.put("application/gzip", Set.of("gzip"));
        m.put("application/x-gzip", Set.of("gzip"));
        m.put("application/x-bzip2", Set.of("bzip2"));
        m.put("application/x-xz", Set.of("xz"));
        m.put("application/zstd", Set.of("zstd"));
        m.put("application/x-tar", Set.of("tar"));
        m.put("application/x-7z-compressed", Set.of("7z"));
        m.put("application/x-sharedlib", Set.of("elf"));
        m.put("application/x-executable", Set.of("elf"));
        m.put("application/x-pie-executable", Set.of("elf"));
        m.put("application/x-object", Set.of("elf"));
        m.put("application/x-java-applet", Set.of("java-class"));
        m.put("application/x-java-keystore", Set.of("jks"));
        m.put("application/x-java-jce-keystore", Set.of("jceks"));
        m.put("application/vnd.sqlite3", Set.of("sqlite"));
        m.put("application/x-sqlite3", Set.of("sqlite"));
        m.put("application/pdf", Set.of("pdf"));
        m.put("image/png", Set.of("png"));
        m.put("image/jpeg", Set.of("jpeg"));
        m.put("image/gif", Set.of("gif"));
        m.put("image/tiff", Set.of("tiff"));
        m.put("image/webp", Set.of("webp"));
        m.put("font/sfnt", Set.of("sfnt-font"));
        m.put("application/font-sfnt", Set.of("sfnt-font"));
        m.put("font/woff", Set.of("woff"));
        m.put("font/woff2", Set.of("woff2"));
        m.put("audio/x-wav", Set.of("wav"));
        m.put("audio/ogg", Set.of("ogg"));
        m.put("audio/flac", Set.of("flac"));
        m.put("audio/mpeg", Set.of("mp3"));
        m.put("video/mp4", Set.of("mp4"));
        m.put("application/x-iso9660-image", Set.of("iso9660"));
        return m;
    }

    @Test
    void realFilesWhoseExtensionFileAgreesWithAreAllEligible() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/file")), "file(1) is not installed");
        Map<String, List<Path>> byExtension = new LinkedHashMap<>();
        int[] taken = {0};
        for (Path root : List.of(Path.of(System.getProperty("java.home")), Path.of(System.getProperty("user.home"), ".m2", "repository"),
                Path.of("/usr/share"), Path.of("/usr/lib"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> taken[0] < AT_MOST && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> {
                    String name = p.getFileName().toString();
                    String ext = scan.Extensions.ofPath(name).orElse("");
                    if (!TABLE.claiming(ext).isEmpty() && name.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                        List<Path> list = byExtension.computeIfAbsent(ext, e -> new ArrayList<>());
                        if (list.size() < PER_EXTENSION) {
                            list.add(p);
                            taken[0]++;
                        }
                    }
                });
            } catch (java.io.UncheckedIOException e) {
                // A folder this user cannot read: what was walked so far counts.
            }
        }
        List<Path> files = byExtension.values().stream().flatMap(List::stream).toList();
        List<String> mimes = mimeTypes(files);
        TypePolicy neutral = new TypePolicy(TABLE, Map.of(), Set.of(), true);
        Map<String, Integer> checked = new java.util.TreeMap<>();
        List<String> alarms = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String ext = scan.Extensions.ofPath(file.getFileName().toString()).orElse("");
            Set<String> agreeing = BY_MIME.getOrDefault(mimes.get(i), Set.of());
            if (TABLE.claiming(ext).stream().noneMatch(t -> agreeing.contains(t.name()))) {
                continue; // file(1) says it is not what its extension says: no honest sample
            }
            ContentType detected;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                detected = TABLE.sniffer(Files.size(file)).read(channel);
            }
            TypeFinding finding = neutral.judge(file.toString(), detected);
            if (finding != null) {
                alarms.add(file + " (" + mimes.get(i) + "): " + finding.detail());
            }
            checked.merge(ext, 1, Integer::sum);
        }
        System.out.println("ContentTypesTest: " + checked.values().stream().mapToInt(Integer::intValue).sum()
                + " real files checked by extension: " + checked);
        assertTrue(alarms.isEmpty(), alarms.size() + " false alarms: " + String.join("\n", alarms.stream().limit(20).toList()));
    }

    /** file(1)'s MIME type of each file, in order, in batches. */
    private static List<String> mimeTypes(List<Path> files) throws IOException, InterruptedException {
        List<String> mimes = new ArrayList<>();
        for (int from = 0; from < files.size(); from += BATCH) {
            List<String> command = new ArrayList<>(List.of("/usr/bin/file", "--brief", "--mime-type", "--"));
            files.subList(from, Math.min(files.size(), from + BATCH)).forEach(p -> command.add(p.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "file(1) took over a minute");
            List<String> lines = out.lines().toList();
            assertEquals(command.size() - 4, lines.size(), "one line per file from file(1)");
            mimes.addAll(lines);
        }
        return mimes;
    }
}
