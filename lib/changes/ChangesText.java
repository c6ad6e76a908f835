package changes;

import java.util.ArrayList;
import java.util.List;
import text.Counts;
import text.Printable;

/**
 * The changes as lines for people, the same in the stager's summary and verify_zip's: what they were
 * compared with, the counts, and the first few paths of each kind (the JSON lists them all).
 */
public final class ChangesText {
    /** Paths shown per kind: enough to recognise what changed, short enough to read. */
    public static final int PATHS_PER_KIND = 3;
    /** Hex digits of a sha256 a line shows: enough to tell deliveries and versions apart. */
    public static final int SHA256_SHOWN = 12;

    private ChangesText() {}

    /**
     * "Changes since ZIP", or why the previous delivery was not compared. When and by what it was made is
     * the body's first line: together they would wrap in a narrow terminal.
     */
    public static String heading(DeliveryChanges changes) {
        String shown = Printable.path(shown(changes.previous()));
        return changes.compared() ? "Changes since " + shown
                : "Changes: the previous delivery " + shown + " is not compared (" + changes.notCompared() + ")";
    }

    /** The previous delivery's zip, or its manifest when only that was given. */
    public static String shown(DeliveryChanges.Previous previous) {
        return previous.zip() != null ? previous.zip() : previous.manifest();
    }

    /** When and by which toolkit the previous delivery was made, and its zip's digest's start. */
    public static String made(DeliveryChanges.Previous previous) {
        return (previous.madeAt() == null ? "" : "made " + previous.madeAt() + ", ")
                + (previous.toolkitVersion() == null ? "" : "prezip " + previous.toolkitVersion() + ", ")
                + "sha256 " + previous.zipSha256().substring(0, SHA256_SHOWN) + "\u2026";
    }

    /** When the previous delivery was made, the counts, then the first paths of each kind; nothing when not compared. */
    public static List<String> body(DeliveryChanges changes) {
        List<String> lines = new ArrayList<>();
        if (!changes.compared()) {
            return lines;
        }
        DeliveryChanges.Totals totals = changes.totals();
        lines.add(made(changes.previous()));
        lines.add(Counts.number(totals.added()) + " added, " + Counts.number(totals.removed()) + " removed, "
                + Counts.number(totals.changed()) + " changed, " + Counts.number(totals.unchanged()) + " unchanged");
        paths(lines, "added", changes.added().stream().map(DeliveryChanges.File::path).toList());
        paths(lines, "removed", changes.removed().stream().map(DeliveryChanges.File::path).toList());
        paths(lines, "changed", changes.changed().stream().map(DeliveryChanges.Changed::path).toList());
        if (totals.added() > PATHS_PER_KIND || totals.removed() > PATHS_PER_KIND || totals.changed() > PATHS_PER_KIND) {
            lines.add("(--json lists every one)");
        }
        return lines;
    }

    private static void paths(List<String> lines, String kind, List<String> paths) {
        if (!paths.isEmpty()) {
            lines.add(String.format("%-8s %s%s", kind, String.join(", ", paths.stream().limit(PATHS_PER_KIND).map(Printable::path).toList()),
                    paths.size() > PATHS_PER_KIND ? ", ..." : ""));
        }
    }
}
