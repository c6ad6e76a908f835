package delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commit.OutputLock;
import datadir.DataDir;
import datadir.ProjectId;
import errors.ErrorCode;
import errors.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import report.StagerReport;
import support.SecretCorpus;
import support.StagerProject;
import support.StagerRequest;
import support.TempTrees;

/** A delivery driven through the pipeline directly, without picocli: what it returns, says and writes. */
class DeliveryTest extends StagerProject {
    static final String ID = "p1";

    DeliveryTest() {
        super(ID, List.of("png", "txt"), "p1.zip");
    }

    @BeforeEach
    void buildTree() {
        run = new StagerRequest(ID, content, data, zip);
        notices = run.notices;
        TempTrees.file(content, "b.txt", "bee");
        TempTrees.file(content, "a/z.png", "zed");
        TempTrees.file(content, ".DS_Store", "hidden, left out");
    }

    StagerRequest run;
    List<Notice> notices;


    static List<String> entryNames(Path zipFile) throws IOException {
        try (ZipFile read = new ZipFile(zipFile.toFile())) {
            return Collections.list(read.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void aDryRunThatGoesThroughWritesNothingAndSaysNothing() {
        Map<String, String> before = TempTrees.snapshot(tmp);
        DeliveryOutcome outcome = Delivery.run(run.build());
        assertEquals(ExitCode.OK, outcome.exitCode());
        assertNull(outcome.error());
        assertNull(outcome.manifest());
        assertEquals(StagerReport.DRY_RUN, outcome.report().mode());
        assertEquals(2, outcome.report().totals().eligibleFiles());
        assertEquals(List.of(), outcome.hookFiles());
        assertEquals(List.of(), notices);
        assertEquals(before, TempTrees.snapshot(tmp));
    }

    @Test
    void aCommitDeliversTheZipAndItsFilesAndLogsTheAttempt() throws IOException {
        DeliveryOutcome outcome = Delivery.run(run.commit().build());
        assertEquals(ExitCode.OK, outcome.exitCode());
        assertEquals(List.of("a/z.png", "b.txt"), entryNames(zip));
        assertEquals(TempTrees.sha256(Files.readAllBytes(zip)), outcome.manifest().zipSha256());
        assertEquals(outcome.manifest().zipSha256(), outcome.report().delivery().zipSha256());
        for (String written : outcome.report().delivery().filesWritten()) {
            assertTrue(Files.isRegularFile(Path.of(written)), written);
        }
        DataDir dataDir = new DataDir(data);
        assertEquals(List.of(dataDir.projectManifestFile(new ProjectId(ID)), dataDir.dashboardSummaryFile(),
                report.DashboardPage.defaultPath(dataDir)), outcome.hookFiles());
        outcome.hookFiles().forEach(file -> assertTrue(Files.isRegularFile(file), file.toString()));
        List<String> logged = TempTrees.readString(dataDir.dashboardSummaryFile()).lines().toList();
        assertEquals(List.of(new Notice(Notice.Kind.LOG_LINE, null, logged.get(logged.size() - 1))), notices);
    }

    @Test
    void aFileThePolicyRefusesStopsTheRunWithItsReportAndNoZip() {
        TempTrees.file(content, "tool.exe", "MZ");
        DeliveryOutcome dryRun = Delivery.run(run.build());
        assertEquals(ErrorCode.PZ_REFUSED, dryRun.error().code());
        assertEquals(ExitCode.REFUSED, dryRun.exitCode());
        assertEquals(StagerReport.REFUSED, dryRun.report().status());

        DeliveryOutcome commit = Delivery.run(run.commit().build());
        assertEquals(ErrorCode.PZ_REFUSED, commit.error().code());
        assertFalse(Files.exists(zip));
        assertEquals(StagerReport.REFUSED, TempTrees.readJson(StagerReport.pathFor(zip)).get("status").asText());
        assertEquals(1, notices.stream().filter(n -> n.kind() == Notice.Kind.LOG_LINE).count(), "the commit's attempt is logged");
    }

    @Test
    void aCredentialStopsTheCommitFoundInThePassThatCopiesIt() {
        SecretCorpus.Planted planted = new SecretCorpus(28).onePerRule().get("github-token");
        TempTrees.file(content, "notes/keys.txt", planted.text());
        DeliveryOutcome outcome = Delivery.run(run.commit().build());
        assertEquals(ErrorCode.PZ_SECRET_FOUND, outcome.error().code());
        assertFalse(Files.exists(zip));
        assertEquals(List.of("notes/keys.txt"), outcome.report().refusedSecrets().stream().map(f -> f.path()).toList());
        assertFalse(TempTrees.readString(StagerReport.pathFor(zip)).contains(planted.secret()), "the report never quotes the secret");
    }

    @Test
    void aCommitMeetingAHeldLockLeavesTheHoldersReportsAlone() throws IOException {
        Path reportPath = StagerReport.pathFor(zip);
        TempTrees.writeString(reportPath, "the other run's report");
        try (OutputLock held = OutputLock.acquire(zip.toAbsolutePath().normalize())) {
            DeliveryOutcome outcome = Delivery.run(run.commit().build());
            assertEquals(ErrorCode.PZ_OUTPUT_LOCKED, outcome.error().code());
        }
        assertEquals("the other run's report", Files.readString(reportPath));
        assertFalse(Files.exists(zip));
    }

    @Test
    void anApprovedCredentialShipsAndIsListedApproved() {
        SecretCorpus.Planted planted = new SecretCorpus(29).onePerRule().get("github-token");
        TempTrees.file(content, "notes/keys.txt", planted.text());
        DeliveryOutcome refused = Delivery.run(run.build());
        String fingerprint = refused.report().refusedSecrets().get(0).fingerprint();

        SecretApproval.Approved approved = SecretApproval.approve(run.build(),
                fingerprint.substring(0, secrets.SecretFinding.SHORT_FINGERPRINT_CHARS), "a test fixture");
        assertEquals(fingerprint, approved.finding().fingerprint());
        assertTrue(TempTrees.readString(approved.file()).contains(fingerprint));

        DeliveryOutcome commit = Delivery.run(run.commit().build());
        assertEquals(ExitCode.OK, commit.exitCode());
        assertTrue(Files.isRegularFile(zip));
    }
}
