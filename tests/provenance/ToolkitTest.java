package provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Versions ordered by their numbers, not as text. */
class ToolkitTest {
    @Test
    void versionsCompareByNumber() {
        assertEquals(-1, Toolkit.compareVersions("1.3.0", "1.4.0"));
        assertEquals(1, Toolkit.compareVersions("1.10.0", "1.4.0"));
        assertEquals(0, Toolkit.compareVersions("1.4", "1.4.0"));
        assertEquals(0, Toolkit.compareVersions("1.4.0-rc1", "1.4.0"));
        assertEquals(-1, Toolkit.compareVersions("0.9.9", Toolkit.VERSION));
        assertNull(Toolkit.compareVersions("one", "1.4.0"));
        assertNull(Toolkit.compareVersions(null, "1.4.0"));
        assertNull(Toolkit.compareVersions("1.2.3.4", "1.4.0"));
    }
}
