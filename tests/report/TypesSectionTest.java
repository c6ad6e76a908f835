package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Type mismatches": the files that ship although their bytes say otherwise, escaped and folded like every list. */
class TypesSectionTest {
    static StagerReport withMismatches(List<StagerReport.TypeMismatch> mismatches) {
        return new StagerReport(StagerReport.SCHEMA_VERSION, "p", "/c", "/out/p1.zip", StagerReport.DRY_RUN, StagerReport.OK, List.of(),
                List.of(), new StagerReport.Totals(0, 0, Map.of(), Map.of()), null, null, null, null, List.of(), true, List.of(), null, null,
                mismatches, null, null);
    }

    static String rendered(StagerReport report) {
        return PageStreamTest.text(b -> TypesSection.write(b, report, "the JSON report"));
    }

    @Test
    void eachMismatchIsARowWithWhatTheFileIsEscaped() {
        String html = rendered(withMismatches(List.of(new StagerReport.TypeMismatch("img/<b>.jpg", "png", "jpg", "a PNG image, named .jpg"))));
        assertTrue(html.startsWith("<h2>Type mismatches <span class=\"count\">(1)</span></h2>"), html);
        assertTrue(html.contains("id=\"type-mismatches\""), html);
        assertTrue(html.contains("img/&lt;b&gt;.jpg") && !html.contains("<b>.jpg"), "the path is escaped: " + html);
        assertTrue(html.contains("<td>.jpg</td><td>a PNG image, named .jpg</td>"), html);
    }

    @Test
    void aLongListIsFoldedAndCounted() {
        List<StagerReport.TypeMismatch> many = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            many.add(new StagerReport.TypeMismatch("f" + i + ".png", null, "png", "none of what .png stands for (png): no signature matched"));
        }
        String html = rendered(withMismatches(many));
        assertTrue(html.contains("(150)"), html);
        assertEquals(Fold.LISTED_ROWS, html.split("<tr><td>", -1).length - 1, "rows written up to the cap");
        assertTrue(html.contains("50 more not listed on this page: the JSON report lists every one."), html);
    }

    @Test
    void noMismatchOrNoTypeCheckWritesNothing() {
        assertEquals("", rendered(withMismatches(List.of())));
        assertEquals("", rendered(withMismatches(null)), "content not read: types were not checked");
    }
}
