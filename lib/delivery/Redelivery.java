package delivery;

import changes.ChangeMerge;
import changes.ChangesText;
import changes.ContentDigests;
import changes.DeliveryChanges;
import changes.PreviousDelivery;
import changes.ReuseLayout;
import commit.Reuse;
import console.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import provenance.RunRecord;
import scan.ScannedEntry;
import text.Counts;
import text.Printable;
import verify.PreviousZip;
import zip.PreviousEntries;
import zip.ZipEntryV1;
import zip.ZipManifest;

/**
 * The re-delivery side of a run: the delivery it follows (the zip it replaces, or {@code --since}), what
 * changed since (a dry-run reads the files for their digests, a commit has them from staging), the chain
 * (the previous zip and manifest among the run's inputs) and, on a commit, the previous zip opened so its
 * unchanged entries' deflated data is copied. A previous delivery that cannot be compared is said in one
 * line, and the run goes on as a first delivery.
 */
final class Redelivery {
    /** What a run found before it; {@link PreviousDelivery.None} for a first delivery. */
    private final PreviousDelivery.Lookup lookup;

    /** Why nothing is copied under --no-reuse. */
    private static final String NO_REUSE = "--no-reuse was given";

    private Redelivery(PreviousDelivery.Lookup lookup) {
        this.lookup = lookup;
    }

    /** Looks for the previous delivery and checks it (said by {@link #sayIfUnusable}). */
    static Redelivery lookUp(Path since, Path zip) {
        return new Redelivery(PreviousDelivery.find(since, zip));
    }

    /** Says in one line a previous delivery that cannot be compared: the run goes on as a first delivery. */
    void sayIfUnusable(Consumer<Notice> notices) {
        if (lookup instanceof PreviousDelivery.Unusable unusable) {
            notices.accept(Notice.said("the previous delivery " + ChangesText.shown(unusable.named()) + " is not compared (" + unusable.why()
                    + "): this is reported as a first delivery"));
        }
    }

    /** The run record's inputs naming the previous delivery (none when there is none to compare). */
    List<RunRecord.Input> inputs() {
        return lookup instanceof PreviousDelivery.Found found ? found.delivery().inputs() : List.of();
    }

    /**
     * A dry-run's changes, the same as the commit's: every eligible file read for its sha256. Null for a
     * first delivery; with --names-only, not compared (no content is read).
     */
    DeliveryChanges forDryRun(List<ScannedEntry> eligible, DeliveryRequest request, Progress progress) {
        if (lookup instanceof PreviousDelivery.Unusable unusable) {
            return DeliveryChanges.notCompared(unusable.named(), unusable.why());
        }
        if (!(lookup instanceof PreviousDelivery.Found found)) {
            return null;
        }
        if (request.namesOnly()) {
            return DeliveryChanges.notCompared(found.delivery().named(), "--names-only reads no content, and files are compared by"
                    + " their sha256: the commit compares them");
        }
        ContentDigests digests = ContentDigests.of(eligible, request.threads(), progress.next("digests"));
        String notReused = whyNotReused(request.noReuse(), found.delivery());
        return found.delivery().changesTo(digests.cursor()).withReuse(notReused == null ? null : DeliveryChanges.Reuse.none(notReused));
    }

    /** Why nothing may be copied from the previous zip (--no-reuse, or a layout not this toolkit's), else null. */
    private static String whyNotReused(boolean noReuse, PreviousDelivery previous) {
        return noReuse ? NO_REUSE : ReuseLayout.problem(previous);
    }

    /** The previous zip, opened for its unchanged entries' data, and why nothing is copied from it (else null). */
    record Opened(PreviousEntries entries, String notReused) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            entries.close();
        }
    }

    /**
     * Opens the previous zip for a commit to copy from: only when it was found, its layout is this
     * toolkit's, --no-reuse was not given, and its structure passes verify_zip's checks.
     */
    Opened openForReuse(boolean noReuse, Progress progress) {
        if (!(lookup instanceof PreviousDelivery.Found found)) {
            return new Opened(PreviousEntries.NONE, null);
        }
        String notReused = whyNotReused(noReuse, found.delivery());
        if (notReused != null) {
            return new Opened(PreviousEntries.NONE, notReused);
        }
        progress.next("check previous zip");
        PreviousDelivery previous = found.delivery();
        PreviousZip.Opened opened = PreviousZip.open(previous.zip(), previous.manifest(), previous.manifestMaxBytes());
        return opened.zip() != null ? new Opened(opened.zip(), null) : new Opened(PreviousEntries.NONE, opened.refused());
    }

    /** A commit's changes, from its manifest's entries (the staged files' digests), and what it copied. */
    DeliveryChanges forCommit(ZipManifest manifest, Reuse.Summary reused, String notReused) {
        if (lookup instanceof PreviousDelivery.Unusable unusable) {
            return DeliveryChanges.notCompared(unusable.named(), unusable.why());
        }
        if (!(lookup instanceof PreviousDelivery.Found found)) {
            return null;
        }
        Iterator<ZipEntryV1> entries = manifest.entries().iterator();
        DeliveryChanges compared = found.delivery().changesTo(ChangeMerge.of(() -> entries.hasNext() ? entries.next() : null));
        return compared.withReuse(notReused != null ? DeliveryChanges.Reuse.none(notReused)
                : new DeliveryChanges.Reuse(null, reused.entries(), reused.bytes(), reused.compressedBytes(), reused.deflatedAgain(),
                        reused.stopped()));
    }

    /**
     * Says, by name, the entries whose data in the previous zip did not inflate to the staged file's bytes
     * (each deflated again; nothing more was copied from that zip), and why copying stopped early.
     */
    static void sayDeflatedAgain(DeliveryChanges changes, Consumer<Notice> notices) {
        DeliveryChanges.Reuse reuse = changes == null ? null : changes.reuse();
        if (reuse == null) {
            return;
        }
        if (reuse.deflatedAgain() != null && !reuse.deflatedAgain().isEmpty()) {
            notices.accept(Notice.said("the previous zip's data for " + Counts.of(reuse.deflatedAgain().size(), "entry", "entries")
                    + " did not inflate to the staged file's bytes (" + String.join(", ", reuse.deflatedAgain().stream()
                    .limit(ChangesText.PATHS_PER_KIND).map(Printable::path).toList()) + (reuse.deflatedAgain().size()
                    > ChangesText.PATHS_PER_KIND ? ", ..." : "") + "): deflated again, and nothing more copied from that zip;"
                    + " the new zip is right, the previous one does not hold what its manifest says"));
        }
        if (reuse.stopped() != null) {
            notices.accept(Notice.said(reuse.stopped()));
        }
    }
}
