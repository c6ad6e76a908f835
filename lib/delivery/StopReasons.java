package delivery;

import commit.FreeSpace;
import errors.ErrorCode;
import errors.PrezipException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import policy.Classification;
import policy.CompanionMode;
import policy.Decision;
import report.Refusals;
import report.SummaryPrinter;
import secrets.SecretsFound;
import text.Counts;

/**
 * Step 4's gate: why a judged run must stop before anything is staged, the first reason of these in order
 * (credentials, files the policy refuses, folders left empty, split companions, too little free space for
 * the commit beside the zip), or none. A dry-run stops for the same reasons, so its ok is the commit's.
 */
final class StopReasons {
    private StopReasons() {}

    static Optional<PrezipException> first(Judged judged, Path zip) {
        DeliveryRequest request = judged.loaded().request();
        if (!judged.report().refusedSecrets().isEmpty()) {
            return Optional.of(new SecretsFound(judged.secrets()));
        }
        List<Classification.Item> refusals = judged.classification().refusals(request.allowUnknown());
        if (!refusals.isEmpty()) {
            Map<String, String> reasonOfPath = new LinkedHashMap<>();
            refusals.forEach(item -> reasonOfPath.put(item.entry().relativePath(), ((Decision.Excluded) item.decision()).reason().code()));
            return Optional.of(new PrezipException(ErrorCode.PZ_REFUSED, Refusals.message(reasonOfPath, request.allowUnknown(),
                    "./jbang inventory --project-id " + request.projectId() + request.dataDirArgument())));
        }
        List<String> emptyFolders = judged.loaded().policy().forbidEmptyDirs()
                ? judged.classification().foldersLeftEmpty(judged.scan().directories()) : List.of();
        if (!emptyFolders.isEmpty()) {
            return Optional.of(new PrezipException(ErrorCode.PZ_INVARIANT, Counts.of(emptyFolders.size(), "folder", "folders")
                    + " would reach the client empty (--forbid-empty-dirs): "
                    + String.join(", ", emptyFolders.stream().limit(SummaryPrinter.PATHS_PER_REASON).toList())));
        }
        if (judged.loaded().policy().companionMode() == CompanionMode.STRICT && !judged.splitGroups().isEmpty()) {
            return Optional.of(new PrezipException(ErrorCode.PZ_COMPANIONS_SPLIT, Counts.of(judged.splitGroups().size(),
                    "companion group", "companion groups") + " would be split: " + ErrorCode.PZ_COMPANIONS_SPLIT.advice()));
        }
        try {
            FreeSpace.require(zip, FreeSpace.neededFor(judged.classification().eligibleEntries()));
        } catch (PrezipException noRoom) {
            return Optional.of(noRoom);
        }
        return Optional.empty();
    }
}
