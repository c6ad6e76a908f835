package report;

import changes.ChangesText;
import changes.DeliveryChanges;
import java.io.PrintWriter;
import picocli.CommandLine.Help.Ansi;
import text.Bytes;
import text.Counts;
import text.Wrap;

/**
 * The summary's lines on a re-delivery: what changed since the previous delivery ({@link ChangesText}:
 * counts, then the first few paths of each kind) and how much of the previous zip was reused.
 */
final class ChangesSummary {
    private ChangesSummary() {}

    static void print(StagerReport report, PrintWriter out, Ansi ansi) {
        DeliveryChanges changes = report.changes();
        if (changes == null) {
            return;
        }
        out.println();
        Wrap.lines("  ", ChangesText.heading(changes)).forEach(line -> out.println(ansi.string("@|bold " + line + "|@")));
        ChangesText.body(changes).forEach(line -> Wrap.lines("    ", line).forEach(out::println));
        if (!changes.compared()) {
            return; // nothing is known of the previous zip's entries: neither what was nor what will be copied
        }
        String reuse = reuse(changes.reuse(), StagerReport.DRY_RUN.equals(report.mode()));
        if (reuse != null) {
            Wrap.lines("  ", reuse).forEach(out::println);
        }
    }

    /** How much of the previous zip a commit copied, or whether a commit would copy from it; null when there is nothing to say. */
    static String reuse(DeliveryChanges.Reuse reuse, boolean dryRun) {
        if (reuse != null && reuse.notReused() != null) {
            return (dryRun ? "The commit will deflate every entry: " : "Nothing copied from the previous zip: ") + reuse.notReused() + ".";
        }
        if (dryRun || reuse == null) {
            return dryRun ? "The commit will copy the unchanged entries' deflated data from the previous zip." : null;
        }
        return "Reused the deflated data of " + Counts.of(reuse.entries(), "unchanged entry", "unchanged entries") + " ("
                + Wrap.together(Bytes.human(reuse.bytes())) + ", " + Wrap.together(Bytes.human(reuse.compressedBytes()))
                + " compressed) from the previous zip"
                + (reuse.deflatedAgain().isEmpty() ? "." : "; " + Counts.of(reuse.deflatedAgain().size(), "entry", "entries")
                + " deflated again: its data there did not inflate to the file.");
    }
}
