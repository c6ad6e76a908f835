package delivery;

import commit.Committer;
import commit.OutputLock;
import commit.Reuse;
import console.Progress;
import errors.IoErrors;
import errors.PrezipException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import json.Json;
import report.HtmlReport;
import report.StagerReport;
import secrets.SecretFinding;
import secrets.SecretsFound;
import text.Counts;
import types.TypesRefused;
import zip.ZipManifest;

/**
 * Steps 4 to 7 of a commit, all under the zip's lock: the delivery it replaces found and opened, stage
 * and pack (the committer, copying unchanged entries' data from the previous zip), the delivery put
 * into place with its reports, then the hooks. The lock is held until the reports and hooks are written:
 * a run that takes it next may then sweep every temp file beside the zip as a killed run's leftover.
 */
final class CommitStep {
    private CommitStep() {}

    static DeliveryOutcome run(Judged judged, Target target, Progress progress, Outcomes outcomes, PreviousLookahead previous) {
        OutputLock held;
        try {
            held = OutputLock.acquire(target.zip().toAbsolutePath().normalize());
        } catch (PrezipException e) {
            return outcomes.stopped(judged.report(), e, false);
        }
        try (held) {
            return underTheLock(judged, target, progress, outcomes, previous);
        }
    }

    private static DeliveryOutcome underTheLock(Judged judged, Target target, Progress progress, Outcomes outcomes,
                                                PreviousLookahead early) {
        Loaded loaded = judged.loaded();
        DeliveryRequest request = loaded.request();
        ZipManifest manifest;
        StagerReport report;
        try {
            Hooks.requireReady(loaded.data(), request.projectId());
            int finished = Committer.finishEarlierRuns(target.zip());
            // The delivery this one replaces, now that a killed run's is finished: compared, and copied from.
            PreviousLookahead.ForCommit found = early.forCommit(finished >= 0, progress, request.notices());
            Redelivery redelivery = found.redelivery();
            Committer.Committed committed;
            Delivered delivered = new Delivered(judged, target, redelivery, found.opened().notReused());
            try (Redelivery.Opened previous = found.opened()) {
                outcomes.timings().lap("previous delivery");
                committed = Committer.commit(plan(judged, target, progress, outcomes, redelivery, previous, delivered), target.zip());
            }
            // The commit's steps are over: what follows is said, and the status line must not be in its way.
            progress.finish();
            manifest = committed.manifest();
            if (finished >= 0) {
                request.notices().accept(Notice.said("an earlier commit to " + target.zip() + " was killed while putting its"
                        + " delivery into place; it was finished first (" + Counts.of(finished, "file", "files")
                        + " moved into place), then replaced"));
            }
            report = delivered.report(manifest, committed.approvedSecrets(), committed.reused());
            Redelivery.sayDeflatedAgain(report.changes(), request.notices());
        } catch (TypesRefused e) {
            // Thrown only once no credential refused: what the scan found was approved, or nothing.
            return outcomes.stopped(judged.reports().make(judged.classification(), List.of()), e, true);
        } catch (SecretsFound e) {
            return outcomes.stopped(judged.reports().make(judged.classification().withSecrets(e.findings()), e.findings()), e, true);
        } catch (PrezipException e) {
            return outcomes.stopped(judged.report(), e, true);
        } catch (IOException e) {
            return outcomes.stopped(judged.report(), IoErrors.toPrezip(e, "closing the previous zip", target.zip()), true);
        }
        // The report and page beside the zip went into place with it; --html elsewhere gets its own copy.
        target.writeHtmlCopy(report, manifest);
        Hooks.recordDelivery(loaded.data(), request.projectId(), report, manifest, loaded.run().nanos());
        Hooks.logAttempt(loaded.data(), report, manifest.zipSha256(), request.notices());
        outcomes.timings().lap("reports+hooks");
        return outcomes.wentThrough(report, manifest, Hooks.files(loaded.data(), request.projectId()));
    }

    private static Committer.Plan plan(Judged judged, Target target, Progress progress, Outcomes outcomes, Redelivery redelivery,
                                       Redelivery.Opened previous, Delivered delivered) {
        Loaded loaded = judged.loaded();
        Committer.Reports reports = (manifest, approved, reused) -> {
            StagerReport report = delivered.report(manifest, approved, reused);
            return Map.of(StagerReport.pathFor(target.zip()), out -> Json.writeTo(report, out),
                    HtmlReport.pathFor(target.zip()), out -> HtmlReport.write(report, manifest, out));
        };
        return new Committer.Plan(judged.scan(), judged.classification(), judged.classifier(), target.fixedEpochMs(),
                loaded.policy().forbidEmptyDirs(), judged.report().policy(), loaded.signKey(), loaded.request().threads(),
                progress.next("folders"), outcomes.timings(), loaded.policy().contentScan(),
                loaded.run().withInputs(redelivery.inputs()), reports, previous.entries(), loaded.request().allowUnknown());
    }

    /**
     * The report of a delivered commit, the same beside the zip as in what the command prints: made once,
     * when the reports go into place with the zip (the changes are computed then, from its manifest).
     */
    private static final class Delivered {
        private final Judged judged;
        private final Target target;
        private final Redelivery redelivery;
        /** Why nothing was copied from the previous zip (else null). */
        private final String notReused;
        private StagerReport made;

        Delivered(Judged judged, Target target, Redelivery redelivery, String notReused) {
            this.judged = judged;
            this.target = target;
            this.redelivery = redelivery;
            this.notReused = notReused;
        }

        StagerReport report(ZipManifest manifest, List<SecretFinding> approved, Reuse.Summary reused) {
            if (made == null) {
                made = judged.reports().make(judged.classification(), approved).withRun(manifest.run())
                        .withDelivery(target.delivery(manifest, judged.loaded().signKey() != null))
                        .withChanges(redelivery.forCommit(manifest, reused, notReused));
            }
            return made;
        }
    }
}
