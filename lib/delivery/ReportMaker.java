package delivery;

import java.util.List;
import policy.Classification;
import policy.Companions;
import report.StagerReport;
import secrets.SecretFinding;
import types.TypeFinding;

/**
 * Makes a run's report for a classification and the content scan's findings: once when the run is
 * judged, and again when a commit knows which credentials it shipped approved, or found more.
 */
record ReportMaker(Loaded loaded, String root, String zip, List<Companions.SplitGroup> splitGroups) {

    /**
     * The report; {@code found} null where the content was not scanned. The files the type check left out (as far
     * as the content was read) are left out of the classification here, if the caller has not already.
     */
    StagerReport make(Classification classification, List<SecretFinding> found) {
        DeliveryRequest request = loaded.request();
        List<TypeFinding> types = loaded.policy().contentScan().typeFindings();
        return StagerReport.of(request.projectId(), root, zip, request.commit() ? StagerReport.COMMIT : StagerReport.DRY_RUN,
                types == null ? classification : classification.withTypes(types), loaded.policy().appliedPreset(),
                loaded.policy().companionMode(), splitGroups, found, loaded.policy().contentScan().notScanned(), types,
                request.allowUnknown());
    }
}
