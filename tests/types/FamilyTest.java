package types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Families by the codes the data files and reports use; only archives and disk images carry files. */
class FamilyTest {
    @Test
    void everyFamilyRoundTripsThroughItsCode() {
        for (Family family : Family.values()) {
            assertEquals(Optional.of(family), Family.ofCode(family.code()));
        }
        assertEquals("disk-image", Family.DISK_IMAGE.code());
        assertEquals(Optional.empty(), Family.ofCode("DISK_IMAGE"), "the enum's name is not a code");
        assertEquals(Optional.empty(), Family.ofCode("Executable"));
        assertEquals("executable, archive, disk-image, keystore, document, image, audio, video, font, text", Family.codes());
    }

    @Test
    void onlyArchivesAndDiskImagesCarryFiles() {
        for (Family family : Family.values()) {
            assertEquals(family == Family.ARCHIVE || family == Family.DISK_IMAGE, family.carriesFiles(), family.code());
        }
        assertTrue(Family.ARCHIVE.carriesFiles());
        assertFalse(Family.DOCUMENT.carriesFiles(), "a docx is a zip, but a document");
    }
}
