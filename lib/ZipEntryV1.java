import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The spec's ZipEntryDraftV1 made active: one manifest line per zip entry, in zip order. */
// Fields a later v1 toolkit adds are ignored: only a schema_version change may break readers.
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ZipEntryV1(String relativePath, String sha256OrBlake3, long uncompressedBytes, String normalizedMode) {

    /** The digest is always sha256 here; the prefix says so, as the field name allows blake3 too. */
    static final String SHA256_PREFIX = "sha256:";

    static ZipEntryV1 of(String relativePath, String sha256Hex, long bytes) {
        return new ZipEntryV1(relativePath, SHA256_PREFIX + sha256Hex, bytes, ZipPolicyV1.NORMALIZED_MODE);
    }
}
