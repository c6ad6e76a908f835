package zip;

import cli.ErrorCode;
import cli.Json;
import cli.JsonTree;
import cli.PrezipException;
import cli.RunRecord;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.List;
import policy.PolicyPreset;

/**
 * {@code <zip>.manifest.json}: the policy the zip was built with, the preset applied (if any), the run
 * that made it (its provenance; absent in manifests before 1.2.0), every entry's digest, the zip's own.
 */
// Fields a later v1 toolkit adds are ignored: only a schema_version change may break readers.
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ZipManifest(ZipPackagingMetadataV1 metadata, PolicyPreset.Applied policy, RunRecord run,
                          List<ZipEntryV1> entries, long zipBytes, String zipSha256) {

    public ZipManifest {
        entries = entries instanceof ZipEntryV1.StagedView ? entries : List.copyOf(entries);
    }

    /**
     * The most a zip's manifest may hold: an entry costs the zip at least 76 bytes and twice its name,
     * the manifest about 200 and its name once, so 4 bytes of manifest per byte of zip (plus room) is
     * every real manifest, and a 2.5 GB file beside a small zip is refused before it is read.
     */
    public static long maxBytesFor(long zipBytes) {
        return MANIFEST_FLOOR_BYTES + 4 * Math.min(zipBytes, Long.MAX_VALUE / 8);
    }

    /** See {@link #maxBytesFor}: room for the metadata, provenance and a few entries whatever the zip. */
    static final long MANIFEST_FLOOR_BYTES = 16L << 20;

    public static Path pathFor(Path zip) {
        return zip.resolveSibling(zip.getFileName() + ".manifest.json");
    }

    /**
     * Reads a manifest. The schema version is checked before anything else is bound, so a manifest of
     * an unknown version is reported as such rather than as a malformed file.
     */
    public static ZipManifest read(Path file, long maxBytes) {
        JsonNode root = JsonTree.parse(JsonTree.readBytes(file, ErrorCode.PZ_MANIFEST_INVALID, maxBytes), file,
                ErrorCode.PZ_MANIFEST_INVALID);
        JsonNode version = root.path("metadata").path("schema_version");
        if (!version.isInt() || version.intValue() != ZipPolicyV1.SCHEMA_VERSION) {
            throw new PrezipException(ErrorCode.PZ_MANIFEST_VERSION, file + ": metadata.schema_version is "
                    + (version.isMissingNode() ? "missing" : version.toString()) + "; this verifier knows only "
                    + ZipPolicyV1.SCHEMA_VERSION);
        }
        try {
            return Json.MAPPER.treeToValue(root, ZipManifest.class);
        } catch (JsonProcessingException e) {
            throw new PrezipException(ErrorCode.PZ_MANIFEST_INVALID, file + ": " + e.getOriginalMessage());
        }
    }
}
