package report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import datadir.DataDir;
import datadir.ProjectId;
import errors.ErrorCode;
import errors.PrezipException;
import io.AtomicFiles;
import io.BoundedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import json.Json;
import json.JsonTree;

/**
 * The integration hook's project manifest, DATA/projects/ID_manifest.json: after a successful commit,
 * {@code finishedAt} and {@code metrics} are set and every other field is kept as it was.
 */
public final class ProjectManifest {
    /** Reads numbers exactly as written, so fields the toolkit does not own come back byte for byte in value. */
    private static final ObjectMapper EXACT = Json.MAPPER.copy()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private ProjectManifest() {}

    public record Metrics(int eligibleFiles, long eligibleBytes, Map<String, Integer> excludedByReason,
                          long zipBytes, String zipSha256, long durationMs) {}

    /** Fails before a commit starts if the hook could not update the file afterwards. */
    public static void requireUpdatable(DataDir data, ProjectId id) {
        read(data.projectManifestFile(id), id);
    }

    public static void recordCommit(DataDir data, ProjectId id, Instant finishedAt, Metrics metrics) {
        Path file = data.projectManifestFile(id);
        ObjectNode manifest = read(file, id);
        manifest.put("finishedAt", finishedAt.toString());
        manifest.set("metrics", Json.MAPPER.valueToTree(metrics));
        AtomicFiles.write(file, Json.bytes(manifest));
    }

    private static ObjectNode read(Path file, ProjectId id) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            ObjectNode fresh = EXACT.createObjectNode();
            fresh.put("projectId", id.value());
            return fresh;
        }
        JsonNode existing;
        try {
            // A data file like the others: a FIFO or device there is refused by name, never read (it would hang).
            existing = EXACT.readTree(BoundedFiles.readBytes(file, ErrorCode.PZ_PROJECT_MANIFEST_INVALID, JsonTree.DATA_FILE_MAX_BYTES));
        } catch (IOException e) {
            throw new PrezipException(ErrorCode.PZ_PROJECT_MANIFEST_INVALID, file + ": not valid JSON (" + e.getMessage() + ")");
        }
        if (existing == null || !existing.isObject()) {
            throw new PrezipException(ErrorCode.PZ_PROJECT_MANIFEST_INVALID, file + ": must be a JSON object");
        }
        return (ObjectNode) existing;
    }
}
