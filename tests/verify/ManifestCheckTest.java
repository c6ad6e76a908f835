package verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static verify.ZipVerifierTest.assertOnly;
import static verify.ZipVerifierTest.codes;
import static verify.ZipVerifierTest.describe;
import static verify.ZipVerifierTest.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import support.StagerZipFixture;
import support.TempTrees;
import support.VerifyFixtures;
import support.ZipTamper;
import zip.ZipEntryV1;
import zip.ZipManifest;
import zip.ZipPolicyV1;

/** ManifestCheck: the manifest read once and held to v1, and what of it the other checks may use. */
class ManifestCheckTest extends StagerZipFixture {
    @Test
    void missingManifestFails() throws IOException {
        Files.delete(good.manifest());
        assertOnly(verify(good.zip()), VerifyCheck.VZ_MANIFEST_INVALID);
    }

    @Test
    void malformedManifestFails() throws IOException {
        Files.writeString(good.manifest(), "{ \"metadata\": ");
        assertOnly(verify(good.zip()), VerifyCheck.VZ_MANIFEST_INVALID);
    }

    @Test
    void manifestWithAnotherPolicyNameFails() {
        ZipTamper.editManifest(good.manifest(), root -> ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("metadata"))
                .put("entry_order", "filesystem"));
        assertOnly(verify(good.zip()), VerifyCheck.VZ_MANIFEST_INVALID);
    }

    @Test
    void malformedMetadataValuesAreAnInvalidManifestNeverAnInternalError() {
        // Each found by the adversarial pass of issue 16: a null in a list gave PZ_INTERNAL, the others passed unchecked.
        List<java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode>> edits = List.of(
                metadata -> metadata.putArray("stored_extensions").addNull(),
                metadata -> metadata.putArray("stored_extensions").add("a/b"),
                metadata -> metadata.put("deflate_level", 99),
                metadata -> metadata.put("deflate_level", -1),
                metadata -> ((com.fasterxml.jackson.databind.node.ObjectNode) metadata.get("toolchain")).put("toolkit_version", "1.x\u001b[2J"),
                metadata -> ((com.fasterxml.jackson.databind.node.ObjectNode) metadata.get("toolchain")).putNull("toolkit_version"),
                metadata -> metadata.put("entry_name_form", "nfd\u001b[2J"));
        byte[] original = TempTrees.readBytes(good.manifest());
        for (var edit : edits) {
            ZipTamper.writeBytes(good.manifest(), original);
            ZipTamper.editManifest(good.manifest(), root -> edit.accept((com.fasterxml.jackson.databind.node.ObjectNode) root.get("metadata")));
            ZipVerifier.Result result = verify(good.zip());
            assertTrue(codes(result).contains(VerifyCheck.VZ_MANIFEST_INVALID), describe(result));
            assertFalse(describe(result).contains("\u001b"), "no escape sequence quoted: " + describe(result));
        }
        ZipTamper.writeBytes(good.manifest(), original);
        ZipTamper.editManifest(good.manifest(), root -> ((com.fasterxml.jackson.databind.node.ObjectNode) root).remove("entries"));
        assertTrue(codes(verify(good.zip())).contains(VerifyCheck.VZ_MANIFEST_INVALID));
    }

    @Test
    void theNameFormIsReadFromTheManifestAndAnOlderManifestHasNone() throws IOException {
        ManifestCheck.Usable now = new ManifestCheck(new Findings()).read(good.manifest(), 1 << 20);
        assertTrue(now.namesComposed, "a 1.4.0 manifest: entry_name_form nfc");
        ZipTamper.editManifest(good.manifest(), root -> ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("metadata"))
                .remove("entry_name_form"));
        Findings findings = new Findings();
        assertFalse(new ManifestCheck(findings).read(good.manifest(), 1 << 20).namesComposed);
        assertEquals(List.of(), findings.inCheckOrder(), "absent is the rule before 1.4.0, not an error");
    }

    @Test
    void unknownSchemaVersionFails() {
        ZipTamper.editManifest(good.manifest(), root -> ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("metadata"))
                .put("schema_version", 2));
        assertOnly(verify(good.zip()), VerifyCheck.VZ_MANIFEST_VERSION);
    }

    @Test
    void onlyToolkitsBefore110AreReadWithTheirOwnLayout() {
        for (String before : List.of("1.0.0", "1.0.0-SNAPSHOT", "0.9", "1")) {
            assertTrue(ManifestCheck.writtenBeforeLayout(before), before);
        }
        for (String since : List.of("1.1.0", "1.1.0-rc1", "1.10.0", "2.0.0", "not a version", "")) {
            assertFalse(ManifestCheck.writtenBeforeLayout(since), since);
        }
    }

    static ManifestCheck.Usable read(Path manifest, Path zip, Findings findings) throws IOException {
        return new ManifestCheck(findings).read(manifest, ZipManifest.maxBytesFor(Files.size(zip)));
    }

    @Test
    void whatPassesIsKeptForTheChecksThatUseIt() throws IOException {
        long epoch = java.time.Instant.parse("2020-02-29T12:34:56Z").toEpochMilli();
        List<ZipTamper.Entry> entries = VerifyFixtures.v1Entries();
        Path zip = ZipTamper.writeZip(tmp.resolve("epoch.zip"), entries);
        ZipTamper.writeManifest(zip, entries, epoch);
        Findings findings = new Findings();
        ManifestCheck.Usable usable = read(ZipManifest.pathFor(zip), zip, findings);
        assertEquals(List.of(), findings.inCheckOrder());
        assertEquals(EnumSet.of(VerifyCheck.VZ_MANIFEST_INVALID, VerifyCheck.VZ_MANIFEST_VERSION), findings.checked());
        assertEquals(epoch, usable.fixedEpochMs);
        assertEquals(TempTrees.sha256(TempTrees.readBytes(zip)), usable.zipSha256);
        assertEquals(Files.size(zip), usable.zipBytes);
        assertEquals(Set.copyOf(ZipPolicyV1.STORED_EXTENSIONS), usable.storedExtensions);
        assertTrue(usable.entriesValid);
        assertTrue(usable.layoutSince110);
        assertNull(usable.run, "a hand-made manifest records no run");
        assertTrue(read(good.manifest(), good.zip(), findings).run != null, "the stager's does");
    }

    @Test
    void aBadEntryIsNamedAndNoEntryIsComparedWhileTheRestStaysUsable() throws IOException {
        ZipTamper.editManifest(good.manifest(), root -> ((ObjectNode) root.get("entries").get(1)).put("sha256_or_blake3", "md5:0"));
        Findings findings = new Findings();
        ManifestCheck.Usable usable = read(good.manifest(), good.zip(), findings);
        assertEquals(List.of(VerifyFinding.entry(VerifyCheck.VZ_MANIFEST_INVALID, "config/settings.yaml",
                "manifest entries[1] sha256_or_blake3 is md5:0, not sha256:<64 lowercase hex>")), findings.inCheckOrder());
        assertFalse(usable.entriesValid);
        assertEquals(ZipPolicyV1.DEFAULT_EPOCH_MS, usable.fixedEpochMs);
    }

    @Test
    void aManifestOfAnotherVersionIsThatFindingAloneAndNothingOfItIsUsed() throws IOException {
        ZipTamper.editManifest(good.manifest(), root -> ((ObjectNode) root.get("metadata")).put("schema_version", 2));
        Findings findings = new Findings();
        ManifestCheck.Usable usable = read(good.manifest(), good.zip(), findings);
        assertEquals(List.of(VerifyCheck.VZ_MANIFEST_VERSION), findings.inCheckOrder().stream().map(VerifyFinding::check).toList());
        assertFalse(usable.entriesValid);
        assertNull(usable.zipSha256);
        assertNull(usable.fixedEpochMs);
    }

    @Test
    void problemOfNamesWhatAManifestEntryLacks() {
        String sha256 = ZipEntryV1.SHA256_PREFIX + "0".repeat(64);
        assertNull(ManifestCheck.problemOf(new ZipEntryV1("a.txt", sha256, 1, ZipPolicyV1.NORMALIZED_MODE)));
        assertEquals("has no relative_path", ManifestCheck.problemOf(new ZipEntryV1("", sha256, 1, ZipPolicyV1.NORMALIZED_MODE)));
        assertEquals("sha256_or_blake3 is sha256:ABC, not sha256:<64 lowercase hex>",
                ManifestCheck.problemOf(new ZipEntryV1("a.txt", "sha256:ABC", 1, ZipPolicyV1.NORMALIZED_MODE)));
        assertEquals("uncompressed_bytes is negative",
                ManifestCheck.problemOf(new ZipEntryV1("a.txt", sha256, -1, ZipPolicyV1.NORMALIZED_MODE)));
        assertEquals("has no normalized_mode", ManifestCheck.problemOf(new ZipEntryV1("a.txt", sha256, 1, null)));
    }
}
