package delivery;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import policy.Classification;
import policy.Companions;
import report.StagerReport;
import secrets.NotScanned;
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
                loaded.policy().companionMode(), splitGroups, found, stillShipping(loaded.policy().contentScan().notScanned(), types),
                types, request.allowUnknown());
    }

    /** The files not read that still ship: one the type check left out is listed with its reason, not as "not scanned". */
    private static List<NotScanned> stillShipping(List<NotScanned> notScanned, List<TypeFinding> types) {
        if (notScanned == null || types == null) {
            return notScanned;
        }
        Set<String> leftOut = types.stream().filter(TypeFinding::excluded).map(TypeFinding::path).collect(Collectors.toSet());
        return leftOut.isEmpty() ? notScanned : notScanned.stream().filter(file -> !leftOut.contains(file.path())).toList();
    }
}
