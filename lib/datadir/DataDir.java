package datadir;

import com.fasterxml.jackson.databind.JsonNode;
import errors.ErrorCode;
import errors.PrezipException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import json.JsonTree;

/**
 * The data directory and the files the toolkit keeps in it. One rule wherever the operator stands, for
 * {@code ./jbang}, {@code jbang alias@catalog} and an installed app alike: {@code --data-dir}, else
 * {@code PREZIP_DATA_DIR}, else the toolkit's own {@code data/}. Files the toolkit ships (global bans,
 * presets, secret rules) are read from the data folder when it has them, else from the built-in copy.
 */
public record DataDir(Path root) {
    public static final String ENV_VARIABLE = "PREZIP_DATA_DIR";
    /** Set by the ./jbang wrapper to its own folder: JBang runs a cached jar that cannot tell where its source is. */
    public static final String HOME_VARIABLE = "PREZIP_HOME";
    private static final String CATALOG = "jbang-catalog.json";
    /** A folder is this toolkit's when it holds this script beside its catalog. */
    private static final String TOOLKIT_MARKER = "prezip_stager.java";

    public static DataDir resolve(Path explicit) {
        return resolve(explicit, System.getenv(), Path.of(System.getProperty("user.home")), Path.of("").toAbsolutePath());
    }

    /** The rule, over a given environment, home folder and working folder (tests pass their own). */
    static DataDir resolve(Path explicit, Map<String, String> env, Path userHome, Path cwd) {
        if (explicit != null) {
            return new DataDir(explicit);
        }
        String fromEnv = env.get(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new DataDir(Path.of(fromEnv));
        }
        Path home = toolkitHome(env, userHome, cwd);
        if (home == null) {
            throw new PrezipException(ErrorCode.PZ_DATA_DIR_INVALID, "no data folder given, and this command cannot tell where the"
                    + " toolkit is (it was not started by its ./jbang wrapper, nor from a catalog JBang has registered): "
                    + ErrorCode.PZ_DATA_DIR_INVALID.advice());
        }
        return new DataDir(home.resolve("data"));
    }

    /**
     * The toolkit's folder: {@code PREZIP_HOME} (the wrapper's), else the toolkit whose catalog is at or
     * above the working folder (where JBang itself found a bare alias: a second clone is its own toolkit),
     * else the one folder among JBang's registered catalogs ({@code jbang catalog add}) that holds this
     * toolkit. Never the working folder itself: data written there would be lost to the next run elsewhere.
     */
    static Path toolkitHome(Map<String, String> env, Path userHome, Path cwd) {
        String home = env.get(HOME_VARIABLE);
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (isToolkit(dir)) {
                return dir;
            }
        }
        Set<Path> registered = registeredToolkits(env, userHome);
        return registered.size() == 1 ? registered.iterator().next() : null;
    }

    private static boolean isToolkit(Path dir) {
        return Files.isRegularFile(dir.resolve(CATALOG)) && Files.isRegularFile(dir.resolve(TOOLKIT_MARKER));
    }

    /** The folders of JBang's registered local catalogs that hold this toolkit ($JBANG_DIR or ~/.jbang). */
    private static Set<Path> registeredToolkits(Map<String, String> env, Path userHome) {
        String jbangDir = env.get("JBANG_DIR");
        Path catalogs = (jbangDir != null && !jbangDir.isBlank() ? Path.of(jbangDir) : userHome.resolve(".jbang")).resolve(CATALOG);
        Set<Path> found = new LinkedHashSet<>();
        if (!Files.isRegularFile(catalogs)) {
            return found;
        }
        JsonNode root;
        try {
            root = JsonTree.read(catalogs, ErrorCode.PZ_DATA_DIR_INVALID);
        } catch (PrezipException e) {
            return found; // JBang's own file, unreadable to us: as if no catalog were registered
        }
        for (JsonNode catalog : root.path("catalogs")) {
            String ref = catalog.path("catalog-ref").asText("");
            if (ref.startsWith("file:")) {
                ref = ref.substring("file:".length());
            }
            try {
                Path file = Path.of(ref);
                if (file.isAbsolute() && file.getFileName() != null && file.getFileName().toString().equals(CATALOG)
                        && isToolkit(file.getParent())) {
                    found.add(file.getParent().toAbsolutePath().normalize());
                }
            } catch (InvalidPathException e) {
                // A remote catalog (https://...) or a name: not a folder this toolkit can be in.
            }
        }
        return found;
    }

    /**
     * A data file by its name under the folder ({@code global_bans.json}, {@code policies/NAME.json},
     * {@code secret_rules.json}): the folder's own, else the built-in copy; neither is {@code invalid}
     * with the path looked at.
     */
    public DataFile file(String name, ErrorCode invalid, long maxBytes) {
        DataFile file = find(name, invalid, maxBytes);
        if (file == null) {
            throw new PrezipException(invalid, root.resolve(name) + ": file not found (and no built-in copy of " + name + ")");
        }
        return file;
    }

    /** The same, or null where neither the folder nor the toolkit has the file (a preset nobody wrote). */
    public DataFile find(String name, ErrorCode invalid, long maxBytes) {
        return DataFile.inFolderOrBuiltIn(root, name, invalid, maxBytes);
    }

    /** The shipped global bans: the folder's own global_bans.json, else the built-in copy. */
    public DataFile globalBans() {
        return file(GLOBAL_BANS, ErrorCode.PZ_BANS_INVALID, JsonTree.DATA_FILE_MAX_BYTES);
    }

    public Path projectsDir() {
        return root.resolve("projects");
    }

    public Path allowlistFile(ProjectId id) {
        return projectsDir().resolve(id.value() + "_allowed_ext.json");
    }

    public static final String GLOBAL_BANS = "global_bans.json";
    public static final String SECRET_RULES = "secret_rules.json";
    public static final String POLICIES = "policies";

    /** The integration hook's project manifest, updated after each successful commit. */
    public Path projectManifestFile(ProjectId id) {
        return projectsDir().resolve(id.value() + "_manifest.json");
    }

    /** One compact JSON line per commit attempt, for the dashboard. */
    public Path dashboardSummaryFile() {
        return root.resolve("dashboard").resolve("summary.jsonl");
    }

    /** Fails with a clear message unless the data directory is there and readable. */
    public DataDir requireReadable() {
        if (!Files.isDirectory(root) || !Files.isReadable(root)) {
            throw new PrezipException(ErrorCode.PZ_DATA_DIR_INVALID, "data directory " + root + " is missing or unreadable: "
                    + ErrorCode.PZ_DATA_DIR_INVALID.advice());
        }
        return this;
    }
}
