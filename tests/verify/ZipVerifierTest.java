package verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import datadir.DataDir;
import datadir.ProjectId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import policy.AllowlistStore;
import policy.BanRules;
import policy.Classifier;
import secrets.ContentScan;
import secrets.SecretApprovals;
import secrets.SecretRules;
import support.StagerZipFixture;
import support.TempTrees;
import support.VerifyFixtures;
import support.ZipTamper;
import zip.DeterministicZipWriter;
import zip.ZipManifest;
import zip.ZipPolicyV1;

/**
 * ZipVerifier as a whole: the stager's own zips accepted with every check run, findings grouped by
 * check. Each concern's checks are tested in the test class of its check class (NameCheckTest,
 * AttributeCheckTest, ...), on zips that differ from a good one in one respect each; this class holds
 * what they share: running a whole verification and asserting on its codes, and reading a zip's entries.
 */
class ZipVerifierTest extends StagerZipFixture {
    static ZipVerifier.Result verify(Path zip) {
        return verify(zip, null, null, null);
    }

    static ZipVerifier.Result verify(Path zip, Path contentDir, Classifier policy, BanRules bans) {
        try {
            return ZipVerifier.verify(new ZipVerifier.Request(zip, ZipManifest.pathFor(zip), contentDir, policy, bans));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<VerifyCheck> codes(ZipVerifier.Result result) {
        return result.findings().stream().map(VerifyFinding::check)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(VerifyCheck.class)));
    }

    static String describe(ZipVerifier.Result result) {
        return result.findings().stream().map(f -> f.check() + " " + f.entry() + ": " + f.message())
                .collect(Collectors.joining("\n", "findings:\n", ""));
    }

    /** Invalid, and failing exactly these checks. */
    static void assertOnly(ZipVerifier.Result result, VerifyCheck... expected) {
        assertFalse(result.valid(), describe(result));
        assertEquals(EnumSet.copyOf(Arrays.asList(expected)), codes(result), describe(result));
    }

    static void assertValid(ZipVerifier.Result result) {
        assertTrue(result.valid(), describe(result));
    }

    /** The global bans of the stager zip's data folder. */
    static BanRules bans(VerifyFixtures.Built good) {
        return BanRules.load(good.data().resolve("global_bans.json"));
    }

    /** The project's allowlist in {@code data}, with the global bans of the stager zip's data folder. */
    static Classifier policy(Path data, String project, VerifyFixtures.Built good) {
        return new Classifier(new AllowlistStore(new DataDir(data)).load(new ProjectId(project)).eligibleExtensions(), bans(good));
    }

    /** A zip's entries as the verifier reads them, before any check: end records, then the central directory. */
    static List<EntryState> entriesOf(Path zip) {
        try (FileChannel channel = FileChannel.open(zip)) {
            ZipStructure.End end = EndRecords.read(channel);
            return CentralDirectory.read(channel, end).stream().map(EntryState::new).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ZipStructure.MalformedZipException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Locates each entry through its local header ({@link LayoutCheck#locate}): what that found. */
    static Findings locate(Path zip, List<EntryState> entries) {
        Findings findings = new Findings();
        try (FileChannel channel = FileChannel.open(zip)) {
            ZipStructure.End end = EndRecords.read(channel);
            LayoutCheck layout = new LayoutCheck(findings);
            for (EntryState entry : entries) {
                layout.locate(channel, end, entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ZipStructure.MalformedZipException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        return findings;
    }

    /** A zip's entries, each located through its local header, which must find nothing. */
    static List<EntryState> locatedEntriesOf(Path zip) {
        List<EntryState> entries = entriesOf(zip);
        assertEquals(List.of(), locate(zip, entries).inCheckOrder());
        return entries;
    }

    // --- what must pass ---------------------------------------------------------------------------

    @Test
    void acceptsTheStagersZipWithEveryCheckRun() throws IOException {
        ContentScan scan = new ContentScan(SecretRules.load(support.TempTrees.repoSecretRules()), SecretApprovals.none(),
                ZipPolicyV1::isStored);
        ZipVerifier.Result result = ZipVerifier.verify(new ZipVerifier.Request(good.zip(), good.manifest(), good.content(),
                policy(good.data(), VerifyFixtures.PROJECT, good), bans(good), null, scan, true,
                new types.TypePolicy(types.ContentTypes.load(new datadir.DataDir(good.data())), bans(good).groupByFamily(),
                        java.util.Set.of(), false)));
        assertValid(result);
        assertEquals(EnumSet.complementOf(EnumSet.of(VerifyCheck.VZ_MANIFEST_SIGNATURE)), result.checked());
        assertEquals(4, result.entries());
    }

    @Test
    void tamperWriterReproducesTheToolkitsBytesExactly() {
        // Every tampering below is a one-field change of this: proof that nothing else differs.
        byte[] handMade = ZipTamper.write(VerifyFixtures.v1Entries());
        assertArrayEquals(TempTrees.readBytes(good.zip()), handMade);
    }

    @Test
    void emptyZipWithItsManifestIsValid() throws IOException {
        Path zip = tmp.resolve("empty.zip");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DeterministicZipWriter.write(List.of(), out, ZipPolicyV1.DEFAULT_EPOCH_MS);
        ZipTamper.writeBytes(zip, out.toByteArray());
        ZipTamper.writeManifest(zip, List.of());
        assertValid(verify(zip));
    }

    // --- the outcome ------------------------------------------------------------------------------

    @Test
    void findingsAreGroupedByCheckInCheckOrder() {
        byte[] zip = TempTrees.readBytes(good.zip());
        zip[ZipTamper.dataOffset(zip, "images/logo.png") + 20] ^= 0x01;
        ZipVerifier.Result result = verify(ZipTamper.writeBytes(good.zip(), zip));
        List<VerifyCheck> order = result.findings().stream().map(VerifyFinding::check).toList();
        List<VerifyCheck> sorted = new ArrayList<>(order);
        sorted.sort(null);
        assertEquals(sorted, order);
    }

    @Test
    void aZipThatDoesNotParseRunsOnlyTheChecksOfItsFilesAndManifest() throws IOException {
        Files.writeString(good.zip(), "this is not a zip file at all, just text long enough");
        ZipVerifier.Result result = verify(good.zip());
        assertEquals(EnumSet.of(VerifyCheck.VZ_ZIP_UNREADABLE, VerifyCheck.VZ_MANIFEST_INVALID, VerifyCheck.VZ_MANIFEST_VERSION,
                VerifyCheck.VZ_ZIP_SHA256, VerifyCheck.VZ_CONTENTS_FILE, VerifyCheck.VZ_INTERRUPTED_DELIVERY), result.checked());
        assertEquals(0, result.entries());
        assertEquals(result.findings().size(), result.failuresInAll());
    }

    @Test
    void aZipWrittenBefore110IsNotHeldToTheLayoutChecks() {
        List<ZipTamper.Entry> entries = VerifyFixtures.v1Entries();
        ZipVerifier.Result result = verify(VerifyFixtures.craftBefore110(tmp, "before.zip", entries));
        assertValid(result);
        assertTrue(result.checked().stream().noneMatch(RecordFieldCheck.LAYOUT_CHECKS::contains), result.checked().toString());
        assertTrue(verify(VerifyFixtures.craft(tmp, "since.zip", entries)).checked().containsAll(RecordFieldCheck.LAYOUT_CHECKS));
    }
}
