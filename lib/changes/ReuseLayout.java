package changes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import provenance.Toolkit;
import zip.ZipPackagingMetadataV1;

/**
 * Whether a previous delivery's zip was written as this toolkit writes one now, so that an unchanged
 * entry's deflated bytes there are exactly those a fresh commit would write: made by a toolkit from
 * {@link #SINCE_TOOLKIT_VERSION} on, no newer than this one, with every policy value of its manifest's
 * metadata equal to this run's. The time stamp and the toolchain's JVM are left out: the one is in the
 * headers a commit writes itself, never in an entry's data, and the other no longer decides the bytes.
 */
public final class ReuseLayout {
    /**
     * The first toolkit whose deflate bytes are classic zlib's on every JVM (the JDK's Deflater only where
     * its zlib proves classic, else the toolkit's encoder). An earlier zip may have been deflated by a
     * zlib-ng or other JVM zlib, and no record says so: it is compared, never copied from.
     */
    public static final String SINCE_TOOLKIT_VERSION = "1.4.0";

    private ReuseLayout() {}

    /** Why the previous zip's data may not be copied into this run's zip, or null when it may. */
    public static String problem(PreviousDelivery previous) {
        if (previous.zip() == null) {
            return "only its manifest was given: there is no zip to copy from";
        }
        ZipPackagingMetadataV1 was = previous.header().metadata();
        String version = was == null || was.toolchain() == null ? null : was.toolchain().toolkitVersion();
        Integer sinceReuse = Toolkit.compareVersions(version, SINCE_TOOLKIT_VERSION);
        if (sinceReuse == null || sinceReuse < 0) {
            return "it was made by toolkit " + (version == null ? "(unnamed)" : version) + ", before " + SINCE_TOOLKIT_VERSION
                    + ", whose deflate bytes may depend on the JVM's zlib: compared, every entry deflated again";
        }
        if (Toolkit.compareVersions(version, Toolkit.VERSION) > 0) {
            return "it was made by toolkit " + version + ", newer than this one (" + Toolkit.VERSION + ")";
        }
        List<String> differ = differingPolicy(was, ZipPackagingMetadataV1.current(was.fixedEpochMs()));
        return differ.isEmpty() ? null : "its manifest's " + String.join(", ", differ) + " differ from this toolkit's";
    }

    /** The metadata fields that decide an entry's data, where they differ. */
    static List<String> differingPolicy(ZipPackagingMetadataV1 was, ZipPackagingMetadataV1 now) {
        List<String> differ = new ArrayList<>();
        same(differ, "schema_version", was.schemaVersion(), now.schemaVersion());
        same(differ, "format", was.format(), now.format());
        same(differ, "entry_order", was.entryOrder(), now.entryOrder());
        same(differ, "timestamp_policy", was.timestampPolicy(), now.timestampPolicy());
        same(differ, "permission_policy", was.permissionPolicy(), now.permissionPolicy());
        same(differ, "file_mode", was.fileMode(), now.fileMode());
        same(differ, "stored_extensions", was.storedExtensions(), now.storedExtensions());
        same(differ, "deflate_level", was.deflateLevel(), now.deflateLevel());
        same(differ, "block_deflate_min_bytes", was.blockDeflateMinBytes(), now.blockDeflateMinBytes());
        same(differ, "deflate_block_bytes", was.deflateBlockBytes(), now.deflateBlockBytes());
        return differ;
    }

    private static void same(List<String> differ, String field, Object was, Object now) {
        if (!Objects.equals(was, now)) {
            differ.add(field);
        }
    }
}
