package verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import zip.ZipLayout;
import zip.ZipPackagingMetadataV1;

/**
 * Whether this toolkit can make a zip again from what its manifest says: the layout must be one it writes
 * (toolkit {@link ZipLayout#SINCE_TOOLKIT_VERSION} and later) and every policy value the one it writes
 * ({@link ZipPackagingMetadataV1#current}), the fixed time being the manifest's own. What it cannot make
 * again is refused by name: a rebuild with other values would differ and prove nothing.
 */
final class RebuildPolicy {
    /**
     * One metadata field as the manifest names it, how to read it, and whether a manifest may lack it (one
     * from before the field: before 1.3.0 for the blocks, where entries over the threshold are refused one
     * by one; before 1.4.0 for the names' form, where a decomposed name is).
     */
    private record Field(String name, Function<ZipPackagingMetadataV1, Object> value, boolean mayLack) {}

    /** Every policy value that shapes the zip's bytes; the toolchain is provenance, not policy. */
    private static final List<Field> FIELDS = List.of(
            new Field("schema_version", ZipPackagingMetadataV1::schemaVersion, false),
            new Field("format", ZipPackagingMetadataV1::format, false),
            new Field("entry_order", ZipPackagingMetadataV1::entryOrder, false),
            new Field("timestamp_policy", ZipPackagingMetadataV1::timestampPolicy, false),
            new Field("permission_policy", ZipPackagingMetadataV1::permissionPolicy, false),
            new Field("fixed_time_utc", ZipPackagingMetadataV1::fixedTimeUtc, false),
            new Field("file_mode", ZipPackagingMetadataV1::fileMode, false),
            new Field("stored_extensions", ZipPackagingMetadataV1::storedExtensions, false),
            new Field("deflate_level", ZipPackagingMetadataV1::deflateLevel, false),
            new Field("block_deflate_min_bytes", ZipPackagingMetadataV1::blockDeflateMinBytes, true),
            new Field("deflate_block_bytes", ZipPackagingMetadataV1::deflateBlockBytes, true),
            new Field("entry_name_form", ZipPackagingMetadataV1::entryNameForm, true));

    private RebuildPolicy() {}

    /** Why the zip cannot be made again from this manifest's values (each a sentence), or none. */
    static List<String> refusals(ManifestCheck.Usable manifest) {
        List<String> refusals = new ArrayList<>();
        if (manifest.metadata == null || manifest.fixedEpochMs == null) {
            refusals.add("the manifest's metadata is missing or invalid (VZ_MANIFEST_INVALID): the policy to pack with is unknown");
        } else {
            if (!manifest.layoutSince110) {
                refusals.add("toolkit " + VerifyFinding.quote(manifest.metadata.toolchain().toolkitVersion())
                        + " wrote this zip in a layout before " + ZipLayout.SINCE_TOOLKIT_VERSION
                        + " (Zip4j: data descriptors, zip64 fields by size), which this toolkit does not write");
            }
            ZipPackagingMetadataV1 written = ZipPackagingMetadataV1.current(manifest.fixedEpochMs);
            for (Field field : FIELDS) {
                Object value = field.value().apply(manifest.metadata);
                Object ours = field.value().apply(written);
                if (!(value == null && field.mayLack()) && !Objects.equals(value, ours)) {
                    refusals.add("metadata." + field.name() + " is " + (value == null ? "missing"
                            : VerifyFinding.quote(String.valueOf(value))) + "; this toolkit writes " + ours);
                }
            }
        }
        if (!manifest.entriesValid) {
            refusals.add("the manifest's entries are missing or invalid: which entries to pack is unknown");
        }
        return refusals;
    }

    /**
     * Whether the manifest says how large entries were deflated: without it (before 1.3.0), an entry over
     * the block threshold was one deflate stream, which this toolkit no longer writes.
     */
    static boolean blocksRecorded(ZipPackagingMetadataV1 metadata) {
        return metadata.blockDeflateMinBytes() != null && metadata.deflateBlockBytes() != null;
    }
}
