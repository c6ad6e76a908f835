package verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import zip.ZipPackagingMetadataV1;
import zip.ZipPolicyV1;

/** RebuildPolicy: a manifest whose layout and policy values this toolkit writes, or the reasons it cannot make the zip again. */
class RebuildPolicyTest {
    static final long EPOCH = ZipPolicyV1.DEFAULT_EPOCH_MS + 86_400_000L;

    static ManifestCheck.Usable usable(ZipPackagingMetadataV1 metadata, boolean layoutSince110) {
        ManifestCheck.Usable usable = new ManifestCheck.Usable();
        usable.metadata = metadata;
        usable.fixedEpochMs = metadata == null ? null : metadata.fixedEpochMs();
        usable.layoutSince110 = layoutSince110;
        usable.entriesValid = true;
        return usable;
    }

    static ZipPackagingMetadataV1 current() {
        return ZipPackagingMetadataV1.current(EPOCH);
    }

    /** The current metadata with its toolchain's version replaced, and its level, stored types and block fields as given. */
    static ZipPackagingMetadataV1 with(String version, int level, List<String> stored, Long blockMin, Integer blockBytes) {
        return with(version, level, stored, blockMin, blockBytes, current().entryNameForm());
    }

    /** The same, with the names' form as given (null: a manifest before 1.4.0). */
    static ZipPackagingMetadataV1 with(String version, int level, List<String> stored, Long blockMin, Integer blockBytes, String nameForm) {
        ZipPackagingMetadataV1 m = current();
        return new ZipPackagingMetadataV1(m.schemaVersion(), m.format(), m.entryOrder(), m.timestampPolicy(), m.permissionPolicy(),
                m.fixedEpochMs(), m.fixedTimeUtc(), m.fileMode(), stored, level, blockMin, blockBytes, nameForm,
                new ZipPackagingMetadataV1.Toolchain(version, "17.0.0", "another vendor"));
    }

    @Test
    void aManifestBeforeTheNamesFormIsJudgedPerNameAnotherFormIsRefused() {
        assertEquals(List.of(), RebuildPolicy.refusals(usable(with("1.3.0", 6, ZipPolicyV1.STORED_EXTENSIONS,
                ZipPolicyV1.BLOCK_DEFLATE_MIN_BYTES, ZipPolicyV1.DEFLATE_BLOCK_BYTES, null), true)), "before 1.4.0: decomposed names refused one by one");
        assertEquals(List.of("metadata.entry_name_form is nfd; this toolkit writes nfc"), RebuildPolicy.refusals(usable(with("1.4.0", 6,
                ZipPolicyV1.STORED_EXTENSIONS, ZipPolicyV1.BLOCK_DEFLATE_MIN_BYTES, ZipPolicyV1.DEFLATE_BLOCK_BYTES, "nfd"), true)));
    }

    @Test
    void whatThisToolkitWritesWithAnyFixedTimeAndToolchainIsRebuilt() {
        assertEquals(List.of(), RebuildPolicy.refusals(usable(current(), true)));
        assertEquals(List.of(), RebuildPolicy.refusals(usable(with("1.9.0", 6, ZipPolicyV1.STORED_EXTENSIONS, null, null), true)),
                "block fields absent (before 1.3.0) are judged per entry");
        assertTrue(RebuildPolicy.blocksRecorded(current()));
        assertFalse(RebuildPolicy.blocksRecorded(with("1.2.0", 6, ZipPolicyV1.STORED_EXTENSIONS, null, null)));
    }

    @Test
    void everyOtherValueAndAnEarlierLayoutAreNamed() {
        ZipPackagingMetadataV1 other = with("1.0.0", 9, List.of("png"), ZipPolicyV1.BLOCK_DEFLATE_MIN_BYTES, 65_536);
        assertEquals(List.of(
                "toolkit 1.0.0 wrote this zip in a layout before 1.1.0 (Zip4j: data descriptors, zip64 fields by size), which this"
                        + " toolkit does not write",
                "metadata.stored_extensions is [png]; this toolkit writes " + ZipPolicyV1.STORED_EXTENSIONS,
                "metadata.deflate_level is 9; this toolkit writes 6",
                "metadata.deflate_block_bytes is 65536; this toolkit writes 131072"), RebuildPolicy.refusals(usable(other, false)));
    }

    @Test
    void aManifestWithoutUsableMetadataOrEntriesIsRefused() {
        ManifestCheck.Usable none = usable(null, true);
        none.entriesValid = false;
        assertEquals(List.of(
                "the manifest's metadata is missing or invalid (VZ_MANIFEST_INVALID): the policy to pack with is unknown",
                "the manifest's entries are missing or invalid: which entries to pack is unknown"), RebuildPolicy.refusals(none));
    }
}
