package verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static verify.ZipVerifierTest.assertOnly;
import static verify.ZipVerifierTest.assertValid;
import static verify.ZipVerifierTest.codes;
import static verify.ZipVerifierTest.describe;
import static verify.ZipVerifierTest.entriesOf;
import static verify.ZipVerifierTest.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.VerifyFixtures;
import support.ZipTamper;
import zip.ZipManifest;
import zip.ZipPolicyV1;

/** NameCheck: unsafe, hidden and directory names, and names that land on the same path. */
class NameCheckTest {
    @TempDir
    Path tmp;

    @Test
    void dotDotEntryFailsEvenWithAMatchingManifest() {
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(0, ZipTamper.Entry.v1("../evil.txt", "escaped"));
        ZipVerifier.Result result = verify(VerifyFixtures.craft(tmp, "dotdot.zip", entries));
        assertOnly(result, VerifyCheck.VZ_UNSAFE_NAME);
        assertEquals("../evil.txt", result.findings().get(0).entry());
    }

    @Test
    void hiddenEntryFails() {
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(3, ZipTamper.Entry.v1("notes/.secret.txt", "psst"));
        assertOnly(verify(VerifyFixtures.craft(tmp, "hidden.zip", entries)), VerifyCheck.VZ_HIDDEN_ENTRY);
    }

    @Test
    void directoryEntryFails() {
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(2, ZipTamper.Entry.v1("images/", new byte[0]).with(e -> e.externalAttributes = (040755L << 16) | 0x10));
        assertOnly(verify(VerifyFixtures.craft(tmp, "dir.zip", entries)), VerifyCheck.VZ_DIRECTORY_ENTRY);
    }

    @Test
    void invalidUtf8NameFails() {
        Path zip = VerifyFixtures.craft(tmp, "badutf8.zip", VerifyFixtures.v1EntriesWith("notes/readme.txt",
                e -> e.with(x -> x.name = new byte[] {'n', 'o', 't', 'e', 's', '/', (byte) 0xff, '.', 't', 'x', 't'})));
        assertTrue(codes(verify(zip)).contains(VerifyCheck.VZ_UNSAFE_NAME));
    }

    @Test
    void nonAsciiNameWithoutTheUtf8FlagFails() {
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(ZipTamper.Entry.v1("notes/r\u00e9sum\u00e9.txt", "cv").with(e -> e.flags = 0));
        assertOnly(verify(VerifyFixtures.craft(tmp, "cp437.zip", entries)), VerifyCheck.VZ_UNSAFE_NAME, VerifyCheck.VZ_ENTRY_FLAGS);
    }

    @Test
    void nonAsciiNameWithTheUtf8FlagPasses() {
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(ZipTamper.Entry.v1("notes/r\u00e9sum\u00e9.txt", "cv"));
        assertValid(verify(VerifyFixtures.craft(tmp, "utf8.zip", entries)));
    }

    @Test
    void unsafeNamesFail() {
        for (String name : List.of("/etc/x.txt", "C:/x.txt", "a\\b.txt", "a//b.txt", "a/./b.txt", "a/b\u0007.txt")) {
            Path zip = VerifyFixtures.craft(tmp, "unsafe.zip", List.of(ZipTamper.Entry.v1(name, "x")));
            ZipVerifier.Result result = verify(zip);
            assertTrue(codes(result).contains(VerifyCheck.VZ_UNSAFE_NAME), name + "\n" + describe(result));
        }
    }

    @Test
    void exactDuplicateNameFails() {
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(ZipTamper.Entry.v1("notes/readme.txt", "second copy"));
        ZipVerifier.Result result = verify(VerifyFixtures.craft(tmp, "dup.zip", entries));
        assertTrue(codes(result).contains(VerifyCheck.VZ_DUPLICATE_NAME), describe(result));
    }

    @Test
    void caseFoldDuplicateFails() {
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(3, ZipTamper.Entry.v1("notes/README.txt", "shouting"));
        assertOnly(verify(VerifyFixtures.craft(tmp, "case.zip", entries)), VerifyCheck.VZ_DUPLICATE_NAME);
    }

    @Test
    void nfcDuplicateFails() {
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(ZipTamper.Entry.v1("notes/cafe\u0301.txt", "decomposed"));
        entries.add(ZipTamper.Entry.v1("notes/caf\u00e9.txt", "composed"));
        entries.sort((a, b) -> Arrays.compareUnsigned(a.name, b.name));
        Path zip = VerifyFixtures.craft(tmp, "nfc.zip", entries);
        // A 1.4.0 manifest says names are composed: the decomposed one is also a name-form finding.
        assertEquals(EnumSet.of(VerifyCheck.VZ_DUPLICATE_NAME, VerifyCheck.VZ_NAME_FORM), codes(verify(zip)));
        ZipTamper.editManifest(ZipManifest.pathFor(zip), root -> ((ObjectNode) root.get("metadata")).remove("entry_name_form"));
        assertOnly(verify(zip), VerifyCheck.VZ_DUPLICATE_NAME);
    }

    @Test
    void aNameThatIsBothFileAndFolderFails() {
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(0, ZipTamper.Entry.v1("config", "a file where a folder must be"));
        assertOnly(verify(VerifyFixtures.craft(tmp, "filefolder.zip", entries)), VerifyCheck.VZ_DUPLICATE_NAME);
    }

    @Test
    void deepAndHostileNamesCostTheirLengthAndGiveABoundedReport() {
        // Issue 16: 40 names of 32,000 folders took 141 s; 500 long names of control characters 59 s and 917 MB of --json.
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> {
            List<ZipTamper.Entry> deep = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                deep.add(ZipTamper.Entry.v1("a/".repeat(32_000) + i, "x"));
            }
            deep.sort(java.util.Comparator.comparing(e -> new String(e.name, StandardCharsets.UTF_8)));
            assertValid(verify(VerifyFixtures.craft(tmp, "deep.zip", deep)));

            List<ZipTamper.Entry> hostile = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                hostile.add(ZipTamper.Entry.v1(String.format("%03d", i) + "\u0007\u001b".repeat(30_000), "x"));
            }
            ZipVerifier.Result result = verify(VerifyFixtures.craft(tmp, "hostile.zip", hostile));
            assertTrue(codes(result).contains(VerifyCheck.VZ_UNSAFE_NAME), describe(result).substring(0, 500));
            long unsafe = result.findings().stream().filter(f -> f.check() == VerifyCheck.VZ_UNSAFE_NAME).count();
            assertEquals(Findings.FINDINGS_PER_CHECK + 1, unsafe, "the first hundred, then how many more");
            String json = Json.write(VerifyReport.of(result));
            assertTrue(json.length() < 2_000_000, "a bounded report: " + json.length() + " characters");
        });
    }

    static String problem(String name, int flags) {
        return NameCheck.unsafeNameProblem(name.getBytes(StandardCharsets.UTF_8), name, flags);
    }

    static List<VerifyFinding> namesOf(Path zip) {
        return namesOf(zip, false);
    }

    static List<VerifyFinding> namesOf(Path zip, boolean namesComposed) {
        Findings findings = new Findings();
        NameCheck names = new NameCheck(findings, namesComposed);
        List<EntryState> entries = entriesOf(zip);
        entries.forEach(names::check);
        names.checkDuplicates(entries);
        return findings.inCheckOrder();
    }

    @Test
    void unsafeNameProblemNamesEachDangerZipsFirst() {
        int utf8 = ZipPolicyV1.FLAG_UTF8;
        assertEquals("the name is not valid UTF-8", NameCheck.unsafeNameProblem(new byte[] {'a', (byte) 0xff}, "a\ufffd", utf8));
        assertEquals("a non-ASCII name without the UTF-8 flag (bit 11): readers decode it as CP437, each differently",
                problem("r\u00e9sum\u00e9.txt", 0));
        assertEquals("an empty name", problem("", utf8));
        assertEquals("an absolute path", problem("/etc/x.txt", utf8));
        assertEquals("a backslash, a folder separator on Windows", problem("a\\b.txt", utf8));
        assertEquals("a drive letter", problem("C:/x.txt", utf8));
        assertEquals("a '..' component, which climbs out of the extraction folder", problem("a/../b.txt", utf8));
        assertEquals("a '.' component", problem("a/./b.txt", utf8));
        assertTrue(problem("a/b\u0007.txt", utf8) != null, "then the stager's own rules (NameSafety)");
        assertNull(problem("r\u00e9sum\u00e9.txt", utf8));
        assertNull(problem("notes/readme.txt", 0), "an ASCII name needs no flag");
    }

    @Test
    void eachNameIsCheckedThenTheNamesAgainstEachOther() {
        List<ZipTamper.Entry> entries = Stream.of("config", "config/scene.yaml", "images/", "notes/.secret/.key.txt", "notes/README.txt",
                "notes/readme.txt", "notes/readme.txt").map(name -> ZipTamper.Entry.v1(name, "x")).toList();
        assertEquals(List.of(
                VerifyFinding.entry(VerifyCheck.VZ_DUPLICATE_NAME, "notes/readme.txt",
                        "same name as notes/README.txt after case folding and NFC normalisation"),
                VerifyFinding.entry(VerifyCheck.VZ_DUPLICATE_NAME, "notes/readme.txt", "the zip holds this name more than once"),
                VerifyFinding.entry(VerifyCheck.VZ_DUPLICATE_NAME, "config/scene.yaml", "a folder of it is also the file config"),
                VerifyFinding.entry(VerifyCheck.VZ_HIDDEN_ENTRY, "notes/.secret/.key.txt", "'.secret' is hidden (starts with a dot)"),
                VerifyFinding.entry(VerifyCheck.VZ_DIRECTORY_ENTRY, "images/", "a directory entry; v1 zips hold regular files only")),
                namesOf(ZipTamper.writeZip(tmp.resolve("names.zip"), entries)));
    }

    @Test
    void aDecomposedNameFailsOnlyWhereTheManifestSaysNamesAreComposed() {
        String decomposed = "notes/cafe\u0301.txt";
        List<ZipTamper.Entry> entries = Stream.of("notes/caf\u00e9-composed.txt", decomposed, "notes/plain.txt")
                .map(name -> ZipTamper.Entry.v1(name, "x")).toList();
        Path zip = ZipTamper.writeZip(tmp.resolve("forms.zip"), entries);
        List<VerifyFinding> composed = namesOf(zip, true);
        assertEquals(1, composed.size(), composed.toString());
        assertEquals(VerifyCheck.VZ_NAME_FORM, composed.get(0).check());
        assertEquals(decomposed, composed.get(0).entry());
        assertTrue(composed.get(0).message().contains("libarchive"), composed.get(0).message());
        assertEquals(List.of(), namesOf(zip, false), "a manifest before 1.4.0: names as the source had them");
    }

    @Test
    void theNameFormCheckRunsOnlyForAManifestOfComposedNames() {
        Findings findings = new Findings();
        new NameCheck(findings, false);
        assertFalse(findings.checked().contains(VerifyCheck.VZ_NAME_FORM));
        new NameCheck(findings, true);
        assertTrue(findings.checked().contains(VerifyCheck.VZ_NAME_FORM));
    }
}
