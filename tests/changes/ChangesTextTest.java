package changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The changes as lines: the heading, the counts, the first paths of each kind. */
class ChangesTextTest {
    static DeliveryChanges.File f(String path) {
        return new DeliveryChanges.File(path, "a".repeat(64), 1);
    }

    @Test
    void countsThenTheFirstPathsOfEachKind() {
        DeliveryChanges changes = new DeliveryChanges(ChangeMergeTest.NAMED, null, new DeliveryChanges.Totals(4, 1, 0, 7),
                List.of(f("a"), f("b"), f("c"), f("d\u202Eevil")), List.of(f("gone")), List.of(), null);
        assertEquals("Changes since /out/p.zip", ChangesText.heading(changes));
        assertEquals(List.of("made 2026-01-01T00:00:00Z, prezip 1.4.0, sha256 abababababab\u2026", "4 added, 1 removed, 0 changed, 7 unchanged", "added    a, b, c, ...", "removed  gone",
                "(--json lists every one)"), ChangesText.body(changes));
    }

    @Test
    void aDeliveryNotComparedSaysWhyAndHasNoBody() {
        DeliveryChanges changes = DeliveryChanges.notCompared(new DeliveryChanges.Previous(null, null, "/m.json", null, null, null),
                "no manifest");
        assertEquals("Changes: the previous delivery /m.json is not compared (no manifest)", ChangesText.heading(changes));
        assertEquals(List.of(), ChangesText.body(changes));
    }
}
