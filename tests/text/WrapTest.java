package text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Summary sentences folded for a 60-column terminal: at spaces only, continued two spaces further in. */
class WrapTest {
    @Test
    void aShortSentenceIsOneLine() {
        assertEquals(List.of("  Status: ok"), Wrap.lines("  ", "Status: ok"));
    }

    @Test
    void aLongSentenceBreaksAtSpacesWithinTheColumns() {
        String sentence = "Reused the deflated data of 10,000 unchanged entries (230.6 MiB, 36.1 MiB compressed) from the previous zip.";
        List<String> lines = Wrap.lines("  ", sentence);
        assertEquals(List.of("  Reused the deflated data of 10,000 unchanged entries",
                "    (230.6 MiB, 36.1 MiB compressed) from the previous zip."), lines);
        assertEquals(sentence, String.join(" ", lines.stream().map(String::strip).toList()), "no word lost or cut");
    }

    @Test
    void aGroupMarkedTogetherIsNeverBrokenAndPrintsWithSpaces() {
        String sentence = "Reused the deflated data of 2 unchanged entries (36 B, " + Wrap.together("40 B") + " compressed).";
        assertEquals(List.of("  Reused the deflated data of 2 unchanged entries (36 B,", "    40 B compressed)."), Wrap.lines("  ", sentence));
    }

    @Test
    void aWordLongerThanTheLineStandsWhole() {
        String digest = "b".repeat(64);
        List<String> lines = Wrap.lines("    ", "made 2026-12-08T03:19:29.591992628Z, sha256 " + digest + " end");
        assertEquals(List.of("    made 2026-12-08T03:19:29.591992628Z, sha256", "      " + digest, "      end"), lines);
        assertTrue(lines.stream().filter(l -> !l.contains(digest)).allMatch(l -> l.length() <= Wrap.COLUMNS), lines.toString());
    }
}
