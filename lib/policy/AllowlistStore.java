package policy;

import datadir.DataDir;
import datadir.DataFile;
import datadir.ProjectId;
import errors.ErrorCode;
import errors.PrezipException;
import io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import json.Json;
import json.JsonTree;

/** Reads and writes allowlists under DATA/projects, keeping them immutable as the schema asks. */
public record AllowlistStore(DataDir dataDir) {

    public Allowlist load(ProjectId id) {
        return read(id).allowlist();
    }

    /** An allowlist and the sha256 of the bytes it was parsed from (the run's provenance names both). */
    public record Read(Allowlist allowlist, Path file, String sha256) {}

    public Read read(ProjectId id) {
        Path file = dataDir.allowlistFile(id);
        if (!Files.exists(file)) {
            throw new PrezipException(ErrorCode.PZ_ALLOWLIST_MISSING,
                    "no allowlist for project '" + id + "' at " + file + "; run inventory first: "
                            + "./jbang inventory --project-id " + id + " --content-dir <original content dir>");
        }
        DataFile bytes = DataFile.of(file, ErrorCode.PZ_ALLOWLIST_INVALID, JsonTree.DATA_FILE_MAX_BYTES);
        return new Read(Allowlist.parse(file, JsonTree.parse(bytes.bytes(), file, ErrorCode.PZ_ALLOWLIST_INVALID), id), file,
                bytes.sha256());
    }

    /**
     * Writes a new allowlist. An existing one is never overwritten: without {@code reinventory} the write
     * is refused; with it the old file is kept as {@code <id>_allowed_ext.<N>.json} (next free N).
     *
     * @return the path of the kept prior copy, or null when there was none
     */
    public Path save(Allowlist allowlist, boolean reinventory) {
        ProjectId id = new ProjectId(allowlist.projectId());
        Path file = dataDir.allowlistFile(id);
        try {
            Files.createDirectories(file.getParent());
            Path prior = null;
            if (Files.exists(file)) {
                if (!reinventory) {
                    throw new PrezipException(ErrorCode.PZ_ALLOWLIST_EXISTS,
                            file + " already exists: " + ErrorCode.PZ_ALLOWLIST_EXISTS.advice());
                }
                prior = nextFreeCopy(id);
                // Copied (not moved) first, so there is no moment at which the project has no allowlist.
                Files.copy(file, prior);
            }
            AtomicFiles.write(file, Json.bytes(allowlist));
            return prior;
        } catch (IOException e) {
            throw new PrezipException(ErrorCode.PZ_IO, "cannot write allowlist " + file + ": " + e, e);
        }
    }

    /**
     * The next version of a project's allowlist with these client overrides added: the content snapshot
     * stays as it was, the previous version is kept as {@code <id>_allowed_ext.<N>.json}. Extensions it
     * already allows add nothing; when none is new, nothing is written.
     *
     * @return the allowlist now, the extensions added, and the kept prior copy (null when nothing changed)
     */
    public Added addOverrides(ProjectId id, List<String> extensions) {
        Allowlist current = load(id);
        List<String> added = extensions.stream().distinct().filter(e -> !current.eligibleExtensions().contains(e)).sorted().toList();
        if (added.isEmpty()) {
            return new Added(current, added, null);
        }
        List<String> overrides = new ArrayList<>(current.clientWhitelistOverrides());
        overrides.addAll(added);
        Allowlist next = new Allowlist(current.projectId(), current.snapshotAt(), current.sourcePath(),
                current.allowedExtensions(), overrides, current.notes());
        return new Added(next, added, save(next, true));
    }

    public record Added(Allowlist allowlist, List<String> extensions, Path priorCopy) {}

    private Path nextFreeCopy(ProjectId id) {
        for (int n = 1; ; n++) {
            Path candidate = dataDir.projectsDir().resolve(id.value() + "_allowed_ext." + n + ".json");
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }
}
