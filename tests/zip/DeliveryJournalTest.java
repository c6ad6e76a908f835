package zip;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a killed delivery leaves beside its zip, and what it must never be taken for. */
class DeliveryJournalTest {
    static final Path ZIP = Path.of("/out/p1.zip");
    static final String UUID = "8c1e7b0a-1111-2222-3333-444455556666";

    @Test
    void theTempFilesOfEveryTargetAndOfTheJournalAreLeftovers() {
        for (String target : List.of("p1.zip", "p1.zip.manifest.json", "p1.zip.manifest.json.sig", "p1.zip.sha256", "p1.zip.contents.sha256",
                "p1.zip.report.json", "p1.zip.report.html", ".p1.zip.prezip-delivery")) {
            assertTrue(DeliveryJournal.isLeftover(ZIP, "." + target + "." + UUID + ".tmp"), target);
        }
        assertTrue(DeliveryJournal.isTempFor(ZIP, ".p1.zip.report.html." + UUID + ".tmp"));
        assertFalse(DeliveryJournal.isTempFor(ZIP, "..p1.zip.prezip-delivery." + UUID + ".tmp"), "the journal's own temp is no target's");
    }

    @Test
    void anotherZipsOrAnotherKindOfFileIsNot() {
        for (String name : List.of(".p1.zip-b." + UUID + ".tmp", ".p1.zip.other." + UUID + ".tmp", "p1.zip." + UUID + ".tmp",
                ".p1.zip." + UUID.toUpperCase() + ".tmp", ".p1.zip." + UUID + ".tmp.x", ".p1.zip.not-a-uuid.tmp", "p1.zip",
                ".p1.zip.prezip-delivery")) {
            assertFalse(DeliveryJournal.isLeftover(ZIP, name), name);
        }
    }
}
