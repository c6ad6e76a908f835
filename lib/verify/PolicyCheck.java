package verify;

import java.util.List;
import policy.Classifier;
import policy.Decision;
import scan.ScannedEntry;

/** With --project-id, VZ_POLICY: every entry is a file the project's allowlist and the global bans would ship. */
final class PolicyCheck {
    private final Findings findings;

    PolicyCheck(Findings findings) {
        this.findings = findings;
    }

    void check(Classifier projectPolicy, List<EntryState> entries) {
        findings.ran(VerifyCheck.VZ_POLICY);
        for (EntryState entry : entries) {
            ScannedEntry asFile = new ScannedEntry(entry.name, null, ScannedEntry.Kind.REGULAR,
                    entry.central.uncompressedSize(), 0, null);
            if (projectPolicy.classify(asFile) instanceof Decision.Excluded excluded) {
                findings.add(VerifyCheck.VZ_POLICY, entry, "the project would not ship it: " + excluded.reason().code()
                        + (excluded.detail() == null ? "" : " (" + excluded.detail() + ")"));
            }
        }
    }
}
