package support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import datadir.DataDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import json.Json;
import report.DashboardLog;

/**
 * Helpers for the issue-5 tests (presets, companions, project manifest, dashboard, checksum, signature):
 * data dirs with the shipped presets, the stager's usual arguments, JSON files read back, external tools.
 */
public final class HookTrees {
    private HookTrees() {}

    /**
     * A data dir at {@code parent/data} with the shipped global_bans.json, every shipped preset under
     * {@code policies/}, and an allowlist for {@code projectId}.
     */
    public static Path dataDir(Path parent, String projectId, List<String> allowed) {
        Path data = TempTrees.dataDir(parent, projectId, allowed);
        try {
            Path policies = Files.createDirectories(data.resolve("policies"));
            try (var shipped = Files.list(TempTrees.repoRoot().resolve("data").resolve("policies"))) {
                for (Path preset : shipped.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                    Files.copy(preset, policies.resolve(preset.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return data;
    }

    /** The shipped preset file {@code data/policies/NAME.json} of the repository. */
    public static Path repoPreset(String name) {
        return TempTrees.repoRoot().resolve("data").resolve("policies").resolve(name + ".json");
    }

    public static Path projectManifest(Path data, String projectId) {
        return data.resolve("projects").resolve(projectId + "_manifest.json");
    }

    public static Path dashboard(Path data) {
        return data.resolve("dashboard").resolve("summary.jsonl");
    }

    /** The dashboard's lines (empty when the file does not exist). */
    public static List<String> dashboardLines(Path data) {
        Path file = dashboard(data);
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = TempTrees.readString(file);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new AssertionError("the dashboard does not end with a newline: " + text);
        }
        List<String> parts = List.of(text.split("\n", -1));
        return parts.subList(0, parts.size() - 1);
    }

    /** Exactly one JSON document (trailing content is an error). */
    public static JsonNode parseJson(String text) {
        try {
            return Json.MAPPER.readerFor(JsonNode.class)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readValue(text);
        } catch (IOException e) {
            throw new AssertionError("not exactly one JSON document: " + e.getMessage() + "\n" + text, e);
        }
    }

    static byte[] read(Path file) {
        return TempTrees.readBytes(file);
    }

    /** Flips every bit of one byte of a file. */
    public static void flipByte(Path file, int index) {
        byte[] bytes = read(file);
        bytes[index] ^= (byte) 0xFF;
        TempTrees.write(file, bytes);
    }

    /** A field name to its value, for the objects of a JSON array keyed by {@code keyField}. */
    static Map<String, JsonNode> byKey(JsonNode array, String keyField) {
        Map<String, JsonNode> map = new java.util.TreeMap<>();
        array.forEach(n -> map.put(n.get(keyField).asText(), n));
        return map;
    }

    // ---- external tools ----

    /** Whether an executable of that name is on PATH. */
    public static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Whether openssl is on PATH and is 3.x or later (pkeyutl -rawin, needed for Ed25519). */
    public static boolean opensslWithRawin() {
        if (!onPath("openssl")) {
            return false;
        }
        Result r = exec(null, "openssl", "version");
        if (r.exitCode() != 0) {
            return false;
        }
        String[] words = r.output().trim().split("\\s+");
        if (words.length < 2 || !words[0].equals("OpenSSL")) {
            return false;
        }
        try {
            return Integer.parseInt(words[1].split("\\.")[0]) >= 3;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public record Result(int exitCode, String output) {}

    /** Runs a command in {@code dir} (or the working dir), stdout and stderr merged; -1 when it hangs. */
    public static Result exec(Path dir, String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            pb.environment().put("LC_ALL", "C.UTF-8");
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, new String(out, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- keys ----

    /** A fresh Ed25519 key pair from the JDK (no openssl needed). */
    public static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key's encoded form (PKCS#8 for private, X.509 SubjectPublicKeyInfo for public) as PEM. */
    public static Path writePem(Path file, Key key) {
        String type = key instanceof java.security.PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return TempTrees.write(file, ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    // ---- a child JVM appending to the dashboard ----

    /** Starts {@link Appender} in a child JVM with this JVM's class path. */
    public static Process startAppender(Path data, String tag, int lines, int padding) {
        List<String> command = List.of(TempTrees.javaBinary(), "-cp", System.getProperty("java.class.path"),
                Appender.class.getName(), data.toString(), tag, Integer.toString(lines), Integer.toString(padding));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the real {@code prezip_stager} main (System.exit and all) in a child JVM with this JVM's class
     * path; stdout and stderr go to separate files.
     */
    public static Process startStager(Path stdout, Path stderr, String... args) {
        try {
            return TempTrees.stagerProcess(args).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a child (at most two minutes) and returns its exit code. */
    public static int await(Process p) {
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("child JVM hung");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A dashboard line whose outputZip is padded to {@code padding} characters (to make writes large). */
    public static DashboardLog.Line line(String tag, int n, int padding) {
        String zip = "/out/" + tag + "-" + n + "-" + "x".repeat(Math.max(0, padding)) + ".zip";
        return new DashboardLog.Line("2025-10-06T16:20:00Z", "p-" + tag, "ok", n, n * 10L,
                Map.of("not_allowed", n, "hidden", 1), "ab".repeat(32), zip);
    }

    /** {@code Appender DATA TAG LINES PADDING}: appends LINES dashboard lines, then exits 0. */
    static final class Appender {
        public static void main(String... args) {
            DataDir data = new DataDir(Path.of(args[0]));
            int lines = Integer.parseInt(args[2]);
            int padding = Integer.parseInt(args[3]);
            for (int i = 0; i < lines; i++) {
                DashboardLog.append(data, line(args[1], i, padding));
            }
            System.exit(0);
        }
    }

    /** The fields of a dashboard line (DATA/dashboard/summary.jsonl), as the contract names them. */
    public static final Set<String> DASHBOARD_FIELDS = Set.of("at", "projectId", "status", "eligibleFiles", "eligibleBytes",
            "excludedByReason", "outputZip");

    /** The line parsed, after checking it is one compact JSON object with exactly the contract's fields. */
    public static JsonNode parseDashboardLine(String line, boolean withSha) {
        assertFalse(line.contains("\n") || line.contains("\r"), line);
        JsonNode node = parseJson(line);
        assertTrue(node.isObject(), line);
        assertEquals(node.toString(), line, "compact: no whitespace between tokens");
        Set<String> expected = new TreeSet<>(DASHBOARD_FIELDS);
        if (withSha) {
            expected.add("zipSha256");
        }
        // An attempt that stopped on an error names its code; one stopped by credentials names where.
        if (!"ok".equals(node.path("status").asText())) {
            expected.add("errorCode");
        }
        if ("PZ_SECRET_FOUND".equals(node.path("errorCode").asText())) {
            expected.add("secrets");
        }
        // A delivered re-delivery's line carries the counts of what changed since the delivery it replaced.
        if (node.has("changes")) {
            expected.add("changes");
            Set<String> counts = new TreeSet<>();
            node.get("changes").fieldNames().forEachRemaining(counts::add);
            assertEquals(new TreeSet<>(Set.of("added", "removed", "changed", "unchanged")), counts, line);
            node.get("changes").forEach(count -> assertTrue(count.isIntegralNumber(), line));
        }
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        assertEquals(expected, names, line);
        Instant.parse(node.get("at").asText());
        assertTrue(node.get("at").asText().endsWith("Z"), "UTC: " + line);
        assertTrue(node.get("eligibleFiles").isIntegralNumber(), line);
        assertTrue(node.get("eligibleBytes").isIntegralNumber(), line);
        assertTrue(node.get("excludedByReason").isObject(), line);
        return node;
    }

    /** The stderr lines that are JSON objects (the dashboard line; error lines are plain text). */
    public static List<String> jsonLinesOf(String err) {
        List<String> lines = new ArrayList<>();
        for (String l : err.split("\\R")) {
            if (l.startsWith("{")) {
                lines.add(l);
            }
        }
        return lines;
    }
}
