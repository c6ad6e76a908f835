import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import errors.ErrorCode;
import errors.ExitCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import support.CliRun;
import support.HookTrees;
import support.HtmlPages;
import support.SecretCorpus;
import support.StagerProject;
import support.TempTrees;
import support.ZipTamper;
import zip.ZipManifest;

/**
 * The content scan end to end: synthetic credentials planted in every allowed text type are caught rule
 * by rule, refuse the run (also under --allow-unknown) and never appear in any output; approvals let a
 * finding ship; verify_zip --scan-secrets; the provenance record in report, manifest and HTML.
 */
class SecretScanCliTest extends StagerProject {
    /** Every text type a client sends that the scan reads (binary media is STORED and skipped). */
    static final List<String> TEXT_TYPES = List.of("txt", "yaml", "json", "csv", "md", "xml", "ini", "cfg", "env", "html", "log");
    static final List<String> ALLOWED = List.of("txt", "yaml", "json", "csv", "md", "xml", "ini", "cfg", "html", "docx", "png", "zip", "bin");

    SecretScanCliTest() {
        super("sec1", ALLOWED, "sec1.zip");
    }

    /** Characters of a planted secret that, found together in an output, are a leak of it (a preview shows 4). */
    static final int LEAK_WINDOW = 12;

    /**
     * Every file the toolkit wrote for this project, and what it printed: no planted secret may be in any,
     * whole or in part, but the zip itself (where an approved credential is meant to be).
     */
    private void assertNoSecretIn(List<SecretCorpus.Planted> planted, String... printed) throws IOException {
        List<String> texts = new ArrayList<>(List.of(printed));
        try (Stream<Path> written = Stream.concat(Files.walk(out), Files.walk(data))) {
            for (Path file : written.filter(f -> Files.isRegularFile(f) && !f.equals(zip)).toList()) {
                texts.add(file + "\n" + new String(TempTrees.readBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        for (SecretCorpus.Planted p : planted) {
            List<String> parts = randomParts(p);
            for (String text : texts) {
                assertFalse(text.contains(p.secret()), p.rule() + "'s secret leaked into: " + text.substring(0, Math.min(200, text.length())));
                for (String part : parts) {
                    assertFalse(text.contains(part), p.rule() + "'s secret leaked in part (" + part.length() + " characters) into: "
                            + text.substring(0, Math.min(200, text.length())));
                }
            }
        }
    }

    /**
     * Every {@link #LEAK_WINDOW} characters of the secret that hold some of its random part: those not in a
     * secret of the same rule made from another seed (which shares only the format's fixed text, ghp_, AKIA).
     */
    private static List<String> randomParts(SecretCorpus.Planted p) {
        String other = new SecretCorpus(p.secret().hashCode() ^ 0x5eed).onePerRule().get(p.rule()).secret();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i + LEAK_WINDOW <= p.secret().length(); i++) {
            String part = p.secret().substring(i, i + LEAK_WINDOW);
            if (!other.contains(part)) {
                parts.add(part);
            }
        }
        assertFalse(parts.isEmpty(), p.rule() + ": a secret with no random part");
        return parts;
    }

    @Test
    void aCredentialOfEveryRuleInEveryAllowedTextTypeIsCaughtAndNeverPrinted() throws IOException {
        Map<String, SecretCorpus.Planted> byRule = new SecretCorpus(42).onePerRule();
        List<SecretCorpus.Planted> planted = new ArrayList<>();
        Map<String, String> ruleByPath = new HashMap<>();
        int i = 0;
        List<String> types = ALLOWED.stream().filter(t -> !List.of("docx", "png", "zip", "bin").contains(t)).toList();
        for (SecretCorpus.Planted p : byRule.values()) {
            for (String type : types) {
                // Each file holds one credential, after some ordinary text, so every (rule, type) pair is counted.
                String path = "t" + type + "/" + p.rule() + "-" + (i++) + "." + type;
                TempTrees.file(content, path, new SecretCorpus(i).cleanText(300) + "\n" + p.text() + "\n");
                ruleByPath.put(path, p.rule());
            }
            planted.add(p);
        }
        TempTrees.file(content, "clean/readme.txt", new SecretCorpus(1).cleanText(5000));

        CliRun dry = stager("--json");
        assertEquals(ExitCode.REFUSED, dry.exitCode(), dry.describe());
        JsonNode report = dry.json();
        assertEquals(ErrorCode.PZ_SECRET_FOUND.name(), report.get("error").get("code").asText());
        Map<String, String> caught = new HashMap<>();
        for (JsonNode finding : report.get("secrets")) {
            caught.putIfAbsent(finding.get("path").asText(), finding.get("rule").asText());
            assertFalse(finding.get("approved").asBoolean());
            assertEquals(64, finding.get("fingerprint").asText().length());
        }
        assertEquals(ruleByPath, caught, "each planted file is caught by its own rule (caught " + caught.size() + " of "
                + ruleByPath.size() + ")");
        long secretExclusions = 0;
        for (JsonNode excluded : report.get("excluded")) {
            secretExclusions += excluded.get("reason").asText().equals("secret") ? 1 : 0;
        }
        assertEquals(ruleByPath.size(), secretExclusions);
        assertEquals(1, report.get("totals").get("eligibleFiles").asInt(), "only the clean file stays eligible");

        CliRun human = stager("--allow-unknown");
        assertEquals(ExitCode.REFUSED, human.exitCode(), "--allow-unknown never lets a credential through");
        assertTrue(human.err().contains(ErrorCode.PZ_SECRET_FOUND.name()), human.describe());
        CliRun commit = stager("--allow-unknown", "--commit", "--html", tmp.resolve("page.html").toString());
        assertEquals(ExitCode.REFUSED, commit.exitCode(), commit.describe());
        assertFalse(Files.exists(zip), "no zip");
        assertEquals("refused", HookTrees.parseJson(TempTrees.readString(out.resolve("sec1.zip.report.json"))).get("status").asText());
        try (Stream<Path> left = Files.list(out)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".prezip-staging-")), "staging removed");
        }
        String page = TempTrees.readString(out.resolve("sec1.zip.report.html"));
        assertTrue(HtmlPages.idText(page, "error-code").contains("PZ_SECRET_FOUND"));
        assertTrue(page.contains("id=\"secrets\""));
        String dashboardLine = HookTrees.dashboardLines(data).get(0);
        JsonNode line = HookTrees.parseDashboardLine(dashboardLine, false);
        assertEquals(10, line.get("secrets").size(), "the dashboard names where (the first ten)");
        CliRun dashboard = CliRun.dashboard("--data-dir", data.toString());
        assertEquals(ExitCode.OK, dashboard.exitCode(), dashboard.describe());
        assertNoSecretIn(planted, dry.out(), dry.err(), human.out(), human.err(), commit.out(), commit.err(),
                TempTrees.readString(tmp.resolve("page.html")), dashboard.out(), dashboard.err());

        // Every finding approved, the commit ships them: its manifest, contents file, reports and the dashboard
        // name every file and hold none of the credentials, which are in the zip alone.
        approveAll(report.get("secrets"));
        CliRun shipped = stager("--commit", "--html", tmp.resolve("shipped.html").toString());
        assertEquals(ExitCode.OK, shipped.exitCode(), shipped.describe());
        JsonNode manifest = HookTrees.parseJson(TempTrees.readString(ZipManifest.pathFor(zip)));
        assertEquals(ruleByPath.size() + 1, manifest.get("entries").size(), "every planted file ships, approved");
        StringBuilder zipped = new StringBuilder();
        try (java.util.zip.ZipFile read = new java.util.zip.ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(read.entries())) {
                zipped.append(new String(read.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        for (SecretCorpus.Planted p : planted) {
            assertTrue(zipped.indexOf(p.secret()) >= 0, p.rule() + ": the approved credential is in the zip");
        }
        CliRun shippedDashboard = CliRun.dashboard("--data-dir", data.toString());
        assertEquals(ExitCode.OK, shippedDashboard.exitCode(), shippedDashboard.describe());
        assertNoSecretIn(planted, shipped.out(), shipped.err(), TempTrees.readString(tmp.resolve("shipped.html")),
                shippedDashboard.out(), shippedDashboard.err());
    }

    /** The project's approvals file, as --approve-secret writes it, approving each of these findings. */
    private void approveAll(JsonNode findings) {
        com.fasterxml.jackson.databind.node.ObjectNode root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        root.put("projectId", "sec1");
        com.fasterxml.jackson.databind.node.ArrayNode approvals = root.putArray("approvals");
        for (JsonNode finding : findings) {
            approvals.addObject().put("fingerprint", finding.get("fingerprint").asText()).put("rule", finding.get("rule").asText())
                    .put("path", finding.get("path").asText()).put("note", "synthetic test credential")
                    .put("approvedBy", "test").put("approvedAt", "2026-01-01T00:00:00Z");
        }
        TempTrees.writeString(data.resolve("projects/sec1_secrets_allow.json"), root.toPrettyString());
    }

    @Test
    void cleanTextAndLookAlikesPass() {
        SecretCorpus corpus = new SecretCorpus(5);
        List<String> lookAlikes = corpus.lookAlikes();
        for (int i = 0; i < lookAlikes.size(); i++) {
            TempTrees.file(content, "look/alike" + i + "." + TEXT_TYPES.get(i % 4), lookAlikes.get(i));
        }
        for (int i = 0; i < 40; i++) {
            TempTrees.file(content, "clean/file" + i + "." + TEXT_TYPES.get(i % 4), corpus.cleanText(20_000));
        }
        CliRun run = stager("--json");
        assertEquals(ExitCode.OK, run.exitCode(), run.describe());
        assertEquals(0, run.json().get("secrets").size(), "no false positive in " + (lookAlikes.size() + 40) + " files");
        assertTrue(run.json().get("contentScanned").asBoolean());
    }

    @Test
    void utf16TextAndOfficeDocumentsAreScannedAndMediaIsNot() throws IOException {
        Map<String, SecretCorpus.Planted> planted = new SecretCorpus(11).onePerRule();
        String stripe = planted.get("stripe-live-key").text();
        Files.write(content.resolve("notes-utf16.txt"), ("\uFEFFclient notes\r\n" + stripe + "\r\n").getBytes(StandardCharsets.UTF_16LE));
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (ZipOutputStream zipOut = new ZipOutputStream(docx)) {
            zipOut.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zipOut.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zipOut.putNextEntry(new ZipEntry("word/document.xml"));
            zipOut.write(("<w:document><w:t>deploy key " + planted.get("github-token").text() + "</w:t></w:document>")
                    .getBytes(StandardCharsets.UTF_8));
        }
        Files.write(content.resolve("brief.docx"), docx.toByteArray());
        // A PNG is STORED media: its bytes are not scanned (a token in image data is noise, not a leak).
        Files.write(content.resolve("frame.png"), ("\u0089PNG\r\n\u001a\n" + planted.get("npm-token").text()).getBytes(StandardCharsets.ISO_8859_1));
        // What an operator produces by accident: UTF-16 without a byte-order mark, a key file pasted as base64,
        // the brief inside a zip.
        Files.write(content.resolve("notes-utf16-no-bom.txt"), ("client notes\r\n" + planted.get("slack-token").text() + "\r\n")
                .getBytes(StandardCharsets.UTF_16LE));
        TempTrees.file(content, "config/key.yaml", "tls:\n  key: " + Base64.getEncoder().encodeToString(
                planted.get("pem-private-key").text().getBytes(StandardCharsets.US_ASCII)) + "\n");
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zipOut = new ZipOutputStream(zipped)) {
            zipOut.putNextEntry(new ZipEntry("handover/brief.docx"));
            zipOut.write(docx.toByteArray());
        }
        Files.write(content.resolve("handover.zip"), zipped.toByteArray());
        byte[] binary = new byte[5000];
        new java.util.Random(4).nextBytes(binary);
        binary[7] = 0;
        Files.write(content.resolve("blob.bin"), binary);
        CliRun run = stager("--json");
        assertEquals(ExitCode.REFUSED, run.exitCode(), run.describe());
        Map<String, String> found = new HashMap<>();
        for (JsonNode f : run.json().get("secrets")) {
            found.put(f.get("path").asText() + (f.has("entry") ? "!" + f.get("entry").asText() : ""), f.get("rule").asText());
        }
        assertEquals(Map.of("notes-utf16.txt", "stripe-live-key", "brief.docx!word/document.xml", "github-token",
                "notes-utf16-no-bom.txt", "slack-token", "config/key.yaml", "base64-private-key",
                "handover.zip!handover/brief.docx!word/document.xml", "github-token"), found);
        // What was not read is listed with why, and counted in the summary: "none found" covers only what was read.
        Map<String, String> notRead = new HashMap<>();
        run.json().get("notScanned").forEach(f -> notRead.put(f.get("path").asText(), f.get("reason").asText()));
        assertEquals(Map.of("frame.png", "media", "blob.bin", "binary"), notRead);
        CliRun human = stager("--html", tmp.resolve("page.html").toString());
        assertTrue(human.out().contains("  Content not read (not scanned for credentials): 2 files\n    (binary 1, media 1;"),
                human.out());
        assertTrue(TempTrees.readString(tmp.resolve("page.html")).contains("id=\"not-scanned\""));
        assertNoSecretIn(List.copyOf(planted.values()), run.out(), run.err(), human.out(), human.err());
    }

    @Test
    void anApprovedFindingShipsListedAsApprovedAndAChangedFileIsRefusedAgain() throws Exception {
        SecretCorpus.Planted p = new SecretCorpus(21).onePerRule().get("aws-access-key-id");
        TempTrees.file(content, "config/deploy.yaml", "region: eu-west-1\n" + p.text() + "\n");
        TempTrees.file(content, "notes.txt", "nothing to see\n");
        CliRun refused = stager("--json");
        String fingerprint = refused.json().get("secrets").get(0).get("fingerprint").asText();

        CliRun noNote = CliRun.stager("--project-id", "sec1", "--content-dir", content.toString(), "--data-dir", data.toString(),
                "--approve-secret", fingerprint);
        assertEquals(2, noNote.exitCode(), "an approval says why");
        CliRun unknown = CliRun.stager("--project-id", "sec1", "--content-dir", content.toString(), "--data-dir", data.toString(),
                "--approve-secret", "0".repeat(64), "--note", "x");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains(ErrorCode.PZ_SECRET_NOT_FOUND.name()), unknown.describe());
        CliRun tooShort = CliRun.stager("--project-id", "sec1", "--content-dir", content.toString(), "--data-dir", data.toString(),
                "--approve-secret", fingerprint.substring(0, 8), "--note", "x");
        assertEquals(2, tooShort.exitCode(), "8 hex digits could name several findings");
        // The summary shows 16 hex digits; they are enough to approve by.
        assertTrue(stager().out().contains("fingerprint " + fingerprint.substring(0, 16) + System.lineSeparator()), "the summary's short fingerprint");
        CliRun approve = CliRun.stager("--project-id", "sec1", "--content-dir", content.toString(), "--data-dir", data.toString(),
                "--approve-secret", fingerprint.substring(0, 16).toUpperCase(), "--note", "a canary key, never valid");
        assertEquals(ExitCode.OK, approve.exitCode(), approve.describe());
        JsonNode allow = HookTrees.parseJson(TempTrees.readString(data.resolve("projects/sec1_secrets_allow.json")));
        JsonNode approval = allow.get("approvals").get(0);
        assertEquals(fingerprint, approval.get("fingerprint").asText());
        assertEquals("aws-access-key-id", approval.get("rule").asText());
        assertEquals("config/deploy.yaml", approval.get("path").asText());
        assertEquals("a canary key, never valid", approval.get("note").asText());
        assertNotNull(approval.get("approvedBy"));

        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path key = TempTrees.file(tmp, "sign.pem", "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        Path publicKey = TempTrees.file(tmp, "sign.pub", "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        CliRun commit = stager("--commit", "--sign-key", key.toString());
        assertEquals(ExitCode.OK, commit.exitCode(), commit.describe());
        JsonNode report = HookTrees.parseJson(TempTrees.readString(out.resolve("sec1.zip.report.json")));
        assertTrue(report.get("secrets").get(0).get("approved").asBoolean());
        assertEquals(2, report.get("totals").get("eligibleFiles").asInt(), "the approved file ships");

        // Provenance: the same record in report and manifest, naming every input with its sha256.
        JsonNode manifest = HookTrees.parseJson(TempTrees.readString(ZipManifest.pathFor(zip)));
        assertEquals(manifest.get("run"), report.get("run"));
        List<String> roles = new ArrayList<>();
        for (JsonNode input : manifest.get("run").get("inputs")) {
            roles.add(input.get("role").asText());
            assertTrue(input.get("path").asText().startsWith(data.toString()), input.toString());
            if (input.get("role").asText().equals("containers")) {
                assertFalse(input.has("sha256"), "the project accepted no container names: recorded as absent");
                continue;
            }
            assertEquals(TempTrees.sha256(TempTrees.readBytes(Path.of(input.get("path").asText()))), input.get("sha256").asText());
        }
        assertEquals(List.of("allowlist", "global_bans", "secret_rules", "secrets_allow", "content_types", "containers"), roles);
        assertTrue(manifest.get("run").get("content_scanned").asBoolean());
        assertFalse(manifest.get("run").get("allow_unknown").asBoolean());
        assertTrue(manifest.get("run").get("arguments").toString().contains("--sign-key"));

        // verify_zip: the auditor's scan flags the credential unless the project's approvals are given.
        CliRun audit = CliRun.verifyZip("--zip", zip.toString(), "--scan-secrets", "--data-dir", data.toString());
        assertEquals(ExitCode.REFUSED, audit.exitCode(), audit.describe());
        assertTrue(audit.out().contains("VZ_SECRET") && audit.out().contains(fingerprint), audit.describe());
        assertTrue(audit.out().contains("made:") && audit.out().contains("secret_rules"), "provenance printed: " + audit.out());
        CliRun approved = CliRun.verifyZip("--zip", zip.toString(), "--scan-secrets", "--data-dir", data.toString(),
                "--project-id", "sec1", "--public-key", publicKey.toString());
        assertEquals(ExitCode.OK, approved.exitCode(), approved.describe());
        // The signature covers the provenance: changing who ran it breaks it.
        ZipTamper.editManifest(ZipManifest.pathFor(zip), root -> ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("run"))
                .put("user", "someone-else"));
        CliRun tampered = CliRun.verifyZip("--zip", zip.toString(), "--public-key", publicKey.toString(), "--data-dir", data.toString());
        assertTrue(tampered.out().contains("VZ_MANIFEST_SIGNATURE"), tampered.describe());
        assertNoSecretIn(List.of(p), refused.out(), refused.err(), approve.out(), commit.out(), commit.err(), audit.out(), audit.err());

        TempTrees.file(content, "config/deploy.yaml", "region: eu-west-2\n" + p.text() + "\n");
        CliRun edited = stager("--commit");
        assertEquals(ExitCode.OK, edited.exitCode(), "the fingerprint is of the match, not the file: other edits keep it approved: "
                + edited.describe());
        TempTrees.file(content, "config/deploy.yaml", "region: eu-west-1\n" + p.text().replace("AKIA", "ASIA") + "\n");
        assertEquals(ExitCode.REFUSED, stager("--commit").exitCode(), "another credential: refused again");
    }

    @Test
    void namesOnlyIsSaidEverywhereAndAllowUnknownRunsAreShownAsSuch() {
        TempTrees.file(content, "a.txt", new SecretCorpus(3).onePerRule().get("github-token").text());
        TempTrees.file(content, "b.exe", "MZ");
        CliRun run = stager("--names-only", "--allow-unknown", "--html", tmp.resolve("page.html").toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.describe());
        assertTrue(run.out().contains("Content not scanned"), run.out());
        String page = TempTrees.readString(tmp.resolve("page.html"));
        assertTrue(page.contains("id=\"content-not-scanned\""));
        assertEquals("1", HtmlPages.idText(page, "left-out-by-allow-unknown"), "the banned .exe that would have refused the run");
        assertFalse(stager("--names-only", "--json").json().get("contentScanned").asBoolean());
        CliRun commit = stager("--names-only", "--commit");
        assertEquals(2, commit.exitCode(), "a commit always scans what it ships");
    }
}
