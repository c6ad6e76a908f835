package support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import datadir.DataDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import json.Json;

/** Builds temp content trees and data directories for the tests. */
public final class TempTrees {
    private TempTrees() {}

    /** The repository root: the nearest folder at or above the working directory holding jbang-catalog.json. */
    public static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("jbang-catalog.json")) && Files.isDirectory(dir.resolve("data"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (jbang-catalog.json) above " + Path.of("").toAbsolutePath());
    }

    public static Path repoGlobalBans() {
        return repoRoot().resolve("data").resolve("global_bans.json");
    }

    public static Path repoSecretRules() {
        return repoRoot().resolve("data").resolve("secret_rules.json");
    }

    /** A data dir at {@code parent/data} with the shipped global_bans.json and secret_rules.json, and no allowlist. */
    public static Path dataDir(Path parent) {
        try {
            Path data = Files.createDirectories(parent.resolve("data"));
            Files.createDirectories(data.resolve("projects"));
            Files.copy(repoGlobalBans(), data.resolve("global_bans.json"));
            Files.copy(repoSecretRules(), data.resolve("secret_rules.json"));
            Files.copy(repoRoot().resolve("data").resolve("content_types.json"), data.resolve("content_types.json"));
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A data dir at {@code parent/data} with the shipped bans and an allowlist for {@code projectId}. */
    public static Path dataDir(Path parent, String projectId, List<String> allowed) {
        return dataDir(parent, projectId, allowed, List.of());
    }

    public static Path dataDir(Path parent, String projectId, List<String> allowed, List<String> overrides) {
        Path data = dataDir(parent);
        writeAllowlist(data, projectId, allowed, overrides);
        return data;
    }

    public static Path writeAllowlist(Path data, String projectId, List<String> allowed, List<String> overrides) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("projectId", projectId);
        root.put("snapshotAt", "2025-10-06T16:20:00Z");
        root.put("sourcePath", "content");
        ArrayNode a = root.putArray("allowedExtensions");
        allowed.forEach(a::add);
        ArrayNode o = root.putArray("clientWhitelistOverrides");
        overrides.forEach(o::add);
        root.put("notes", "test allowlist");
        return writeString(data.resolve("projects").resolve(projectId + "_allowed_ext.json"), root.toPrettyString());
    }

    public static Path allowlistFile(Path data, String projectId) {
        return data.resolve("projects").resolve(projectId + "_allowed_ext.json");
    }

    /** Writes a file (creating its folders) and returns it. */
    /**
     * A file that is what its name says by its first bytes (content types, issue 30): the signature of the
     * type its extension names (PNG, OpenEXR), then {@code text}. Fixtures under the strict preset need them.
     */
    public static Path honest(Path root, String relative, String text) {
        String name = relative.toLowerCase(java.util.Locale.ROOT);
        byte[] signature = name.endsWith(".png") ? new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}
                : name.endsWith(".exr") ? new byte[] {0x76, 0x2f, 0x31, 0x01} : new byte[0];
        byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(signature, signature.length + body.length);
        System.arraycopy(body, 0, all, signature.length, body.length);
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.write(file, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path file(Path root, String relative, String content) {
        return writeString(root.resolve(relative), content);
    }

    /** Compressible text of the given length (words from a fixed seed), as a plate or CSV export would deflate. */
    public static byte[] compressibleText(int length) {
        java.util.Random random = new java.util.Random(length);
        byte[] bytes = new byte[length];
        String[] words = {"plate ", "render ", "frame ", "0042 ", "alpha ", "beauty ", "pass\n", "comp "};
        int at = 0;
        while (at < length) {
            byte[] word = words[random.nextInt(words.length)].getBytes(StandardCharsets.US_ASCII);
            int n = Math.min(word.length, length - at);
            System.arraycopy(word, 0, bytes, at, n);
            at += n;
        }
        return bytes;
    }

    public static Path writeString(Path file, String content) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            return Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path symlink(Path link, Path target) {
        try {
            if (link.getParent() != null) {
                Files.createDirectories(link.getParent());
            }
            return Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether mkfifo is available (tests that need a FIFO are skipped without it). */
    public static boolean canMakeFifo() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "mkfifo"))) {
                return true;
            }
        }
        return false;
    }

    public static Path fifo(Path path) {
        try {
            Files.createDirectories(path.getParent());
            Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("mkfifo failed for " + path);
            }
            if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalStateException("mkfifo did not create a FIFO at " + path);
            }
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Everything under {@code root} (not following links): relative path to kind, size, mtime and content
     * hash. Equal snapshots mean nothing was created, deleted or changed.
     */
    public static Map<String, String> snapshot(Path root) {
        Map<String, String> state = new TreeMap<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    state.put(rel(root, dir) + "/", "dir mtime=" + attrs.lastModifiedTime().toMillis());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String what;
                    if (attrs.isSymbolicLink()) {
                        what = "link -> " + Files.readSymbolicLink(file);
                    } else if (attrs.isRegularFile()) {
                        what = "file size=" + attrs.size() + " mtime=" + attrs.lastModifiedTime().toMillis()
                                + " sha256=" + sha256(Files.readAllBytes(file));
                    } else {
                        what = "other mtime=" + attrs.lastModifiedTime().toMillis();
                    }
                    state.put(rel(root, file), what);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return state;
    }

    private static String rel(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the entries directly in a folder, sorted. */
    public static List<String> list(Path dir) {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a file with mode 000 is unreadable to this user (false for root, or without POSIX permissions). */
    static boolean canBeDeniedRead() {
        Path probe = null;
        try {
            probe = Files.createTempFile("prezip-perm", ".tmp");
            Files.setPosixFilePermissions(probe, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
            return !Files.isReadable(probe);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException ignored) {
                    // a temp file left in the system temp dir is harmless
                }
            }
        }
    }

    /** Whether the JVM decodes file names as UTF-8 (non-ASCII name tests need it). */
    public static boolean utf8FileNames() {
        String jnu = System.getProperty("sun.jnu.encoding");
        return jnu == null || java.nio.charset.Charset.forName(jnu).equals(StandardCharsets.UTF_8);
    }

    // ---- shared by the CLI tests ----

    /** The stager's usual arguments for one project, content folder, data folder and zip, plus extras. */
    public static String[] args(String projectId, Path content, Path data, Path zip, String... extra) {
        List<String> all = new java.util.ArrayList<>(List.of("--project-id", projectId, "--content-dir", content.toString(),
                "--data-dir", data.toString(), "--output-zip", zip.toString()));
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }

    /** Report "eligible" paths, in report order. */
    public static List<String> eligiblePaths(com.fasterxml.jackson.databind.JsonNode report) {
        List<String> paths = new java.util.ArrayList<>();
        report.get("eligible").forEach(e -> paths.add(e.get("path").asText()));
        return paths;
    }

    /** Report "excluded" as path -> reason, in report order. */
    public static Map<String, String> excludedReasons(com.fasterxml.jackson.databind.JsonNode report) {
        Map<String, String> reasons = new java.util.LinkedHashMap<>();
        report.get("excluded").forEach(e -> reasons.put(e.get("path").asText(), e.get("reason").asText()));
        return reasons;
    }

    public static boolean exists(Path p) {
        return Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** The java running the tests, for child JVMs. */
    public static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The real prezip_stager in a child JVM on the tests' classpath, under a UTF-8 locale and no overrides. */
    public static ProcessBuilder stagerProcess(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                "prezip_stager"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().remove("SOURCE_DATE_EPOCH");
        builder.environment().remove(DataDir.ENV_VARIABLE);
        return builder;
    }

    public static com.fasterxml.jackson.databind.JsonNode readJson(Path file) {
        try {
            return Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path file, byte[] bytes) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
