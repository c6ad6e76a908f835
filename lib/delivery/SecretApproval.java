package delivery;

import console.Progress;
import errors.ErrorCode;
import errors.PrezipException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import policy.Classification;
import scan.TreeScanner;
import secrets.ContentScan;
import secrets.SecretApprovals;
import secrets.SecretFinding;

/**
 * --approve-secret: scans the content as a dry-run would, and records the approval of the finding with
 * that fingerprint (who, when, why). A fingerprint the content does not produce is refused: an
 * approval always names a finding someone has seen.
 */
public final class SecretApproval {
    private SecretApproval() {}

    /** The finding approved, and the project's approvals file it was recorded in. */
    public record Approved(SecretFinding finding, Path file) {}

    /** @param fingerprint a finding's fingerprint, or its first {@link SecretFinding#SHORT_FINGERPRINT_CHARS}+ hex digits */
    public static Approved approve(DeliveryRequest request, String fingerprint, String note) {
        if (note == null || note.isBlank()) {
            throw new PrezipException(ErrorCode.PZ_USAGE, "--approve-secret needs --note TEXT: say why the finding is no secret");
        }
        if (request.namesOnly()) {
            throw new PrezipException(ErrorCode.PZ_USAGE, DeliveryRequest.NAMES_ONLY_IS_FOR_A_DRY_RUN);
        }
        Loaded loaded = Loaded.of(request, System.nanoTime());
        ContentScan contentScan = loaded.policy().contentScan();
        String wanted = fingerprint.strip().toLowerCase(Locale.ROOT);
        if (!wanted.matches("[0-9a-f]{" + SecretFinding.SHORT_FINGERPRINT_CHARS + ",64}")) {
            throw new PrezipException(ErrorCode.PZ_USAGE, "--approve-secret takes a fingerprint (or its first "
                    + SecretFinding.SHORT_FINGERPRINT_CHARS + "+ hex digits) as the dry-run lists it");
        }
        Progress progress = request.statusLine().apply("scan");
        List<SecretFinding> matching;
        try {
            TreeScanner.ScanResult scan = TreeScanner.scan(loaded.root(), progress);
            Classification classification = Classification.of(scan, loaded.policy().classifier());
            matching = contentScan.scanFiles(classification.eligibleEntries(), request.threads(), progress.next("secrets"))
                    .stream().filter(f -> f.approvable() && f.fingerprint().startsWith(wanted)).toList();
        } finally {
            progress.finish();
        }
        if (matching.stream().map(SecretFinding::fingerprint).distinct().count() != 1) {
            throw new PrezipException(ErrorCode.PZ_SECRET_NOT_FOUND, (matching.isEmpty() ? "no" : "more than one")
                    + " credential finding in " + loaded.root() + " has a fingerprint starting " + wanted + ": "
                    + ErrorCode.PZ_SECRET_NOT_FOUND.advice());
        }
        SecretFinding finding = matching.get(0);
        contentScan.approvals().with(request.projectId(), new SecretApprovals.Approval(finding.fingerprint(), finding.rule(),
                finding.path(), note.strip(), System.getProperty("user.name"), Instant.now().toString()));
        return new Approved(finding, contentScan.approvals().file());
    }
}
