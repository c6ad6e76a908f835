package delivery;

import changes.DeliveryChanges;
import console.Progress;
import console.Timings;
import deflate.Deflaters;
import errors.PrezipException;
import io.AtomicFiles;
import java.util.List;
import java.util.Optional;
import report.HtmlReport;
import report.StagerReport;

/**
 * One prezip_stager run, dry-run or commit, from its request to its outcome: the pipeline's steps in
 * order (ARCHITECTURE.md draws them). Prints nothing; what the run says on the way goes to the request's
 * notices, and the status line is cleared before it returns.
 */
public final class Delivery {
    private Delivery() {}

    /**
     * Runs the pipeline. A run that stops for a reason the report can show (refused, a credential, the lock
     * held, a failed commit) returns an outcome with its error; a problem found before the content is
     * scanned (usage, the data folder, the policy, the paths) is thrown, as there is no report yet.
     */
    public static DeliveryOutcome run(DeliveryRequest request) {
        Timings timings = new Timings();
        Deflaters.chooseInBackground();
        Loaded loaded = Loaded.of(request, System.nanoTime());
        Target target = Target.of(loaded);
        Progress progress = request.statusLine().apply("scan").onInterrupt(target.interruptNotice(request.commit()));
        // Read beside the scan; a commit checks under the zip's lock that it is still the delivery it replaces.
        try (PreviousLookahead previous = PreviousLookahead.start(request, target.zip())) {
            timings.lap("start+load");
            Judged judged = Judged.of(loaded, target, progress, timings);
            Outcomes outcomes = new Outcomes(loaded, target, timings);
            Optional<PrezipException> stop = StopReasons.first(judged, target.zip());
            if (stop.isPresent()) {
                return outcomes.stopped(judged.report(), stop.get(), false);
            }
            return request.commit() ? CommitStep.run(judged, target, progress, outcomes, previous)
                    : endDryRun(judged, target, progress, outcomes, previous);
        } finally {
            progress.finish();
        }
    }

    /**
     * A dry-run that found nothing to refuse: ok only if the commit could start, with the changes since
     * the previous delivery the commit would show, and its page if asked for.
     */
    private static DeliveryOutcome endDryRun(Judged judged, Target target, Progress progress, Outcomes outcomes,
                                             PreviousLookahead previous) {
        Loaded loaded = judged.loaded();
        DeliveryRequest request = loaded.request();
        try {
            Hooks.requireCommitCanStart(target.zip(), loaded.data(), request.projectId());
        } catch (PrezipException e) {
            return outcomes.stopped(judged.report(), e, false);
        }
        Redelivery redelivery = previous.forDryRun(progress, request.notices());
        DeliveryChanges changes = redelivery.forDryRun(judged.classification().eligibleEntries(), request, progress);
        outcomes.timings().lap("changes");
        StagerReport done = judged.report().withRun(loaded.run().withInputs(redelivery.inputs()).end()).withChanges(changes);
        if (target.html() != null) {
            AtomicFiles.write(target.html(), out -> HtmlReport.write(done, null, out));
        }
        return outcomes.wentThrough(done, null, List.of());
    }
}
