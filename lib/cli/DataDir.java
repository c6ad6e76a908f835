package cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data directory and the files the toolkit keeps in it. Default: {@code data/} beside
 * jbang-catalog.json; {@code PREZIP_DATA_DIR} overrides the default; {@code --data-dir} overrides both.
 */
public record DataDir(Path root) {
    public static final String ENV_VARIABLE = "PREZIP_DATA_DIR";
    private static final String CATALOG = "jbang-catalog.json";

    static DataDir resolve(Path explicit) {
        if (explicit != null) {
            return new DataDir(explicit);
        }
        String fromEnv = System.getenv(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new DataDir(Path.of(fromEnv));
        }
        return new DataDir(toolkitHome().resolve("data"));
    }

    /**
     * The folder holding jbang-catalog.json, the nearest at or above the working directory (JBang runs
     * a cached jar and does not tell the script where its source is); the working directory if none.
     */
    static Path toolkitHome() {
        Path cwd = Path.of("").toAbsolutePath();
        Path home = findCatalogUpwards(cwd);
        return home != null ? home : cwd;
    }

    private static Path findCatalogUpwards(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(CATALOG))) {
                return dir;
            }
        }
        return null;
    }

    public Path projectsDir() {
        return root.resolve("projects");
    }

    public Path allowlistFile(ProjectId id) {
        return projectsDir().resolve(id.value() + "_allowed_ext.json");
    }

    public Path globalBansFile() {
        return root.resolve("global_bans.json");
    }

    /** The credential rules the content scan applies. */
    public Path secretRulesFile() {
        return root.resolve("secret_rules.json");
    }

    /** The integration hook's project manifest, updated after each successful commit. */
    public Path projectManifestFile(ProjectId id) {
        return projectsDir().resolve(id.value() + "_manifest.json");
    }

    /** One compact JSON line per commit attempt, for the dashboard. */
    public Path dashboardSummaryFile() {
        return root.resolve("dashboard").resolve("summary.jsonl");
    }

    public Path policiesDir() {
        return root.resolve("policies");
    }

    /** Fails with a clear message unless the data directory is there and readable. */
    public DataDir requireReadable() {
        if (!Files.isDirectory(root) || !Files.isReadable(root)) {
            throw new PrezipException(ErrorCode.PZ_DATA_DIR_INVALID,
                    "data directory " + root + " is missing or unreadable: " + ErrorCode.PZ_DATA_DIR_INVALID.advice()
                            + " (outside the prezip repository there is no default)");
        }
        return this;
    }
}
