package secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.SecretCorpus;
import support.TempTrees;

class SecretScannerTest {
    static final SecretRules SHIPPED = SecretRules.load(TempTrees.repoRoot().resolve("data").resolve("secret_rules.json"));

    static List<SecretFinding> scan(byte[] bytes, int chunk) {
        SecretScanner scanner = new SecretScanner(SHIPPED, "f.txt", null);
        for (int i = 0; i < bytes.length; i += chunk) {
            scanner.feed(bytes, i, Math.min(chunk, bytes.length - i));
        }
        return scanner.finish();
    }

    static List<SecretFinding> scan(String text) {
        return scan(text.getBytes(StandardCharsets.UTF_8), 1 << 16);
    }

    @Test
    void everyShippedRuleCatchesItsPlantedCredential() {
        for (long seed = 1; seed <= 20; seed++) {
            Map<String, SecretCorpus.Planted> planted = new SecretCorpus(seed).onePerRule();
            assertEquals(new java.util.TreeSet<>(SHIPPED.ruleIds()), new java.util.TreeSet<>(planted.keySet()),
                    "the corpus plants one credential per shipped rule");
            for (SecretCorpus.Planted p : planted.values()) {
                List<SecretFinding> found = scan("intro line\n  " + p.text() + "\ntrailer\n");
                assertTrue(found.stream().anyMatch(f -> f.rule().equals(p.rule())), p.rule() + " (seed " + seed + ") found " + found);
                SecretFinding first = found.stream().filter(f -> f.rule().equals(p.rule())).findFirst().orElseThrow();
                long lines = p.text().chars().filter(c -> c == '\n').count();
                assertTrue(first.line() >= 2 && first.line() <= 2 + lines, p.rule() + " on line " + first.line());
                assertFalse(first.preview().contains(p.secret()), "the preview holds no secret");
                assertTrue(first.preview().length() <= SecretFinding.PREVIEW_CHARS + 1);
            }
        }
    }

    @Test
    void aCredentialAcrossEveryChunkBoundaryIsFoundOnceAtItsLineAndColumn() {
        SecretCorpus corpus = new SecretCorpus(3);
        String token = "ghp_" + corpus.checksummed(30);
        byte[] bytes = ("line one\nline two\n   x=" + token + " end\n").getBytes(StandardCharsets.US_ASCII);
        for (int chunk = 1; chunk <= bytes.length; chunk++) {
            List<SecretFinding> found = scan(bytes, chunk);
            assertEquals(1, found.size(), "chunk " + chunk);
            assertEquals(3, found.get(0).line());
            assertEquals(6, found.get(0).column());
            assertEquals("ghp_…", found.get(0).preview());
        }
    }

    @Test
    void aTokenThatGoesOnOrStartsInsideAWordIsNone() {
        SecretCorpus corpus = new SecretCorpus(4);
        String body = corpus.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 37);
        assertEquals(List.of(), scan("ghp_" + body + "\n"), "37 characters are no classic GitHub token");
        assertEquals(List.of(), scan("xghp_" + body.substring(1) + "\n"), "a keyword inside a word starts nothing");
        String token = corpus.checksummed(30);
        assertEquals(List.of(), scan("xghp_" + token + "\n"), "a keyword inside a word starts nothing");
        assertEquals(1, scan("(ghp_" + token + ")\n").size());
        assertEquals(List.of(), scan("(ghp_" + token.substring(0, 35) + (token.charAt(35) == 'a' ? 'b' : 'a') + ")\n"),
                "a classic token whose last 6 characters are not the CRC-32 of the 30 before is none");
    }

    @Test
    void utf16WithByteOrderMarkIsScannedAndBinaryIsSkipped() {
        SecretCorpus.Planted planted = new SecretCorpus(5).onePerRule().get("stripe-live-key");
        String text = "notes\r\n" + planted.text() + "\r\n";
        List<SecretFinding> le = scan(("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE), 7);
        List<SecretFinding> be = scan(("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE), 4096);
        assertEquals(1, le.size());
        assertEquals(2, le.get(0).line());
        assertEquals(12, le.get(0).column(), "columns count code units after the byte-order mark");
        assertEquals(le.get(0).fingerprint(), be.get(0).fingerprint(), "same text, same fingerprint in either byte order");
        byte[] binary = ("\0\0\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(List.of(), scan(binary, 100), "a NUL in the first block makes the content binary");
    }

    @Test
    void wideTextWithoutAByteOrderMarkIsToldFromBinaryByWhereItsNulsStand() {
        SecretCorpus.Planted planted = new SecretCorpus(6).onePerRule().get("github-token");
        String text = "notes\r\n" + planted.text() + "\r\n";
        for (String charset : new String[] {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"}) {
            for (int chunk : new int[] {3, 4096}) {
                List<SecretFinding> found = scan(text.getBytes(java.nio.charset.Charset.forName(charset)), chunk);
                assertEquals(List.of("github-token"), found.stream().map(SecretFinding::rule).toList(), charset + " chunk " + chunk);
                assertEquals(2, found.get(0).line(), charset);
                assertEquals(8, found.get(0).column(), charset + ": columns count code units");
            }
        }
        assertEquals(List.of("github-token"), scan(("\uFEFF" + text).getBytes(java.nio.charset.Charset.forName("UTF-32LE")), 5)
                .stream().map(SecretFinding::rule).toList(), "UTF-32 with its byte-order mark");
        byte[] binary = new byte[4096];
        new java.util.Random(3).nextBytes(binary);
        binary[10] = 0;
        byte[] withToken = java.util.Arrays.copyOf(binary, binary.length + planted.text().length());
        System.arraycopy(planted.text().getBytes(StandardCharsets.US_ASCII), 0, withToken, binary.length, planted.text().length());
        assertEquals(List.of(), scan(withToken, 1000), "random bytes with a NUL stay binary");
    }

    @Test
    void aKeyInANotebooksOutputOneJsonStringPerLineIsFound() {
        SecretCorpus corpus = new SecretCorpus(9);
        StringBuilder cell = new StringBuilder("{\"outputs\": [{\"name\": \"stdout\", \"text\": [\n    \"-----BEGIN RSA PRIVATE KEY-----\\n\",\n");
        for (int i = 0; i < 12; i++) {
            cell.append("    \"").append(corpus.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 64)).append("\\n\",\n");
        }
        cell.append("    \"-----END RSA PRIVATE KEY-----\\n\"\n]}]}\n");
        assertEquals(List.of("pem-private-key"), scan(cell.toString()).stream().map(SecretFinding::rule).toList());
        assertEquals(List.of(), scan("print(\"-----BEGIN RSA PRIVATE KEY-----\" + body + \"-----END RSA PRIVATE KEY-----\")\n"
                + "The header above is followed by prose, not by a key, so there is nothing to find here at all.\n"),
                "a header followed by code or prose is no key");
    }

    @Test
    void aValueInAYamlBlockScalarIsFoundAndALineBreakAloneReachesNoFurther() {
        SecretCorpus corpus = new SecretCorpus(8);
        String password = corpus.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 14) + corpus.chars("0123456789", 2);
        String token = corpus.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 30) + corpus.chars("0123456789", 2);
        for (String header : List.of(">-", ">", "|", "|+", ">-  ")) {
            List<SecretFinding> found = scan("db:\n  password: " + header + "\n    " + password + "\n  host: db\n");
            assertEquals(List.of("password-assignment"), found.stream().map(SecretFinding::rule).toList(), header);
            assertEquals(2, found.get(0).line(), "where the keyword stands");
            assertEquals(List.of("generic-secret-assignment"), scan("service:\n  api_token: " + header + "\r\n    " + token + "\n")
                    .stream().map(SecretFinding::rule).toList(), header);
        }
        assertEquals(List.of(), scan("db:\n  password:\n    " + password + "\n"), "a line break without > or | starts no value");
        assertEquals(List.of(), scan("| password: |\n| " + password + " |\n"), "a table's cells are no block scalar");
        assertEquals(List.of(), scan("db:\n  password: >-\n\n    " + password + "\n"), "one line break, not two");
    }

    @Test
    void aMimeBodyInBase64OfAKeyFileOrOfEnvTextIsFound() {
        SecretCorpus corpus = new SecretCorpus(9);
        String pem = "-----BEGIN RSA PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(corpus.bytes(600))
                + "\n-----END RSA PRIVATE KEY-----\n";
        String env = "DB_HOST=db.internal\nDB_PASSWORD=" + corpus.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 18) + "7\n";
        for (Map.Entry<String, String> part : Map.of("base64-private-key", pem, "base64-credential-assignment", env).entrySet()) {
            // 76-character lines, CRLF, after the part's headers: as mail and multipart bodies carry an attachment.
            String body = java.util.Base64.getMimeEncoder().encodeToString(part.getValue().getBytes(StandardCharsets.US_ASCII));
            String mail = "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b1\r\n\r\n--b1\r\n"
                    + "Content-Type: application/octet-stream; name=\"key\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + body + "\r\n--b1--\r\n";
            List<SecretFinding> found = scan(mail);
            assertEquals(List.of(part.getKey()), found.stream().map(SecretFinding::rule).distinct().toList(), mail);
        }
    }

    @Test
    void aFindingNearTheEndOfALargeFileNeedsNoMoreMemoryThanOneNearTheStart() {
        // The scanner's buffer is fixed at construction; feeding 256 MiB through it grows nothing.
        SecretCorpus corpus = new SecretCorpus(8);
        byte[] filler = corpus.cleanText(1 << 20).getBytes(StandardCharsets.US_ASCII);
        SecretScanner scanner = new SecretScanner(SHIPPED, "big.csv", null);
        for (int i = 0; i < 256; i++) {
            scanner.feed(filler, 0, filler.length);
        }
        byte[] tail = ("\nkey,AKIA" + corpus.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16) + "\n").getBytes(StandardCharsets.US_ASCII);
        scanner.feed(tail, 0, tail.length);
        List<SecretFinding> found = scanner.finish();
        assertEquals(1, found.size());
        assertEquals("aws-access-key-id", found.get(0).rule());
        long newlines = 0;
        for (byte x : filler) {
            newlines += x == '\n' ? 1 : 0;
        }
        assertEquals(256 * newlines + 2, found.get(0).line());
    }

    @Test
    void aLongerKeywordAroundAnotherSurvivesTheBufferBeingCompacted(@TempDir Path tmp) throws IOException {
        // An organisation's keyword holding a shipped one ("sk-"): the inner hit queues first, the outer starts earlier.
        String shipped = Files.readString(TempTrees.repoSecretRules());
        Path rules = TempTrees.writeString(tmp.resolve("secret_rules.json"), shipped.replaceFirst("\"rules\": \\[",
                "\"rules\": [{\"id\": \"corp-token\", \"description\": \"d\", \"keywords\": [\"corp-sk-v1-\"],"
                        + " \"pattern\": \"([A-Za-z0-9]{24})\", \"source\": \"https://example.org/corp\"},"));
        SecretRules withCorp = SecretRules.load(rules);
        StringBuilder text = new StringBuilder("lorem ipsum\n".repeat(700));
        text.setLength(SecretScanner.SNIFF_BYTES - 120);
        text.append(" corp-sk-v1-").append(new SecretCorpus(13).chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 24))
                .append(" \n").append("more text\n".repeat(1200));
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        for (int chunk : new int[] {bytes.length, SecretScanner.SNIFF_BYTES, 100}) {
            SecretScanner scanner = new SecretScanner(withCorp, "f.txt", null);
            for (int i = 0; i < bytes.length; i += chunk) {
                scanner.feed(bytes, i, Math.min(chunk, bytes.length - i));
            }
            assertEquals(List.of("corp-token"), scanner.finish().stream().map(SecretFinding::rule).toList(), "chunk " + chunk);
        }
    }
}
