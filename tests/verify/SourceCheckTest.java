package verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static verify.ZipVerifierTest.assertOnly;
import static verify.ZipVerifierTest.assertValid;
import static verify.ZipVerifierTest.bans;
import static verify.ZipVerifierTest.codes;
import static verify.ZipVerifierTest.describe;
import static verify.ZipVerifierTest.entriesOf;
import static verify.ZipVerifierTest.policy;
import static verify.ZipVerifierTest.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import support.StagerZipFixture;
import support.TempTrees;
import support.VerifyFixtures;
import support.ZipTamper;

/** SourceCheck: the zip against the folder it was made from (--content-dir). */
class SourceCheckTest extends StagerZipFixture {
    @Test
    void changedSourceFileFails() throws IOException {
        Files.writeString(good.content().resolve("notes/readme.txt"), "changed after zipping");
        assertOnly(verify(good.zip(), good.content(), null, bans(good)), VerifyCheck.VZ_SOURCE_MISMATCH);
    }

    @Test
    void deletedSourceFileFails() throws IOException {
        Files.delete(good.content().resolve("config/scene.yaml"));
        assertOnly(verify(good.zip(), good.content(), null, bans(good)), VerifyCheck.VZ_SOURCE_MISMATCH);
    }

    @Test
    void missingEligibleFileFailsWithAndWithoutTheProject() {
        TempTrees.file(good.content(), "notes/added-later.txt", "new");
        ZipVerifier.Result withProject = verify(good.zip(), good.content(), policy(good.data(), VerifyFixtures.PROJECT, good), bans(good));
        assertOnly(withProject, VerifyCheck.VZ_SOURCE_MISSING);
        assertEquals("notes/added-later.txt", withProject.findings().get(0).entry());
        // Without the allowlist, a .txt is eligible because the zip already ships .txt files.
        assertOnly(verify(good.zip(), good.content(), null, bans(good)), VerifyCheck.VZ_SOURCE_MISSING);
    }

    @Test
    void withoutTheProjectOnlyExtensionsTheZipShipsCountAsEligible() {
        TempTrees.writeAllowlist(good.data(), VerifyFixtures.PROJECT, List.of("png", "txt", "yaml", "md"), List.of());
        TempTrees.file(good.content(), "notes/todo.md", "allowed, but no .md shipped");
        TempTrees.file(good.content(), "notes/old.log", "banned: never eligible");
        TempTrees.file(good.content(), ".cache/x.txt", "hidden: never eligible");
        assertValid(verify(good.zip(), good.content(), null, bans(good)));
        assertOnly(verify(good.zip(), good.content(), policy(good.data(), VerifyFixtures.PROJECT, good), bans(good)),
                VerifyCheck.VZ_SOURCE_MISSING);
    }

    @Test
    void entryOutsideTheContentDirIsNeverLookedUpOnDisk() throws IOException {
        // The file '../evil.txt' names, seen from the content dir: it exists, and must still not count.
        Files.writeString(good.content().getParent().resolve("evil.txt"), "escaped");
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(0, ZipTamper.Entry.v1("../evil.txt", "escaped"));
        Path zip = VerifyFixtures.craft(tmp, "dotdot.zip", entries);
        ZipVerifier.Result result = verify(zip, good.content(), null, bans(good));
        assertEquals(EnumSet.of(VerifyCheck.VZ_UNSAFE_NAME, VerifyCheck.VZ_SOURCE_MISMATCH), codes(result), describe(result));
    }

    static List<VerifyFinding> sourcesOf(VerifyFixtures.Built good, List<EntryState> entries) throws IOException {
        Findings findings = new Findings();
        new SourceCheck(findings).compare(SourceTree.of(good.content(), true), null, bans(good), null, entries);
        assertEquals(EnumSet.of(VerifyCheck.VZ_SOURCE_MISMATCH, VerifyCheck.VZ_SOURCE_MISSING), findings.checked());
        return findings.inCheckOrder();
    }

    @Test
    void anEntryWithoutItsSourceAndAnEligibleFileNotInTheZipAreNamed() throws IOException {
        Files.delete(good.content().resolve("config/scene.yaml"));
        TempTrees.file(good.content(), "notes/later.txt", "new");
        Files.delete(good.content().resolve("images/logo.png"));
        TempTrees.symlink(good.content().resolve("images/logo.png"), good.content().resolve("config/settings.yaml"));
        assertEquals(List.of(
                VerifyFinding.entry(VerifyCheck.VZ_SOURCE_MISMATCH, "config/scene.yaml", "no file at this path in the content dir"),
                VerifyFinding.entry(VerifyCheck.VZ_SOURCE_MISMATCH, "images/logo.png",
                        "the content dir has a symlink at this path, not a regular file"),
                VerifyFinding.entry(VerifyCheck.VZ_SOURCE_MISSING, "notes/later.txt", "an eligible source file that is not in the zip")),
                sourcesOf(good, entriesOf(good.zip())));
    }

    @Test
    void aSourceOfOtherBytesIsNamedWithBothSizesAndDigests() throws IOException {
        Path readme = good.content().resolve("notes/readme.txt");
        String zipped = TempTrees.sha256(Files.readAllBytes(readme));
        Files.writeString(readme, "changed");
        List<EntryState> entries = entriesOf(good.zip());
        assertEquals(List.of(), sourcesOf(good, entries), "an entry not read whole is compared by presence only");
        entries.get(3).sha256Hex = zipped;
        entries.get(3).bytesRead = 600;
        assertEquals(List.of(VerifyFinding.entry(VerifyCheck.VZ_SOURCE_MISMATCH, "notes/readme.txt", "the entry (600 bytes, sha256 "
                + zipped + ") differs from the source file (7 bytes, sha256 " + TempTrees.sha256("changed".getBytes(StandardCharsets.UTF_8))
                + ")")),
                sourcesOf(good, entries));
    }

    @Test
    void aDecomposedSourceIsFoundByItsComposedNameWhereTheManifestSaysSo() throws IOException {
        String decomposed = "notes/cafe\u0301.txt";
        TempTrees.file(good.content(), decomposed, "decomposed on disk");
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(3, ZipTamper.Entry.v1("notes/caf\u00e9.txt", "decomposed on disk"));
        Path zip = VerifyFixtures.craft(tmp, "composed.zip", entries);
        List<EntryState> states = entriesOf(zip);
        assertEquals(List.of(), sourcesOf(good, states), "found by its composed name, and not missing");

        Findings before140 = new Findings();
        new SourceCheck(before140).compare(SourceTree.of(good.content(), false), null, bans(good), null, states);
        assertEquals(List.of(
                VerifyFinding.entry(VerifyCheck.VZ_SOURCE_MISMATCH, "notes/caf\u00e9.txt", "no file at this path in the content dir"),
                VerifyFinding.entry(VerifyCheck.VZ_SOURCE_MISSING, decomposed, "an eligible source file that is not in the zip")),
                before140.inCheckOrder(), "before 1.4.0 a name is the source's as it is");
    }

    @Test
    void twoSourcesComposingToTheEntrysNameAreNamedNotGuessed() throws IOException {
        TempTrees.file(good.content(), "notes/cafe\u0301.txt", "decomposed");
        TempTrees.file(good.content(), "notes/caf\u00e9.txt", "composed");
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(3, ZipTamper.Entry.v1("notes/caf\u00e9.txt", "composed"));
        List<VerifyFinding> found = sourcesOf(good, entriesOf(VerifyFixtures.craft(tmp, "twice.zip", entries)));
        assertEquals(1, found.size(), found.toString());
        assertEquals(VerifyCheck.VZ_SOURCE_MISMATCH, found.get(0).check());
        assertEquals("notes/caf\u00e9.txt", found.get(0).entry());
        assertTrue(found.get(0).message().startsWith("two files in the content dir compose to this name"), found.get(0).message());
    }
}
