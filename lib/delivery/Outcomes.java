package delivery;

import commit.Committer;
import commit.OutputLock;
import console.Timings;
import errors.ErrorCode;
import errors.ExitCode;
import errors.PrezipException;
import io.AtomicFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import json.Json;
import report.HtmlReport;
import report.StagerReport;
import zip.ZipManifest;

/**
 * How a run ends: one that went through, or one that stopped (refused or failed), whose report a commit
 * writes beside the zip and whose attempt it logs on the dashboard, as it would a delivery's.
 */
final class Outcomes {
    private final Loaded loaded;
    private final Target target;
    private final Timings timings;

    Outcomes(Loaded loaded, Target target, Timings timings) {
        this.loaded = loaded;
        this.target = target;
        this.timings = timings;
    }

    Timings timings() {
        return timings;
    }

    /** A dry-run that says ok (no manifest, no hooks), or a delivered commit. */
    DeliveryOutcome wentThrough(StagerReport report, ZipManifest manifest, List<Path> hookFiles) {
        return new DeliveryOutcome(report, manifest, null, hookFiles, timings);
    }

    /**
     * Ends a refused or failed run: its report (written too on a commit, and the --html page on a
     * dry-run) and, on a commit, its dashboard line; a second failure on the way is said, not thrown.
     *
     * @param lockHeld whether this run holds the zip's lock (a commit that stopped before it took the lock takes it to write)
     */
    DeliveryOutcome stopped(StagerReport report, PrezipException error, boolean lockHeld) {
        StagerReport stopped = report.withStatus(
                error.exitCode() == ExitCode.REFUSED ? StagerReport.REFUSED : StagerReport.FAILED,
                new StagerReport.Problem(error.code().name(), error.getMessage())).withRun(loaded.run().end());
        Consumer<Notice> notices = loaded.request().notices();
        if (loaded.request().commit()) {
            // A commit turned away by the lock must not overwrite the reports of the run that holds it.
            if (error.code() != ErrorCode.PZ_OUTPUT_LOCKED) {
                writeStoppedReports(stopped, lockHeld, notices);
            }
            try {
                Hooks.logAttempt(loaded.data(), stopped, null, notices);
            } catch (PrezipException alsoFailed) {
                notices.accept(Notice.error(alsoFailed.code(), "the dashboard line could not be written either: " + alsoFailed.getMessage()));
            }
        } else if (target.html() != null) {
            try {
                AtomicFiles.write(target.html(), out -> HtmlReport.write(stopped, null, out));
            } catch (PrezipException alsoFailed) {
                notices.accept(Notice.error(alsoFailed.code(), "the HTML report could not be written either: " + alsoFailed.getMessage()));
            }
        }
        return new DeliveryOutcome(stopped, null, error, List.of(), timings);
    }

    /**
     * A stopped commit's report and page beside the zip, together (through the delivery journal) and under
     * the zip's lock: a run refused before it took the lock takes it now, and if another commit holds it,
     * that run's reports stand and these are not written (said as a notice).
     */
    private void writeStoppedReports(StagerReport stopped, boolean lockHeld, Consumer<Notice> notices) {
        Path zip = target.zip();
        Map<Path, AtomicFiles.Content> reports = new LinkedHashMap<>();
        reports.put(HtmlReport.pathFor(zip), out -> HtmlReport.write(stopped, null, out));
        reports.put(StagerReport.pathFor(zip), out -> Json.writeTo(stopped, out));
        try {
            if (lockHeld) {
                Committer.replaceReports(zip, reports);
            } else {
                try (OutputLock lock = OutputLock.acquire(zip.toAbsolutePath().normalize())) {
                    Committer.replaceReports(zip, reports);
                }
            }
            target.writeHtmlCopy(stopped, null);
        } catch (PrezipException alsoFailed) {
            notices.accept(Notice.error(alsoFailed.code(), alsoFailed.code() == ErrorCode.PZ_OUTPUT_LOCKED
                    ? "another commit to " + zip + " is running: its reports stand, this run's report is printed only"
                    : "the report and HTML report could not be written either: " + alsoFailed.getMessage()));
        }
    }
}
