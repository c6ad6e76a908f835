package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The refusal message: counts by reason and each reason's fix. */
class RefusalsTest {
    static final String INVENTORY = "./jbang inventory --project-id acme";

    @Test
    void aLongPathIsFixedByShorteningItNeverByAllowUnknown() {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("shots/a/very/long/path.exr", "long_path");
        String message = Refusals.message(refused, false, INVENTORY);
        assertTrue(message.startsWith("1 file may not ship (long_path 1)"), message);
        assertTrue(message.contains("Shorten the paths named to at most 160 characters (folder and file names)"), message);
        assertFalse(message.contains("--allow-unknown"), "it would not help: " + message);
        assertFalse(message.contains("Remove the other files"), message);
    }

    @Test
    void typesNotAllowedGetTheInventoryCommandAndAllowUnknownWhereItHelps() {
        Map<String, String> refused = new LinkedHashMap<>();
        List.of("a.psd", "b.psd", "c.mov").forEach(p -> refused.put(p, "not_allowed"));
        String message = Refusals.message(refused, false, INVENTORY);
        assertTrue(message.contains("Types not in the allowlist: .psd \u00d7 2, .mov \u00d7 1"), message);
        assertTrue(message.contains(INVENTORY + " --add-override psd mov"), message);
        assertTrue(message.endsWith(". Or pass --allow-unknown to leave them out"), message);
        assertEquals(Map.of("psd", 2, "mov", 1), Refusals.byExtension(List.copyOf(refused.keySet())));
    }
}
