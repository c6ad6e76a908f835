package verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static verify.ZipVerifierTest.assertOnly;
import static verify.ZipVerifierTest.bans;
import static verify.ZipVerifierTest.describe;
import static verify.ZipVerifierTest.entriesOf;
import static verify.ZipVerifierTest.policy;
import static verify.ZipVerifierTest.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import support.StagerZipFixture;
import support.TempTrees;
import support.VerifyFixtures;
import support.ZipTamper;

/** PolicyCheck: every entry against the project's allowlist and the global bans (--project-id). */
class PolicyCheckTest extends StagerZipFixture {
    @Test
    void entryTheAllowlistDoesNotAllowFailsPolicy() {
        Path narrow = TempTrees.dataDir(tmp.resolve("narrow"), VerifyFixtures.PROJECT, List.of("txt", "yaml"));
        ZipVerifier.Result result = verify(good.zip(), null, policy(narrow, VerifyFixtures.PROJECT, good), bans(good));
        assertOnly(result, VerifyCheck.VZ_POLICY);
        assertEquals("images/logo.png", result.findings().get(0).entry());
        assertTrue(result.findings().get(0).message().contains("not_allowed"), describe(result));
    }

    @Test
    void bannedEntryFailsPolicyWhateverTheAllowlist() {
        Path wide = TempTrees.dataDir(tmp.resolve("wide"), VerifyFixtures.PROJECT, List.of("exe", "png", "txt", "yaml"));
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(ZipTamper.Entry.v1("tools/run.exe", "MZ"));
        ZipVerifier.Result result = verify(VerifyFixtures.craft(tmp, "exe.zip", entries), null, policy(wide, VerifyFixtures.PROJECT, good),
                bans(good));
        assertOnly(result, VerifyCheck.VZ_POLICY);
        assertTrue(result.findings().get(0).message().contains("banned_type"), describe(result));
    }

    @Test
    void eachEntryIsClassifiedAsTheProjectWouldAFileOfItsNameAndSize() {
        Path narrow = TempTrees.dataDir(tmp.resolve("narrow"), VerifyFixtures.PROJECT, List.of("txt", "yaml", "exe"));
        List<ZipTamper.Entry> entries = new ArrayList<>(VerifyFixtures.v1Entries());
        entries.add(ZipTamper.Entry.v1("tools/run.exe", "MZ"));
        Findings findings = new Findings();
        new PolicyCheck(findings).check(policy(narrow, VerifyFixtures.PROJECT, good),
                entriesOf(ZipTamper.writeZip(tmp.resolve("policy.zip"), entries)));
        List<VerifyFinding> found = findings.inCheckOrder();
        assertEquals(List.of("images/logo.png", "tools/run.exe"), found.stream().map(VerifyFinding::entry).toList(), found.toString());
        assertTrue(found.get(0).message().startsWith("the project would not ship it: not_allowed"), found.get(0).message());
        assertTrue(found.get(1).message().startsWith("the project would not ship it: banned_type"), found.get(1).message());
        assertEquals(Set.of(VerifyCheck.VZ_POLICY), findings.checked());
    }
}
