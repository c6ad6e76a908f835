package changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import provenance.Toolkit;
import zip.ZipManifest;
import zip.ZipPackagingMetadataV1;
import zip.ZipPolicyV1;

/** Which previous zips an unchanged entry's data may be copied from: this layout, from 1.4.0 on, no newer. */
class ReuseLayoutTest {
    static PreviousDelivery previous(ZipPackagingMetadataV1 metadata, Path zip) {
        return new PreviousDelivery(zip, Path.of("/out/p.zip.manifest.json"), new ZipManifest(metadata, null, null, List.of(), 1,
                "ab".repeat(32)), "cd".repeat(32), 1 << 20);
    }

    static ZipPackagingMetadataV1 made(String version, long epoch) {
        ZipPackagingMetadataV1 now = ZipPackagingMetadataV1.current(epoch);
        return new ZipPackagingMetadataV1(now.schemaVersion(), now.format(), now.entryOrder(), now.timestampPolicy(),
                now.permissionPolicy(), now.fixedEpochMs(), now.fixedTimeUtc(), now.fileMode(), now.storedExtensions(),
                now.deflateLevel(), now.blockDeflateMinBytes(), now.deflateBlockBytes(), now.entryNameForm(),
                new ZipPackagingMetadataV1.Toolchain(version, "21.0.1", "Other vendor"));
    }

    @Test
    void thisLayoutFromAnyJvmIsReusedWhateverItsTimeStamp() {
        assertNull(ReuseLayout.problem(previous(made(Toolkit.VERSION, ZipPolicyV1.DEFAULT_EPOCH_MS), Path.of("/out/p.zip"))));
        // The time is in the headers the commit writes itself, never in an entry's data.
        assertNull(ReuseLayout.problem(previous(made(Toolkit.VERSION, 1_700_000_000_000L), Path.of("/out/p.zip"))));
    }

    @Test
    void anEarlierToolkitIsComparedButNeverCopiedFrom() {
        for (String version : List.of("1.0.0", "1.1.0", "1.3.0")) {
            String why = ReuseLayout.problem(previous(made(version, ZipPolicyV1.DEFAULT_EPOCH_MS), Path.of("/out/p.zip")));
            assertTrue(why.contains(version) && why.contains("before " + ReuseLayout.SINCE_TOOLKIT_VERSION), why);
        }
        String unnamed = ReuseLayout.problem(previous(made(null, ZipPolicyV1.DEFAULT_EPOCH_MS), Path.of("/out/p.zip")));
        assertTrue(unnamed.contains("(unnamed)"), unnamed);
        assertTrue(ReuseLayout.problem(previous(made("99.0.0", ZipPolicyV1.DEFAULT_EPOCH_MS), Path.of("/out/p.zip"))).contains("newer"));
    }

    @Test
    void aPolicyValueThatDecidesTheDataMustBeThisToolkits() {
        ZipPackagingMetadataV1 now = made(Toolkit.VERSION, ZipPolicyV1.DEFAULT_EPOCH_MS);
        ZipPackagingMetadataV1 level9 = new ZipPackagingMetadataV1(now.schemaVersion(), now.format(), now.entryOrder(),
                now.timestampPolicy(), now.permissionPolicy(), now.fixedEpochMs(), now.fixedTimeUtc(), now.fileMode(),
                List.of("png"), 9, now.blockDeflateMinBytes(), 65536, now.entryNameForm(), now.toolchain());
        assertEquals(List.of("stored_extensions", "deflate_level", "deflate_block_bytes"), ReuseLayout.differingPolicy(level9, now));
        String why = ReuseLayout.problem(previous(level9, Path.of("/out/p.zip")));
        assertTrue(why.contains("deflate_level"), why);
    }

    @Test
    void aManifestAloneHasNothingToCopy() {
        assertTrue(ReuseLayout.problem(previous(made(Toolkit.VERSION, ZipPolicyV1.DEFAULT_EPOCH_MS), null)).contains("only its manifest"));
    }
}
