package secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static secrets.SecretScannerTest.SHIPPED;
import static secrets.SecretScannerTest.scan;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import support.SecretCorpus;

/** The judging of keyword hits: directly, and through the scanner where the caps and the budget need a whole file. */
class FileFindingsTest {
    /** The index of a shipped keyword, as the automaton names it. */
    static int keyword(String word) {
        for (int k = 0; k < SHIPPED.keywordBytes.length; k++) {
            if (Arrays.equals(SHIPPED.keywordBytes[k], word.getBytes(StandardCharsets.US_ASCII))) {
                return k;
            }
        }
        throw new AssertionError("no shipped keyword " + word);
    }

    /** Judges the hit of {@code word} at its first place in {@code text}, as the scanner would once every byte came. */
    static FileFindings judged(String text, String word) {
        FileFindings findings = new FileFindings(SHIPPED, "f.txt", null, new LineCounter());
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        int start = text.indexOf(word);
        int k = keyword(word);
        findings.judge(SHIPPED.keywordRule[k], start, start + word.length(), bytes, 0, bytes.length);
        return findings;
    }

    @Test
    void aHitIsAFindingWithItsLineColumnAndKeywordPreviewOnlyWhenItLooksLikeASecret() {
        String key = "AKIA" + new SecretCorpus(21).chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
        List<SecretFinding> found = judged("first\nsecond\n  key=" + key + "\n", "AKIA").list();
        assertEquals(1, found.size());
        assertEquals("aws-access-key-id", found.get(0).rule());
        assertEquals(3, found.get(0).line());
        assertEquals(7, found.get(0).column());
        assertEquals("AKIA…", found.get(0).preview());
        assertFalse(found.get(0).approved());
        assertEquals(List.of(), judged("key=AKIAIOSFODNN7EXAMPLE\n", "AKIA").list(), "a documented example value");
        assertEquals(List.of(), judged("key=AKIAAAAAAAAAAAAAAAAA\n", "AKIA").list(), "too little entropy");
        assertEquals(List.of(), judged("key=AKIA" + key.substring(4, 18) + "\n", "AKIA").list(), "too short for the pattern");
        assertEquals(List.of(), judged("key=" + key + "A\n", "AKIA").list(), "the token goes on past the pattern");
    }

    @Test
    void overlappingMatchesOfOneRuleAreOneFinding() {
        String key = "AKIA" + new SecretCorpus(22).chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
        byte[] bytes = ("k=" + key + "\n").getBytes(StandardCharsets.US_ASCII);
        FileFindings findings = new FileFindings(SHIPPED, "f.txt", null, new LineCounter());
        int rule = SHIPPED.keywordRule[keyword("AKIA")];
        findings.judge(rule, 2, 6, bytes, 0, bytes.length);
        findings.judge(rule, 2, 6, bytes, 0, bytes.length);
        assertEquals(1, findings.list().size());
        assertEquals(1, findings.total());
    }

    @Test
    void entropyIsZeroForOneRepeatedByteAndEightBitsForEveryByteOnce() {
        byte[] same = "aaaaaaaa".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0.0, FileFindings.entropy(same, 0, same.length));
        byte[] every = new byte[256];
        for (int b = 0; b < every.length; b++) {
            every[b] = (byte) b;
        }
        assertEquals(8.0, FileFindings.entropy(every, 0, every.length), 1e-9);
        assertEquals(1.0, FileFindings.entropy("abab".getBytes(StandardCharsets.US_ASCII), 0, 4), 1e-9);
    }

    @Test
    void lookAlikesAndCleanTextAreNoFindings() {
        SecretCorpus corpus = new SecretCorpus(7);
        for (String text : corpus.lookAlikes()) {
            assertEquals(List.of(), scan(text), text.substring(0, Math.min(80, text.length())));
        }
        assertEquals(List.of(), scan(corpus.cleanText(1 << 20)));
    }

    @Test
    void theFingerprintCoversRulePathAndMatchedBytes() {
        SecretCorpus corpus = new SecretCorpus(6);
        String a = "ghp_" + corpus.checksummed(30);
        String b = "ghp_" + corpus.checksummed(30);
        String fa = scan("k=" + a).get(0).fingerprint();
        assertEquals(fa, scan("other text\nk=" + a + "\n").get(0).fingerprint(), "moving the line keeps the fingerprint");
        assertNotEquals(fa, scan("k=" + b).get(0).fingerprint(), "another token, another fingerprint");
        SecretScanner elsewhere = new SecretScanner(SHIPPED, "g.txt", null);
        byte[] bytes = ("k=" + a).getBytes(StandardCharsets.US_ASCII);
        elsewhere.feed(bytes, 0, bytes.length);
        assertNotEquals(fa, elsewhere.finish().get(0).fingerprint(), "another path, another fingerprint");
    }

    @Test
    void thePreviewNeverGoesPastTheKeyword() {
        SecretCorpus.Planted twilio = new SecretCorpus(12).onePerRule().get("twilio-api-key");
        assertEquals("SK…", scan(twilio.text()).get(0).preview(), "a two-character keyword previews two characters");
    }

    @Test
    void everyDistinctFingerprintIsListedHoweverManyCopiesCameFirst() {
        SecretCorpus corpus = new SecretCorpus(14);
        String fixture = "ghp_" + corpus.checksummed(30);
        String real = "ghp_" + corpus.checksummed(30);
        List<SecretFinding> found = scan(("fixture = " + fixture + "\n").repeat(FileFindings.MAX_FINDINGS_PER_FILE + 5)
                + "real = " + real + "\n");
        assertEquals(2, found.stream().map(SecretFinding::fingerprint).distinct().count(), "the new token after the cap is listed");
        SecretApprovals fixtureOnly = new SecretApprovals(null, null, List.of(new SecretApprovals.Approval(found.get(0).fingerprint(),
                "github-token", "f.txt", "fixture", "me", "2026-11-29T00:00:00Z")));
        assertEquals(1, fixtureOnly.apply(found).stream().filter(f -> !f.approved()).count());
    }

    @Test
    void overlappingKeywordsStopTheScanWithAFindingNoApprovalClears() {
        byte[] headers = "-----BEGIN PRIVATE KEY-----\n".repeat(300_000).getBytes(StandardCharsets.US_ASCII);
        List<SecretFinding> found = scan(headers, 1 << 16);
        assertEquals(List.of(SecretFinding.TOO_COSTLY_RULE), found.stream().map(SecretFinding::rule).toList());
        SecretApprovals all = new SecretApprovals(null, null, List.of(new SecretApprovals.Approval(found.get(0).fingerprint(),
                SecretFinding.TOO_COSTLY_RULE, "f.txt", "n", "me", "2026-11-29T00:00:00Z")));
        assertFalse(all.apply(found).get(0).approved(), "what was not scanned cannot be approved");
    }

    @Test
    void manyKeywordHitsCostLinearTimeAndRepeatedFindingsAreCapped() {
        StringBuilder text = new StringBuilder();
        Random random = new Random(9);
        for (int i = 0; i < 200_000; i++) {
            text.append(" AKIA").append(random.nextInt(10));
        }
        String repeated = "\nghp_" + new SecretCorpus(10).checksummed(30);
        text.append(repeated.repeat(100));
        for (int i = 0; i < 30; i++) {
            text.append("\nghp_").append(new SecretCorpus(100 + i).checksummed(30));
        }
        SecretScanner scanner = new SecretScanner(SHIPPED, "f.txt", null);
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        scanner.feed(bytes, 0, bytes.length);
        List<SecretFinding> found = scanner.finish();
        assertEquals(FileFindings.MAX_FINDINGS_PER_FILE + 30, found.size(), "20 occurrences, then each new fingerprint once");
        assertEquals(31, found.stream().map(SecretFinding::fingerprint).distinct().count());
        assertEquals(130, scanner.total());
    }

    @Test
    void aTokenThatStartsAheadOfItsKeywordIsPlacedWhereItStartsAndAGenericRuleLeavesItToItsVendor() {
        SecretCorpus.Planted azure = new SecretCorpus(15).onePerRule().get("azure-ad-client-secret");
        List<SecretFinding> found = scan("x: 1\n" + azure.text() + "\n");
        assertEquals(List.of("azure-ad-client-secret"), found.stream().map(SecretFinding::rule).toList(),
                "one token, one finding, under its vendor's name (not the generic *_SECRET= rule)");
        assertEquals(azure.text().indexOf(azure.secret()) + 1, found.get(0).column(), "the column of the token's first character");
        assertEquals("Q~…", found.get(0).preview(), "the preview is the keyword, never the characters ahead of it");
        assertEquals(List.of(), scan("x" + azure.secret() + "\n"), "inside a longer word it starts nothing");
        SecretCorpus.Planted users = new SecretCorpus(16).onePerRule().get("password-assignment");
        assertEquals(List.of(), scan("{ username: 'alice', password: 'alice-Pass2w', origin: 'x' }\n"),
                "a password made of the user name is an example, not a secret");
        assertEquals(1, scan(users.text() + "\n").size());
    }
}
