package delivery;

import console.Progress;
import console.Timings;
import java.util.List;
import policy.Classification;
import policy.Classifier;
import policy.CompanionMode;
import policy.Companions;
import report.StagerReport;
import scan.TreeScanner;
import secrets.SecretFinding;

/**
 * Steps 2 and 3, scan and classify, with what follows from them: the content scan of a dry-run (a commit
 * scans the content in the pass that copies it), the split companion groups, and the report so far.
 *
 * @param secrets the dry-run's content-scan findings; null where the content was not read (a commit, --names-only)
 */
record Judged(Loaded loaded, TreeScanner.ScanResult scan, Classifier classifier, Classification classification,
              List<SecretFinding> secrets, List<Companions.SplitGroup> splitGroups, ReportMaker reports, StagerReport report) {

    static Judged of(Loaded loaded, Target target, Progress progress, Timings timings) {
        DeliveryRequest request = loaded.request();
        TreeScanner.ScanResult scan = TreeScanner.scan(loaded.root(), progress);
        timings.lap("scan");
        Classifier classifier = loaded.policy().classifier();
        Classification classification = Classification.of(scan, classifier);
        timings.lap("classify");
        List<SecretFinding> secrets = null;
        if (!request.commit() && !request.namesOnly()) {
            secrets = loaded.policy().contentScan().scanFiles(classification.eligibleEntries(), request.threads(),
                    progress.next("secrets"));
            // What a file is leaves it out before what it holds: a banned file's credentials still refuse the run.
            List<types.TypeFinding> types = loaded.policy().contentScan().typeFindings();
            classification = (types == null ? classification : classification.withTypes(types)).withSecrets(secrets);
            timings.lap("secrets");
        }
        List<Companions.SplitGroup> splitGroups = loaded.policy().companionMode() == CompanionMode.OFF
                ? List.of() : Companions.splitGroups(classification);
        timings.lap("companions");
        ReportMaker reports = new ReportMaker(loaded, scan.root().toString(), target.zip().toString(), splitGroups);
        StagerReport report = reports.make(classification, secrets);
        timings.lap("report");
        return new Judged(loaded, scan, classifier, classification, secrets, splitGroups, reports, report);
    }
}
