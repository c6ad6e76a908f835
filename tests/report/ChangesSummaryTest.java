package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import changes.DeliveryChanges;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;
import text.Wrap;

/** The summary's changes: heading, counts, first paths, and what the commit copied or will copy. */
class ChangesSummaryTest {
    static String printed(StagerReport report) {
        StringWriter text = new StringWriter();
        ChangesSummary.print(report, new PrintWriter(text), Ansi.OFF);
        return text.toString();
    }

    @Test
    void theChangesAndTheReuseOfACommit() {
        DeliveryChanges changes = new DeliveryChanges(ChangesSectionTest.PREVIOUS, null, new DeliveryChanges.Totals(1, 0, 0, 3),
                List.of(ChangesSectionTest.file("a.txt")), List.of(), List.of(),
                new DeliveryChanges.Reuse(null, 3, 3L << 20, 1L << 20, List.of("b.txt"), null));
        String text = printed(ChangesSectionTest.report(StagerReport.COMMIT, changes));
        // Folded for a 60-column terminal, at spaces only.
        assertTrue(text.contains("  Changes since /out/p1.zip\n    made 2026-11-29T14:35:56Z, prezip 1.4.0, sha256\n      abababababab\u2026\n"
                + "    1 added, 0 removed, 0 changed, 3 unchanged\n    added    a.txt\n"), text);
        assertTrue(text.contains("  Reused the deflated data of 3 unchanged entries (3.0 MiB,\n    1.0 MiB compressed) from the previous zip;"
                + " 1 entry\n    deflated again"), text);
        assertTrue(text.lines().allMatch(line -> line.length() <= Wrap.COLUMNS), text);
    }

    @Test
    void whatADryRunSaysTheCommitWillDo() {
        assertEquals("The commit will copy the unchanged entries' deflated data from the previous zip.", ChangesSummary.reuse(null, true));
        assertEquals("The commit will deflate every entry: --no-reuse was given.",
                ChangesSummary.reuse(DeliveryChanges.Reuse.none("--no-reuse was given"), true));
        assertEquals("Nothing copied from the previous zip: it was made by toolkit 1.3.0.",
                ChangesSummary.reuse(DeliveryChanges.Reuse.none("it was made by toolkit 1.3.0"), false));
        assertEquals("", printed(ChangesSectionTest.report(StagerReport.DRY_RUN, null)));
    }

    @Test
    void aDeliveryNotComparedPromisesNoCopy() {
        DeliveryChanges notCompared = DeliveryChanges.notCompared(ChangesSectionTest.PREVIOUS, "its manifest does not match it");
        String text = printed(ChangesSectionTest.report(StagerReport.DRY_RUN, notCompared));
        assertEquals("\n  Changes: the previous delivery /out/p1.zip is not compared\n    (its manifest does not match it)\n", text);
    }
}
