package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import changes.DeliveryChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Changes since ...": the previous delivery, the counts, each kind's paths folded, escaped. */
class ChangesSectionTest {
    static final DeliveryChanges.Previous PREVIOUS = new DeliveryChanges.Previous("/out/p1.zip", "ab".repeat(32),
            "/out/p1.zip.manifest.json", "cd".repeat(32), "2026-11-29T14:35:56Z", "1.4.0");

    static StagerReport report(String mode, DeliveryChanges changes) {
        return new StagerReport(StagerReport.SCHEMA_VERSION, "p", "/c", "/out/p1.zip", mode, StagerReport.OK, List.of(), List.of(),
                new StagerReport.Totals(0, 0, Map.of(), Map.of()), null, null, null, null, null, null, null, null, null, null, null, null)
                .withChanges(changes);
    }

    static String rendered(StagerReport report) {
        return PageStreamTest.text(b -> ChangesSection.write(b, report, "the JSON report"));
    }

    static DeliveryChanges.File file(String path) {
        return new DeliveryChanges.File(path, "0".repeat(64), 2048);
    }

    @Test
    void countsAndEachKindFoldedAndEscaped() {
        List<DeliveryChanges.File> added = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            added.add(file(String.format("new/f%03d.txt", i)));
        }
        DeliveryChanges changes = new DeliveryChanges(PREVIOUS, null, new DeliveryChanges.Totals(130, 1, 1, 9), added,
                List.of(file("<script>alert(1)</script>.txt")),
                List.of(new DeliveryChanges.Changed("c.txt", "1".repeat(64), "2".repeat(64), 10, 12)),
                new DeliveryChanges.Reuse(null, 9, 9000L, 3000L, List.of(), null));
        String html = rendered(report(StagerReport.COMMIT, changes));
        assertTrue(html.startsWith("<h2>Changes since <code>p1.zip</code></h2>"), html);
        assertTrue(html.contains("id=\"changes-added\" data-value=\"130\""), html);
        assertTrue(html.contains("id=\"changes-unchanged\" data-value=\"9\""), html);
        assertTrue(html.contains("<details class=\"fold\"><summary>125 more paths</summary>"), html);
        assertTrue(html.contains("30 more not listed on this page: the JSON report lists every one."), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;.txt") && !html.contains("<script>"), html);
        assertTrue(html.contains("111111111111\u2026 \u2192 222222222222\u2026"), html);
        assertTrue(html.contains("Reused the deflated data of 9 unchanged entries"), html);
    }

    @Test
    void aFirstDeliveryHasNoSectionAndOneNotComparedSaysWhy() {
        assertEquals("", rendered(report(StagerReport.COMMIT, null)));
        String html = rendered(report(StagerReport.DRY_RUN, DeliveryChanges.notCompared(PREVIOUS, "no manifest p1.zip.manifest.json beside it")));
        assertTrue(html.contains("id=\"changes-not-compared\"") && html.contains("no manifest"), html);
        assertFalse(html.contains("changes-added"));
    }
}
