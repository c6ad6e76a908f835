package verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static verify.ZipVerifierTest.assertOnly;
import static verify.ZipVerifierTest.assertValid;
import static verify.ZipVerifierTest.bans;
import static verify.ZipVerifierTest.codes;
import static verify.ZipVerifierTest.describe;
import static verify.ZipVerifierTest.entriesOf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import support.RebuildTrees;
import support.StagerZipFixture;
import support.TempTrees;
import support.VerifyFixtures;
import support.ZipTamper;
import text.Counts;
import zip.ZipManifest;

/** RebuildCheck: the manifest's entries packed again from the content folder, held byte for byte against the zip. */
class RebuildCheckTest extends StagerZipFixture {
    static ZipVerifier.Result verify(Path zip, Path content, boolean rebuild, VerifyFixtures.Built data) {
        try {
            return ZipVerifier.verify(new ZipVerifier.Request(zip, ZipManifest.pathFor(zip), content, null, bans(data), null, null,
                    rebuild));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ZipVerifier.Result rebuild(Path zip, Path content, VerifyFixtures.Built data) {
        return verify(zip, content, true, data);
    }

    static VerifyFinding only(ZipVerifier.Result result, VerifyCheck check) {
        List<VerifyFinding> found = result.findings().stream().filter(f -> f.check() == check).toList();
        assertEquals(1, found.size(), describe(result));
        return found.get(0);
    }

    /** The temp files of rebuilds in java.io.tmpdir now. */
    static Set<Path> rebuildTempFiles() {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith(RepackedEntry.TEMP_PREFIX)).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFreshDeliveryWithABlockDeflatedAStoredAndSmallEntriesIsRebuiltByteForByteWritingNothing() {
        VerifyFixtures.Built delivery = RebuildTrees.commit(tmp.resolve("rb"));
        List<EntryState> entries = entriesOf(delivery.zip());
        EntryState large = entries.stream().filter(e -> e.name.equals(RebuildTrees.LARGE)).findFirst().orElseThrow();
        EntryState stored = entries.stream().filter(e -> e.name.equals(RebuildTrees.STORED)).findFirst().orElseThrow();
        assertTrue(large.central.uncompressedSize() > zip.ZipPolicyV1.BLOCK_DEFLATE_MIN_BYTES);
        assertEquals(ZipStructure.METHOD_DEFLATED, large.central.method());
        assertEquals(ZipStructure.METHOD_STORED, stored.central.method());
        List<String> beside = TempTrees.list(delivery.zip().getParent());
        Set<Path> tempBefore = rebuildTempFiles();

        ZipVerifier.Result result = rebuild(delivery.zip(), delivery.content(), delivery);

        assertValid(result);
        assertTrue(result.checked().containsAll(EnumSet.of(VerifyCheck.VZ_REBUILD_REFUSED, VerifyCheck.VZ_REBUILD_DIFFERS)));
        assertEquals(beside, TempTrees.list(delivery.zip().getParent()), "nothing written beside the delivery");
        assertEquals(tempBefore, rebuildTempFiles(), "the large entry's temp file is removed");
    }

    @Test
    void oneEntryRecompressedByAnotherToolPassesEveryOtherCheckAndFailsTheRebuildNamingItAndTheOffset() {
        for (String name : List.of(RebuildTrees.SMALL, RebuildTrees.LARGE)) {
            VerifyFixtures.Built delivery = RebuildTrees.commit(tmp.resolve(name.replace('/', '_')));
            byte[] original = TempTrees.readBytes(delivery.zip());
            byte[] recompressed = RebuildTrees.recompress(delivery.zip(), name, name.equals(RebuildTrees.SMALL) ? 1 : 9);

            assertValid(verify(delivery.zip(), delivery.content(), false, delivery));
            ZipVerifier.Result result = rebuild(delivery.zip(), delivery.content(), delivery);

            assertOnly(result, VerifyCheck.VZ_REBUILD_DIFFERS);
            VerifyFinding differs = only(result, VerifyCheck.VZ_REBUILD_DIFFERS);
            assertEquals(name, differs.entry());
            // The rebuilt zip is the original: where the two zips part is where the rebuild parts from the zip.
            int firstDifference = Arrays.mismatch(original, recompressed);
            int header = ZipTamper.localHeaderOffset(original, name);
            assertTrue(firstDifference > header, describe(result));
            assertTrue(differs.message().contains("from byte " + Counts.number(firstDifference) + " of the zip on ("
                    + Counts.number(firstDifference - header) + " bytes into the record, which starts at byte "
                    + Counts.number(header) + ")"), differs.message());
        }
    }

    @Test
    void theManifestsFixedTimeIsTheOneEveryEntryIsPackedWith() {
        long epoch = java.time.Instant.parse("2020-02-29T12:34:56Z").toEpochMilli();
        int[] dos = DosTime.fields(epoch);
        List<ZipTamper.Entry> entries = VerifyFixtures.v1Entries();
        entries.forEach(e -> e.with(x -> {
            x.dosDate = dos[0];
            x.dosTime = dos[1];
        }));
        Path zip = ZipTamper.writeZip(tmp.resolve("epoch.zip"), entries);
        ZipTamper.writeManifest(zip, entries, epoch);
        assertValid(rebuild(zip, good.content(), good));

        // The manifest of another instant: the zip's times are not its own, nor are they what a rebuild writes.
        ZipTamper.writeManifest(zip, entries);
        ZipVerifier.Result other = rebuild(zip, good.content(), good);
        assertOnly(other, VerifyCheck.VZ_ENTRY_TIME, VerifyCheck.VZ_REBUILD_DIFFERS);
        assertEquals("config/scene.yaml", only(other, VerifyCheck.VZ_REBUILD_DIFFERS).entry());
    }

    @Test
    void aZipOfTheLayoutBefore110IsRefusedByNameNeverValid() {
        Path zip = VerifyFixtures.craftBefore110(tmp, "old.zip", VerifyFixtures.v1Entries());
        assertValid(verify(zip, good.content(), false, good));
        ZipVerifier.Result result = rebuild(zip, good.content(), good);
        assertOnly(result, VerifyCheck.VZ_REBUILD_REFUSED);
        assertTrue(only(result, VerifyCheck.VZ_REBUILD_REFUSED).message().contains("toolkit 1.0.0 wrote this zip in a layout before 1.1.0"),
                describe(result));
        assertFalse(result.checked().contains(VerifyCheck.VZ_REBUILD_DIFFERS), "no comparison is claimed");
    }

    @Test
    void aPolicyValueThisToolkitDoesNotWriteIsRefusedNamingTheField() {
        ZipTamper.editManifest(good.manifest(), root -> ((ObjectNode) root.get("metadata")).put("deflate_level", 9));
        assertValid(verify(good.zip(), good.content(), false, good));
        ZipVerifier.Result result = rebuild(good.zip(), good.content(), good);
        assertOnly(result, VerifyCheck.VZ_REBUILD_REFUSED);
        assertEquals("cannot rebuild the zip: metadata.deflate_level is 9; this toolkit writes 6",
                only(result, VerifyCheck.VZ_REBUILD_REFUSED).message());
    }

    @Test
    void aManifestBeforeBlocksIsRebuiltWhenNoEntryIsLargeAndRefusedNamingTheLargeOne() {
        ZipTamper.editManifest(good.manifest(), RebuildCheckTest::withoutBlockFields);
        assertValid(rebuild(good.zip(), good.content(), good));

        VerifyFixtures.Built delivery = RebuildTrees.commit(tmp.resolve("rb"));
        ZipTamper.editManifest(delivery.manifest(), RebuildCheckTest::withoutBlockFields);
        ZipVerifier.Result result = rebuild(delivery.zip(), delivery.content(), delivery);
        assertOnly(result, VerifyCheck.VZ_REBUILD_REFUSED);
        VerifyFinding refused = only(result, VerifyCheck.VZ_REBUILD_REFUSED);
        assertEquals(RebuildTrees.LARGE, refused.entry());
        assertTrue(refused.message().contains("in blocks (since 1.3.0)"), refused.message());
    }

    @Test
    void aTreeOfDecomposedNamesIsRebuiltFromThemUnderTheComposedNames() {
        TempTrees.file(good.content(), "notes/cafe\u0301.txt", "decomposed on disk\n");
        support.CliRun again = support.CliRun.stager("--project-id", VerifyFixtures.PROJECT, "--content-dir", good.content().toString(),
                "--data-dir", good.data().toString(), "--output-zip", good.zip().toString(), "--allow-unknown", "--commit");
        assertEquals(0, again.exitCode(), again.describe());
        ZipVerifier.Result result = rebuild(good.zip(), good.content(), good);
        assertValid(result);
        assertTrue(result.checked().contains(VerifyCheck.VZ_REBUILD_DIFFERS), "compared byte for byte: " + describe(result));
    }

    @Test
    void aManifestBeforeComposedNamesIsRefusedAtADecomposedName() {
        String decomposed = "notes/cafe\u0301.txt";
        TempTrees.file(good.content(), decomposed, "decomposed on disk\n");
        List<ZipTamper.Entry> entries = new java.util.ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(3, ZipTamper.Entry.v1(decomposed, "decomposed on disk\n"));
        Path zip = VerifyFixtures.craft(tmp, "before140.zip", entries);
        ZipTamper.editManifest(ZipManifest.pathFor(zip), manifest -> ((ObjectNode) manifest.get("metadata")).remove("entry_name_form"));
        VerifyFinding refused = only(rebuild(zip, good.content(), good), VerifyCheck.VZ_REBUILD_REFUSED);
        assertEquals(decomposed, refused.entry());
        assertTrue(refused.message().contains("a decomposed name, which this toolkit ships composed"), refused.message());
    }

    private static void withoutBlockFields(ObjectNode manifest) {
        ((ObjectNode) manifest.get("metadata")).remove(List.of("block_deflate_min_bytes", "deflate_block_bytes"));
    }

    @Test
    void anEntryWithoutItsRegularSourceStopsTheRebuildByNameAndTheSourceCheckSaysWhy() throws IOException {
        Path scene = good.content().resolve("config/scene.yaml");
        Path elsewhere = Files.move(scene, tmp.resolve("scene.yaml"));
        ZipVerifier.Result missing = rebuild(good.zip(), good.content(), good);
        assertEquals(EnumSet.of(VerifyCheck.VZ_SOURCE_MISMATCH, VerifyCheck.VZ_REBUILD_REFUSED), codes(missing), describe(missing));
        assertEquals("config/scene.yaml", only(missing, VerifyCheck.VZ_REBUILD_REFUSED).entry());
        assertFalse(missing.checked().contains(VerifyCheck.VZ_REBUILD_DIFFERS));

        // A link to the very same bytes is never followed: it is no source.
        TempTrees.symlink(scene, elsewhere);
        ZipVerifier.Result linked = rebuild(good.zip(), good.content(), good);
        assertEquals(EnumSet.of(VerifyCheck.VZ_SOURCE_MISMATCH, VerifyCheck.VZ_REBUILD_REFUSED), codes(linked), describe(linked));
        assertTrue(only(linked, VerifyCheck.VZ_REBUILD_REFUSED).message().contains("symlink at this path, not a regular file"),
                describe(linked));
    }

    @Test
    void aSourceWithOtherBytesPacksIntoAnotherZipNamingItsEntry() throws IOException {
        Files.writeString(good.content().resolve("config/settings.yaml"), "quality: LOW\nfps: 30\n");
        ZipVerifier.Result result = rebuild(good.zip(), good.content(), good);
        assertEquals(EnumSet.of(VerifyCheck.VZ_SOURCE_MISMATCH, VerifyCheck.VZ_REBUILD_DIFFERS), codes(result), describe(result));
        assertEquals("config/settings.yaml", only(result, VerifyCheck.VZ_REBUILD_DIFFERS).entry());
    }

    @Test
    void aDifferentCentralDirectoryOrBytesPastTheEndAreNamedAsSuch() {
        Path directory = VerifyFixtures.patched(good.zip(), tmp.resolve("directory.zip"), bytes -> ZipTamper.putShort(bytes,
                ZipTamper.centralHeaderOffset(bytes, "notes/readme.txt") + 4, 0x0314));
        VerifyFinding inDirectory = only(rebuild(directory, good.content(), good), VerifyCheck.VZ_REBUILD_DIFFERS);
        assertNull(inDirectory.entry());
        assertTrue(inDirectory.message().contains("every entry is the zip's, but the central directory and end records differ"),
                inDirectory.message());

        Path longer = VerifyFixtures.patched(good.zip(), tmp.resolve("longer.zip"), bytes -> { });
        ZipTamper.writeBytes(longer, Arrays.copyOf(TempTrees.readBytes(longer), TempTrees.readBytes(longer).length + 3));
        ZipTamper.refreshZipDigest(longer);
        VerifyFinding pastEnd = only(rebuild(longer, good.content(), good), VerifyCheck.VZ_REBUILD_DIFFERS);
        assertNull(pastEnd.entry());
        assertTrue(pastEnd.message().startsWith("the zip goes on past the end of the rebuilt zip"), pastEnd.message());
    }

    @Test
    void aManifestOutOfV1OrderIsRefusedAtTheFirstEntryThatIsNotComparedBefore() throws IOException {
        // Only the manifest is edited: the contents file beside the zip (the delivered manifest's) would differ too.
        Files.delete(zip.ContentsFile.pathFor(good.zip()));
        // The last entry listed twice: every entry before it packs into the zip's bytes, then the rebuild cannot go on.
        ZipTamper.editManifest(good.manifest(), root -> {
            ArrayNode entries = (ArrayNode) root.get("entries");
            entries.add(entries.get(entries.size() - 1).deepCopy());
        });
        ZipVerifier.Result twice = rebuild(good.zip(), good.content(), good);
        assertEquals(EnumSet.of(VerifyCheck.VZ_MANIFEST_MISMATCH, VerifyCheck.VZ_REBUILD_REFUSED), codes(twice), describe(twice));
        VerifyFinding refused = only(twice, VerifyCheck.VZ_REBUILD_REFUSED);
        assertEquals("notes/readme.txt", refused.entry());
        assertTrue(refused.message().contains("after notes/readme.txt: not in v1 order or twice"), refused.message());

        // Two entries swapped: the first one listed already packs into other bytes than the zip's first.
        ZipTamper.editManifest(good.manifest(), root -> {
            ArrayNode entries = (ArrayNode) root.get("entries");
            entries.remove(entries.size() - 1);
            entries.insert(0, entries.remove(1));
        });
        ZipVerifier.Result swapped = rebuild(good.zip(), good.content(), good);
        assertEquals(EnumSet.of(VerifyCheck.VZ_MANIFEST_MISMATCH, VerifyCheck.VZ_REBUILD_DIFFERS), codes(swapped), describe(swapped));
        assertEquals("config/settings.yaml", only(swapped, VerifyCheck.VZ_REBUILD_DIFFERS).entry());
    }
}
