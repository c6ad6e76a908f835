package support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import scan.PathOrder;
import scan.TreeScanner;

/**
 * The unzip tools a client may use, each extracting a zip into a folder as the client would, and what
 * an extracted folder holds: every file by its name, size and sha256, to compare with the manifest.
 * A tool not installed here is skipped (an assumption), never passed.
 */
public final class ClientReaders {
    private ClientReaders() {}

    /** A reader and how a client runs it. */
    public enum Reader {
        UNZIP("unzip", "unzip -q ZIP -d DIR"),
        BSDTAR_FILE("bsdtar", "bsdtar -xf ZIP -C DIR (Windows' tar, libarchive)"),
        BSDTAR_PIPE("bsdtar", "cat ZIP | bsdtar -xf - -C DIR"),
        SEVEN_ZIP("7z", "7z x -oDIR ZIP"),
        PYTHON_ZIPFILE("python3", "Python's zipfile.extractall"),
        ZIP_INPUT_STREAM(null, "java.util.zip.ZipInputStream");

        private final String program;
        private final String shown;

        Reader(String program, String shown) {
            this.program = program;
            this.shown = shown;
        }

        @Override
        public String toString() {
            return shown;
        }

        /** Extracts {@code zip} into the folder {@code into} (which exists), as a client running this reader would. */
        public void extract(Path zip, Path into) throws IOException {
            if (this == ZIP_INPUT_STREAM) {
                extractByStream(zip, into);
                return;
            }
            assumeTrue(HookTrees.onPath(program), program + " is not installed here");
            String z = zip.toString();
            String d = into.toString();
            HookTrees.Result run = switch (this) {
                case UNZIP -> HookTrees.exec(null, "unzip", "-q", z, "-d", d);
                case BSDTAR_FILE -> HookTrees.exec(null, "bsdtar", "-xf", z, "-C", d);
                case BSDTAR_PIPE -> HookTrees.exec(null, "bash", "-c", "cat \"$0\" | bsdtar -xf - -C \"$1\"", z, d);
                case SEVEN_ZIP -> HookTrees.exec(null, "7z", "x", "-y", "-o" + d, z);
                case PYTHON_ZIPFILE -> HookTrees.exec(null, "python3", "-c",
                        "import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1]) as z:\n    z.extractall(sys.argv[2])", z, d);
                case ZIP_INPUT_STREAM -> throw new IllegalStateException("extracted in this JVM");
            };
            assertEquals(0, run.exitCode(), this + " failed: " + tail(run.output()));
        }

        /** What a Java service does with an upload: read the entries as a stream, each written under the folder. */
        private static void extractByStream(Path zip, Path into) throws IOException {
            try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file, StandardCharsets.UTF_8)) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    Path target = into.resolve(entry.getName()).normalize();
                    if (!target.startsWith(into)) {
                        throw new IOException("an entry outside the folder: " + entry.getName());
                    }
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
    }

    private static String tail(String output) {
        return output.length() <= 2000 ? output : "..." + output.substring(output.length() - 2000);
    }

    /** One file as a client finds it: its size and sha256. */
    public record FileState(long size, String sha256) {}

    /** What the manifest lists: each entry's path (its bytes, as UTF-8) with its size and sha256, in v1 order. */
    public static Map<String, FileState> listed(Path manifest) throws IOException {
        Map<String, FileState> listed = new TreeMap<>(PathOrder.UTF8_BYTES);
        for (JsonNode entry : TempTrees.readJson(manifest).get("entries")) {
            listed.put(entry.get("relative_path").asText(), new FileState(entry.get("uncompressed_bytes").asLong(),
                    entry.get("sha256_or_blake3").asText().substring("sha256:".length())));
        }
        return listed;
    }

    /**
     * Every regular file under {@code folder} by its relative name. On Linux the JVM decodes a name's bytes
     * as UTF-8 and changes nothing else (no normal form), so two names are equal here exactly when their
     * bytes are; bytes that are not UTF-8 would decode to U+FFFD, which fails. Anything but files and
     * folders (a link a reader made) fails too.
     */
    public static Map<String, FileState> tree(Path folder) throws IOException {
        Map<String, FileState> files = new TreeMap<>(PathOrder.UTF8_BYTES);
        List<String> strange = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String name = TreeScanner.relative(folder, path);
                if (name.indexOf('\uFFFD') >= 0 || !(attributes.isRegularFile() || attributes.isDirectory())) {
                    strange.add(name);
                } else if (attributes.isRegularFile()) {
                    files.put(name, new FileState(attributes.size(), TempTrees.sha256(Files.readAllBytes(path))));
                }
            }
        }
        assertEquals(List.of(), strange, "a name that is not UTF-8, or something other than a file or folder");
        return files;
    }

    /** Differences shown per file (the first 20: a reader that changes every name would list 65,535). */
    private static final int DIFFERENCES_SHOWN = 20;

    /**
     * How an extracted folder differs from what the manifest lists: files missing, files no entry names,
     * files of other sizes or digests; each non-ASCII name with its UTF-8 bytes, since NFC and NFD look alike.
     */
    public static List<String> differences(Map<String, FileState> listed, Map<String, FileState> found) {
        List<String> differences = new ArrayList<>();
        listed.forEach((name, state) -> {
            FileState got = found.get(name);
            if (got == null) {
                differences.add("missing " + bytesOf(name));
            } else if (!got.equals(state)) {
                differences.add(bytesOf(name) + " is " + got + ", the manifest says " + state);
            }
        });
        found.keySet().stream().filter(name -> !listed.containsKey(name)).forEach(name -> differences.add("not listed " + bytesOf(name)));
        return differences.size() <= DIFFERENCES_SHOWN ? differences : differences.subList(0, DIFFERENCES_SHOWN);
    }

    private static String bytesOf(String name) {
        boolean ascii = name.chars().allMatch(c -> c < 0x80);
        return ascii ? name : name + " [" + HexFormat.ofDelimiter(" ").formatHex(name.getBytes(StandardCharsets.UTF_8)) + "]";
    }

    /**
     * A new folder to extract into: in memory ({@code /dev/shm}) where there is one, since a delivery of
     * 65,535 files takes 15-20 s to create on this machine's disk and about 4 s there; else under {@code fallback}.
     */
    public static Path extractionFolder(Path fallback, String name) throws IOException {
        Path memory = Path.of("/dev/shm");
        Path parent = Files.isDirectory(memory) && Files.isWritable(memory) ? memory : fallback;
        return Files.createDirectories(parent.resolve("prezip-extract-" + name + "-" + UUID.randomUUID()));
    }
}
