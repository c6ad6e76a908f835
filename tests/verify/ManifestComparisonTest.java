package verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static verify.ZipVerifierTest.assertOnly;
import static verify.ZipVerifierTest.entriesOf;
import static verify.ZipVerifierTest.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.TempTrees;
import support.VerifyFixtures;
import support.ZipTamper;
import zip.ZipManifest;

/** ManifestComparison: the zip's entries against the manifest's, streamed a second time. */
class ManifestComparisonTest {
    @TempDir
    Path tmp;

    @Test
    void extraEntryIsNotInTheManifest() {
        List<ZipTamper.Entry> more = new ArrayList<>(VerifyFixtures.v1Entries());
        more.add(3, ZipTamper.Entry.v1("notes/extra.txt", "slipped in"));
        Path zip = VerifyFixtures.craft(tmp, "extra.zip", more, VerifyFixtures.v1Entries());
        assertOnly(verify(zip), VerifyCheck.VZ_MANIFEST_MISMATCH);
    }

    static List<VerifyFinding> compare(Path zip, List<EntryState> entries) throws IOException {
        Findings findings = new Findings();
        new ManifestComparison(findings).compare(ZipManifest.pathFor(zip), ZipManifest.maxBytesFor(Files.size(zip)), entries);
        return findings.inCheckOrder();
    }

    @Test
    void repeatsAndStrangersAreNamedInStreamOrderAndTheOrderOnceAtItsFirstDifference() throws IOException {
        List<ZipTamper.Entry> inZip = VerifyFixtures.v1Entries();
        Path zip = ZipTamper.writeZip(tmp.resolve("listed.zip"), inZip);
        ZipTamper.writeManifest(zip, List.of(inZip.get(1), inZip.get(0), inZip.get(0), inZip.get(2),
                ZipTamper.Entry.v1("ghost.txt", "boo")));
        assertEquals(List.of(
                VerifyFinding.entry(VerifyCheck.VZ_MANIFEST_MISMATCH, "config/scene.yaml", "the manifest lists this path more than once"),
                VerifyFinding.entry(VerifyCheck.VZ_MANIFEST_MISMATCH, "notes/readme.txt", "in the zip but not in the manifest"),
                VerifyFinding.entry(VerifyCheck.VZ_MANIFEST_MISMATCH, "ghost.txt", "in the manifest but not in the zip"),
                VerifyFinding.entry(VerifyCheck.VZ_MANIFEST_MISMATCH, "config/scene.yaml", "the zip and the manifest list the entries in a"
                        + " different order (from position 1 the manifest has config/settings.yaml)")),
                compare(zip, entriesOf(zip)));
    }

    @Test
    void theBytesReadAreHeldToTheManifestsSizeAndDigest() throws IOException {
        List<ZipTamper.Entry> inZip = VerifyFixtures.v1Entries();
        Path zip = VerifyFixtures.craft(tmp, "read.zip", inZip);
        List<EntryState> entries = entriesOf(zip);
        assertEquals(List.of(), compare(zip, entries), "unread, an entry is held to its declared size");
        EntryState readme = entries.get(3);
        readme.bytesRead = 5;
        readme.sha256Hex = "ab".repeat(32);
        assertEquals(List.of(
                VerifyFinding.entry(VerifyCheck.VZ_MANIFEST_MISMATCH, "notes/readme.txt", "the zip holds 5 bytes; the manifest says 600"),
                VerifyFinding.entry(VerifyCheck.VZ_MANIFEST_MISMATCH, "notes/readme.txt", "sha256 of the bytes read is " + "ab".repeat(32)
                        + "; the manifest says " + TempTrees.sha256(inZip.get(3).content))),
                compare(zip, entries));
    }
}
