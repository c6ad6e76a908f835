package changes;

import errors.ErrorCode;
import errors.PrezipException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import scan.PathOrder;
import text.Printable;
import zip.ZipEntryV1;

/**
 * Two deliveries compared as two streams in v1 path order (both manifests are in it, and so are a run's
 * eligible files): one entry of each is held at a time, so two manifests of a million entries compare in
 * the memory of what changed, never a map of every path.
 */
public final class ChangeMerge {
    private ChangeMerge() {}

    /** One entry of a delivery as the comparison needs it: its path, sha256 (lowercase hex) and size. */
    public record Entry(String path, String sha256, long bytes) {}

    /** A delivery's entries in strictly increasing v1 order; null after the last. */
    public interface Cursor {
        Entry next();
    }

    /**
     * Manifest entries (a manifest read again, or a commit's own) as the comparison reads them; an entry
     * without a path or sha256 digest (a manifest changed since it was checked) stops it.
     *
     * @param entries the next entry, null after the last
     */
    public static Cursor of(Supplier<ZipEntryV1> entries) {
        return () -> {
            ZipEntryV1 e = entries.get();
            if (e == null) {
                return null;
            }
            if (e.relativePath() == null || !ZipEntryV1.isSha256Digest(e.sha256OrBlake3())) {
                throw new PrezipException(ErrorCode.PZ_MANIFEST_INVALID, "a manifest changed while it was compared: an entry"
                        + " has no path or sha256 digest now");
            }
            return new Entry(e.relativePath(), e.sha256OrBlake3().substring(ZipEntryV1.SHA256_PREFIX.length()), e.uncompressedBytes());
        };
    }

    /**
     * The changes from {@code previous} to {@code current}.
     *
     * @throws PrezipException PZ_MANIFEST_INVALID when either stream is not in strictly increasing v1 order
     *         (a manifest changed since it was checked)
     */
    public static DeliveryChanges compare(DeliveryChanges.Previous named, Cursor previous, Cursor current) {
        Ordered before = new Ordered(previous, "the previous delivery");
        Ordered now = new Ordered(current, "this delivery");
        List<DeliveryChanges.File> added = new ArrayList<>();
        List<DeliveryChanges.File> removed = new ArrayList<>();
        List<DeliveryChanges.Changed> changed = new ArrayList<>();
        int unchanged = 0;
        Entry old = before.next();
        Entry neu = now.next();
        while (old != null || neu != null) {
            int order = old == null ? 1 : neu == null ? -1 : PathOrder.UTF8_BYTES.compare(old.path(), neu.path());
            if (order < 0) {
                removed.add(new DeliveryChanges.File(old.path(), old.sha256(), old.bytes()));
                old = before.next();
            } else if (order > 0) {
                added.add(new DeliveryChanges.File(neu.path(), neu.sha256(), neu.bytes()));
                neu = now.next();
            } else {
                if (old.bytes() == neu.bytes() && old.sha256().equals(neu.sha256())) {
                    unchanged++;
                } else {
                    changed.add(new DeliveryChanges.Changed(neu.path(), old.sha256(), neu.sha256(), old.bytes(), neu.bytes()));
                }
                old = before.next();
                neu = now.next();
            }
        }
        return new DeliveryChanges(named, null, new DeliveryChanges.Totals(added.size(), removed.size(), changed.size(), unchanged),
                added, removed, changed, null);
    }

    /** A cursor held to strictly increasing v1 order: the merge above is right only on such streams. */
    private static final class Ordered {
        private final Cursor cursor;
        private final String what;
        private String last;

        Ordered(Cursor cursor, String what) {
            this.cursor = cursor;
            this.what = what;
        }

        Entry next() {
            Entry entry = cursor.next();
            if (entry != null) {
                if (last != null && PathOrder.UTF8_BYTES.compare(last, entry.path()) >= 0) {
                    throw new PrezipException(ErrorCode.PZ_MANIFEST_INVALID, what + " lists " + Printable.path(entry.path())
                            + " after " + Printable.path(last) + ": not in v1 path order, or twice");
                }
                last = entry.path();
            }
            return entry;
        }
    }
}
