package delivery;

import commit.OutputLock;
import datadir.DataDir;
import datadir.ProjectId;
import errors.ErrorCode;
import errors.PrezipException;
import io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import report.DashboardLog;
import report.DashboardPage;
import report.ProjectManifest;
import report.StagerReport;
import text.Bytes;
import zip.ZipManifest;

/**
 * The hooks of step 7 in the data folder: the project manifest a delivered commit updates, and the
 * dashboard every commit attempt updates (a line in its log, then its page rendered again).
 */
final class Hooks {
    private Hooks() {}

    /**
     * What a commit checks before it stages anything, checked by a dry-run without writing: a dry-run that
     * says ok means the commit can start (the output folder and --mkdirs are checked with the zip's path).
     */
    static void requireCommitCanStart(Path zip, DataDir data, ProjectId id) {
        OutputLock.requireFree(zip);
        ProjectManifest.requireUpdatable(data, id);
        AtomicFiles.requireWritableFolderFor(data.projectManifestFile(id), "the project manifest");
        AtomicFiles.requireWritableFolderFor(data.dashboardSummaryFile(), "the dashboard summary");
    }

    /** The hooks run after the zip is in place: a hook that cannot run must stop the commit first. */
    static void requireReady(DataDir data, ProjectId id) {
        ProjectManifest.requireUpdatable(data, id);
        DashboardLog.requireWritable(data);
    }

    /** The files a delivered commit's hooks update. */
    static List<Path> files(DataDir data, ProjectId id) {
        return List.of(data.projectManifestFile(id), data.dashboardSummaryFile(), DashboardPage.defaultPath(data));
    }

    static void recordDelivery(DataDir data, ProjectId id, StagerReport report, ZipManifest manifest, long startedNanos) {
        StagerReport.Totals totals = report.totals();
        ProjectManifest.recordCommit(data, id, Instant.now(), new ProjectManifest.Metrics(totals.eligibleFiles(),
                totals.eligibleBytes(), totals.excludedByReason(), manifest.zipBytes(), manifest.zipSha256(),
                (System.nanoTime() - startedNanos) / 1_000_000));
    }

    /**
     * The dashboard hook: one line per commit attempt in the data folder, said for the operator's log too;
     * then the dashboard page is rendered again, so it is never older than the last commit.
     */
    static void logAttempt(DataDir data, StagerReport report, String zipSha256, Consumer<Notice> notices) {
        StagerReport.Totals totals = report.totals();
        List<String> secrets = report.refusedSecrets().stream().limit(DashboardLog.SECRETS_PER_LINE)
                .map(f -> f.location() + " " + f.rule()).toList();
        notices.accept(Notice.logLine(DashboardLog.append(data, new DashboardLog.Line(Instant.now().toString(), report.projectId(),
                report.status(), totals.eligibleFiles(), totals.eligibleBytes(), totals.excludedByReason(), zipSha256,
                report.outputZip(), report.error() == null ? null : report.error().code(), secrets.isEmpty() ? null : secrets,
                report.changes() == null ? null : report.changes().totals()))));
        try {
            long logBytes = Files.size(data.dashboardSummaryFile());
            if (logBytes <= DashboardPage.REFRESH_MAX_LOG_BYTES) {
                DashboardPage.write(DashboardPage.read(data.dashboardSummaryFile()), DashboardPage.defaultPath(data), Instant.now());
            } else {
                notices.accept(Notice.said("the dashboard page was not refreshed (" + data.dashboardSummaryFile() + " is "
                        + Bytes.human(logBytes) + "); run dashboard to render it"));
            }
        } catch (IOException | PrezipException e) {
            // The page is a view of the log, whose line is written: a page that cannot be refreshed is said, not fatal.
            notices.accept(Notice.error(e instanceof PrezipException p ? p.code() : ErrorCode.PZ_IO,
                    "the dashboard page could not be refreshed: " + e.getMessage()));
        }
    }
}
