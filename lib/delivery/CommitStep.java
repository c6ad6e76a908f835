package delivery;

import commit.Committer;
import commit.OutputLock;
import console.Progress;
import errors.PrezipException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import json.Json;
import report.HtmlReport;
import report.StagerReport;
import secrets.SecretFinding;
import secrets.SecretsFound;
import text.Counts;
import zip.ZipManifest;

/**
 * Steps 4 to 7 of a commit, all under the zip's lock: stage and pack (the committer), the delivery put
 * into place with its reports, then the hooks. The lock is held until the reports and hooks are written:
 * a run that takes it next may then sweep every temp file beside the zip as a killed run's leftover.
 */
final class CommitStep {
    private CommitStep() {}

    static DeliveryOutcome run(Judged judged, Target target, Progress progress, Outcomes outcomes) {
        Loaded loaded = judged.loaded();
        Path zip = target.zip();
        Committer.Reports reports = (manifest, approved) -> {
            StagerReport delivered = delivered(judged, target, manifest, approved);
            return Map.of(StagerReport.pathFor(zip), out -> Json.writeTo(delivered, out),
                    HtmlReport.pathFor(zip), out -> HtmlReport.write(delivered, manifest, out));
        };
        Committer.Plan plan = new Committer.Plan(judged.scan(), judged.classification(), judged.classifier(), target.fixedEpochMs(),
                loaded.policy().forbidEmptyDirs(), judged.report().policy(), loaded.signKey(), loaded.request().threads(),
                progress.next("folders"), outcomes.timings(), loaded.policy().contentScan(), loaded.run(), reports);
        OutputLock held;
        try {
            held = OutputLock.acquire(zip.toAbsolutePath().normalize());
        } catch (PrezipException e) {
            return outcomes.stopped(judged.report(), e, false);
        }
        try (held) {
            return underTheLock(plan, judged, target, progress, outcomes);
        }
    }

    private static DeliveryOutcome underTheLock(Committer.Plan plan, Judged judged, Target target, Progress progress,
                                                Outcomes outcomes) {
        Loaded loaded = judged.loaded();
        ZipManifest manifest;
        StagerReport report;
        try {
            Hooks.requireReady(loaded.data(), loaded.request().projectId());
            Committer.Committed committed = Committer.commit(plan, target.zip());
            // The commit's steps are over: what follows is said, and the status line must not be in its way.
            progress.finish();
            manifest = committed.manifest();
            if (committed.finishedInterrupted() >= 0) {
                loaded.request().notices().accept(Notice.said("an earlier commit to " + target.zip() + " was killed while putting its"
                        + " delivery into place; it was finished first (" + Counts.of(committed.finishedInterrupted(), "file", "files")
                        + " moved into place), then replaced"));
            }
            report = delivered(judged, target, manifest, committed.approvedSecrets());
        } catch (SecretsFound e) {
            return outcomes.stopped(judged.reports().make(judged.classification().withSecrets(e.findings()), e.findings()), e, true);
        } catch (PrezipException e) {
            return outcomes.stopped(judged.report(), e, true);
        }
        // The report and page beside the zip went into place with it; --html elsewhere gets its own copy.
        target.writeHtmlCopy(report, manifest);
        Hooks.recordDelivery(loaded.data(), loaded.request().projectId(), report, manifest, loaded.run().nanos());
        Hooks.logAttempt(loaded.data(), report, manifest.zipSha256(), loaded.request().notices());
        outcomes.timings().lap("reports+hooks");
        return outcomes.wentThrough(report, manifest, Hooks.files(loaded.data(), loaded.request().projectId()));
    }

    /** The report of a delivered commit, the same beside the zip as in what the command prints. */
    private static StagerReport delivered(Judged judged, Target target, ZipManifest manifest, List<SecretFinding> approved) {
        return judged.reports().make(judged.classification(), approved).withRun(manifest.run())
                .withDelivery(target.delivery(manifest, judged.loaded().signKey() != null));
    }
}
