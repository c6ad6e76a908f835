package changes;

import java.util.List;

/**
 * What changed since the previous delivery: the report's {@code changes} object (JSON, summary, page) and
 * verify_zip's. Paths are compared by name and sha256: a renamed file is removed and added, a file of the
 * same size with other bytes is changed. The lists are whole (the summary and the page cut them); a
 * delivery that could not be compared has only {@code previous} (what was found) and {@code notCompared}.
 *
 * @param notCompared why the previous delivery was not compared (the run went on as a first delivery), else null
 * @param totals how many of each kind; null when not compared
 * @param reuse how much of the previous zip a commit copied instead of deflating (a dry-run: only whether it can)
 */
public record DeliveryChanges(Previous previous, String notCompared, Totals totals, List<File> added, List<File> removed,
                              List<Changed> changed, Reuse reuse) {

    /**
     * The delivery compared against, as its files and manifest name it.
     *
     * @param zip the previous zip (null when only its manifest was given)
     * @param zipSha256 the previous zip's sha256, as read (or as its manifest gives it, when the zip was not there)
     * @param madeAt when the previous commit ended (its run record; null before toolkit 1.2.0)
     * @param toolkitVersion the toolkit that wrote it (its manifest's toolchain)
     */
    public record Previous(String zip, String zipSha256, String manifest, String manifestSha256, String madeAt,
                           String toolkitVersion) {}

    public record Totals(int added, int removed, int changed, int unchanged) {}

    /** A file only one of the deliveries has. */
    public record File(String path, String sha256, long bytes) {}

    /** A path both deliveries have, with other bytes. */
    public record Changed(String path, String oldSha256, String newSha256, long oldBytes, long newBytes) {}

    /**
     * Reuse of the previous zip's deflated data.
     *
     * @param notReused why nothing is copied from the previous zip (its layout, --no-reuse, no zip), else null
     * @param entries entries whose deflated data was copied (a commit's; null on a dry-run)
     * @param bytes their uncompressed bytes
     * @param compressedBytes their compressed bytes, as copied
     * @param deflatedAgain entries whose previous data did not inflate to the staged file's bytes: deflated again
     * @param stopped why copying stopped before the last entry (the previous zip could not be read on), else null
     */
    public record Reuse(String notReused, Integer entries, Long bytes, Long compressedBytes, List<String> deflatedAgain,
                        String stopped) {
        public Reuse {
            deflatedAgain = deflatedAgain == null ? null : List.copyOf(deflatedAgain);
        }

        /** A reuse that does not happen, and why. */
        public static Reuse none(String why) {
            return new Reuse(why, null, null, null, null, null);
        }
    }

    public DeliveryChanges {
        added = added == null ? null : List.copyOf(added);
        removed = removed == null ? null : List.copyOf(removed);
        changed = changed == null ? null : List.copyOf(changed);
    }

    /** A previous delivery that was found but could not be compared, and why. */
    public static DeliveryChanges notCompared(Previous previous, String why) {
        return new DeliveryChanges(previous, why, null, null, null, null, null);
    }

    public DeliveryChanges withReuse(Reuse how) {
        return new DeliveryChanges(previous, notCompared, totals, added, removed, changed, how);
    }

    /** Whether the two deliveries were compared (else only {@link #notCompared} says why not). */
    public boolean compared() {
        return notCompared == null;
    }
}
