package zip;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import provenance.Toolkit;

/**
 * The spec's ZipPackagingMetadataDraftV1 made active: the policy constants plus the values one zip was
 * built with. Written under "metadata" in every manifest, and by the zip_packaging capability preview.
 * {@code blockDeflateMinBytes} and {@code deflateBlockBytes} (since 1.3.0; absent before) say which
 * entries were deflated in blocks and how large the blocks are: the deflate stream of such an entry
 * depends on them, any reader inflates it. {@code entryNameForm} (since 1.4.0; absent before, when names
 * were the source's as they were) is the Unicode form of every entry name: {@code "nfc"}.
 */
// Fields a later v1 toolkit adds are ignored: only a schema_version change may break readers.
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ZipPackagingMetadataV1(
        int schemaVersion,
        String format,
        String entryOrder,
        String timestampPolicy,
        String permissionPolicy,
        long fixedEpochMs,
        String fixedTimeUtc,
        String fileMode,
        List<String> storedExtensions,
        int deflateLevel,
        Long blockDeflateMinBytes,
        Integer deflateBlockBytes,
        String entryNameForm,
        Toolchain toolchain) {

    /**
     * What built the zip: the toolkit (whose version decides the bytes) and the JVM it ran on (which does
     * not, since 1.4.0: the deflater is chosen to write classic zlib's bytes, see the run's {@code deflater}).
     * A 1.0.0 manifest also names its Zip4j version; it is read and ignored.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Toolchain(String toolkitVersion, String javaVersion, String javaVendor) {

        static Toolchain current() {
            return new Toolchain(Toolkit.VERSION, System.getProperty("java.version"), System.getProperty("java.vendor"));
        }
    }

    public static ZipPackagingMetadataV1 current(long fixedEpochMs) {
        return new ZipPackagingMetadataV1(
                ZipPolicyV1.SCHEMA_VERSION,
                ZipPolicyV1.FORMAT,
                ZipPolicyV1.ENTRY_ORDER,
                ZipPolicyV1.TIMESTAMP_POLICY,
                ZipPolicyV1.PERMISSION_POLICY,
                fixedEpochMs,
                Instant.ofEpochMilli(fixedEpochMs).toString(),
                "0" + Integer.toOctalString(ZipPolicyV1.FILE_MODE),
                ZipPolicyV1.STORED_EXTENSIONS,
                ZipPolicyV1.DEFLATE_LEVEL,
                ZipPolicyV1.BLOCK_DEFLATE_MIN_BYTES,
                ZipPolicyV1.DEFLATE_BLOCK_BYTES,
                ZipPolicyV1.ENTRY_NAME_FORM,
                Toolchain.current());
    }
}
