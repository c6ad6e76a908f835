package zip;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EntryHeaderTest {
    static final long FITS = 0xFFFF_FFFEL;
    static final long MARKER = 0xFFFF_FFFFL;

    @Test
    void aValueOverflowsFromTheMarkerOnAndAnOffsetNeedsOnlyTheCentralExtra() {
        EntryHeader fits = new EntryHeader("a", true, 0, FITS, FITS, FITS);
        assertFalse(fits.sizesOverflow());
        assertFalse(fits.anyOverflows());
        assertTrue(new EntryHeader("a", true, 0, FITS, MARKER, 0).sizesOverflow(), "the all-ones value is the marker");
        assertTrue(new EntryHeader("a", true, 0, MARKER, 0, 0).sizesOverflow());
        EntryHeader farOffset = new EntryHeader("a", true, 0, 1, 1, MARKER);
        assertFalse(farOffset.sizesOverflow());
        assertTrue(farOffset.anyOverflows());
    }
}
