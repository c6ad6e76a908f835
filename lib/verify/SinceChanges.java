package verify;

import changes.ChangeMerge;
import changes.ChangesText;
import changes.DeliveryChanges;
import changes.PreviousDelivery;
import java.io.PrintWriter;
import java.nio.file.Path;
import text.Wrap;
import zip.ZipManifest;

/**
 * verify_zip --since OLD: what changed from an earlier delivery to the one verified, compared from the
 * two manifests as two streams in v1 order. Each manifest is held to its zip's sha256 (the verified one's
 * by the verification itself, VZ_ZIP_SHA256); one that does not match is said, and nothing is compared.
 */
public final class SinceChanges {
    private SinceChanges() {}

    /**
     * @param since the earlier delivery: its zip, or its manifest
     * @param report the verification of the new zip (its manifest is compared only if its sha256 check passed)
     */
    public static DeliveryChanges between(Path since, Path zip, Path manifest, VerifyReport report) {
        PreviousDelivery.Lookup old = PreviousDelivery.find(since, null);
        if (old instanceof PreviousDelivery.Unusable unusable) {
            return DeliveryChanges.notCompared(unusable.named(), unusable.why());
        }
        PreviousDelivery previous = ((PreviousDelivery.Found) old).delivery();
        boolean digestPassed = report.checks().stream()
                .anyMatch(c -> c.code().equals(VerifyCheck.VZ_ZIP_SHA256.name()) && c.ok());
        if (!digestPassed) {
            return DeliveryChanges.notCompared(previous.named(), "the verified zip's manifest does not match it (VZ_ZIP_SHA256)");
        }
        PreviousDelivery.Lookup now = PreviousDelivery.load(zip, manifest, true);
        if (now instanceof PreviousDelivery.Unusable unusable) {
            return DeliveryChanges.notCompared(previous.named(), "the verified zip's manifest: " + unusable.why());
        }
        try (ZipManifest.EntryReader entries = ((PreviousDelivery.Found) now).delivery().entries()) {
            return previous.changesTo(ChangeMerge.of(entries::next));
        }
    }

    /** The changes as verify_zip prints them. */
    static void print(DeliveryChanges changes, PrintWriter out) {
        out.println("  " + ChangesText.heading(changes));
        ChangesText.body(changes).forEach(line -> Wrap.lines("    ", line).forEach(out::println));
    }
}
