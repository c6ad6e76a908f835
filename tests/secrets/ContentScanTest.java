package secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import console.Progress;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scan.ScannedEntry;
import support.SecretCorpus;
import support.TempTrees;

class ContentScanTest {
    static final SecretRules RULES = SecretRules.load(TempTrees.repoSecretRules());
    static final ContentScan SCAN = new ContentScan(RULES, SecretApprovals.none(), path -> path.endsWith(".png"));

    @TempDir
    Path tmp;

    static byte[] container(String... namesAndTexts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void officeMembersAreScannedOneLevelDownAndNamed() throws IOException {
        String token = new SecretCorpus(2).onePerRule().get("slack-token").text();
        byte[] xlsx = container("xl/sharedStrings.xml", "<sst><si><t>" + token + "</t></si></sst>", "xl/workbook.xml", "<workbook/>");
        List<SecretFinding> found = SCAN.scanContainer("sheet.xlsx", new ByteArrayInputStream(xlsx), xlsx.length);
        assertEquals(1, found.size());
        assertEquals("xl/sharedStrings.xml", found.get(0).entry());
        assertEquals("slack-token", found.get(0).rule());
        assertEquals(List.of(), SCAN.scanContainer("clean.docx",
                new ByteArrayInputStream(container("word/document.xml", "<w:t>hello</w:t>")), 100));
    }

    @Test
    void aDocumentInsideAZipAndACsvInsideGzipAreScannedAndAThirdLevelIsNot() throws IOException {
        var planted = new SecretCorpus(5).onePerRule();
        byte[] docx = container("word/document.xml", "<w:t>" + planted.get("github-token").text() + "</w:t>");
        ByteArrayOutputStream zipBytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipBytes)) {
            zip.putNextEntry(new ZipEntry("brief/notes.txt"));
            zip.write(planted.get("stripe-live-key").text().getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("brief/spec.docx"));
            zip.write(docx);
        }
        byte[] outer = zipBytes.toByteArray();
        List<SecretFinding> found = SCAN.scanContainer("delivery.zip", new ByteArrayInputStream(outer), outer.length);
        assertEquals(List.of("brief/notes.txt stripe-live-key", "brief/spec.docx!word/document.xml github-token"),
                found.stream().map(f -> f.entry() + " " + f.rule()).toList());

        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(("id,key\n1," + planted.get("aws-access-key-id").text() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        List<SecretFinding> inGzip = SCAN.scanContainer("export/table.csv.gz", new ByteArrayInputStream(gz.toByteArray()), gz.size());
        assertEquals(List.of("table.csv aws-access-key-id"), inGzip.stream().map(f -> f.entry() + " " + f.rule()).toList());

        ByteArrayOutputStream deep = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(deep)) {
            zip.putNextEntry(new ZipEntry("inner.zip"));
            zip.write(outer);
        }
        List<SecretFinding> tooDeep = SCAN.scanContainer("deep.zip", new ByteArrayInputStream(deep.toByteArray()), deep.size());
        assertEquals(List.of(ContentScan.UNSCANNABLE_RULE), tooDeep.stream().map(SecretFinding::rule).toList(),
                "a docx in a zip in a zip is three levels: not scanned, so not called clean");
    }

    @Test
    void aContainerThatCannotBeReadToItsEndIsAFindingNotASilentPass() throws IOException {
        byte[] notZip = "this is no zip at all".getBytes(StandardCharsets.US_ASCII);
        assertEquals(ContentScan.UNSCANNABLE_RULE, SCAN.scanContainer("a.docx", new ByteArrayInputStream(notZip), notZip.length)
                .get(0).rule());
        // A member that inflates past the bound (a deflate bomb) stops the scan of that container.
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 80; i++) {
                zip.write(zeros);
            }
        }
        byte[] whole = container("word/document.xml", "<w:t>" + "hello ".repeat(20_000) + "</w:t>");
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        SecretFinding truncated = SCAN.scanContainer("a.docx", new ByteArrayInputStream(half), half.length).get(0);
        assertEquals(ContentScan.UNSCANNABLE_RULE, truncated.rule(), "a truncated container is a finding, not an I/O error");
        half[half.length - 1] ^= 1;
        assertTrue(!truncated.fingerprint().equals(SCAN.scanContainer("a.docx", new ByteArrayInputStream(half), half.length)
                .get(0).fingerprint()), "its fingerprint follows its bytes: an approval does not carry over to other content");
        List<SecretFinding> found = SCAN.scanContainer("bomb.docx", new ByteArrayInputStream(bomb.toByteArray()), bomb.size());
        assertEquals(1, found.size());
        assertEquals(ContentScan.UNSCANNABLE_RULE, found.get(0).rule());
        assertTrue(bomb.size() < 200_000, "80 MiB of zeros in " + bomb.size() + " bytes");
    }

    @Test
    void storedMediaIsNotScannedAndTextIs() throws IOException {
        String token = new SecretCorpus(3).onePerRule().get("npm-token").text();
        List<ScannedEntry> entries = new java.util.ArrayList<>();
        for (String name : List.of("a.png", "a.txt")) {
            Path file = TempTrees.file(tmp, name, token);
            entries.add(new ScannedEntry(name, tmp, ScannedEntry.Kind.REGULAR, Files.size(file), 0, null));
        }
        Path binary = TempTrees.file(tmp, "b.dat", "\0\u0001\u0002" + token);
        entries.add(new ScannedEntry("b.dat", tmp, ScannedEntry.Kind.REGULAR, Files.size(binary), 0, null));
        ContentScan scan = new ContentScan(RULES, SecretApprovals.none(), path -> path.endsWith(".png"));
        List<SecretFinding> found = scan.scanFiles(entries, 1, Progress.NONE);
        assertEquals(List.of("a.txt npm-token"), found.stream().map(f -> f.path() + " " + f.rule()).toList());
        assertEquals(List.of(new NotScanned("a.png", NotScanned.MEDIA), new NotScanned("b.dat", NotScanned.BINARY)), scan.notScanned(),
                "what was not read is noted, in path order");
    }

    @Test
    void theDryRunsScanKeepsTheFilesOrderAndMarksApprovals() {
        SecretCorpus corpus = new SecretCorpus(4);
        var planted = corpus.onePerRule();
        List<ScannedEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String name = String.format("f%02d.txt", i);
            Path file = TempTrees.file(tmp, name, i % 10 == 0 ? planted.get("google-api-key").text() + "\n" + i : corpus.cleanText(3000));
            entries.add(new ScannedEntry(name, tmp, ScannedEntry.Kind.REGULAR, TempTrees.readBytes(file).length, 0, null));
        }
        List<SecretFinding> found = SCAN.scanFiles(entries, 4, Progress.NONE);
        assertEquals(List.of("f00.txt", "f10.txt", "f20.txt", "f30.txt", "f40.txt"), found.stream().map(SecretFinding::path).toList());
        SecretApprovals approvals = new SecretApprovals(tmp.resolve("allow.json"), null, List.of(new SecretApprovals.Approval(
                found.get(1).fingerprint(), "google-api-key", "f10.txt", "n", "me", "2026-01-01T00:00:00Z")));
        List<SecretFinding> judged = new ContentScan(RULES, approvals, p -> false).judge(found);
        assertEquals(List.of(false, true, false, false, false), judged.stream().map(SecretFinding::approved).toList());
    }
}
