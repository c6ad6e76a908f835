import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The integration hook's project manifest, DATA/projects/ID_manifest.json: after a successful commit,
 * {@code finishedAt} and {@code metrics} are set and every other field is kept as it was.
 */
final class ProjectManifest {
    private ProjectManifest() {}

    record Metrics(int eligibleFiles, long eligibleBytes, Map<String, Integer> excludedByReason,
                   long zipBytes, String zipSha256, long durationMs) {}

    static void recordCommit(DataDir data, ProjectId id, Instant finishedAt, Metrics metrics) {
        Path file = data.projectManifestFile(id);
        ObjectNode manifest;
        if (Files.exists(file)) {
            JsonNode existing = Json.read(file, ErrorCode.PZ_PROJECT_MANIFEST_INVALID);
            if (!existing.isObject()) {
                throw new PrezipException(ErrorCode.PZ_PROJECT_MANIFEST_INVALID, file + ": must be a JSON object");
            }
            manifest = (ObjectNode) existing;
        } else {
            manifest = Json.MAPPER.createObjectNode();
            manifest.put("projectId", id.value());
        }
        manifest.put("finishedAt", finishedAt.toString());
        manifest.set("metrics", Json.MAPPER.valueToTree(metrics));
        AtomicFiles.write(file, Json.bytes(manifest));
    }
}
