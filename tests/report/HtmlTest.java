package report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The markup pieces both pages share: escaping, ids, counts, badges, cards and key-value rows. */
class HtmlTest {

    @Test
    void escapeCoversMarkupQuotesAndInvisibleCharacters() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
                Html.escape("<a href=\"x\" title='y'>&amp;</a>"));
        assertEquals("evil\\u202Etxt.exe", Html.escape("evil\u202Etxt.exe"), "a bidi override is shown, not obeyed");
        assertEquals("bell\\u0007", Html.escape("bell\u0007"));
        assertEquals("caf\u00e9 \u65e5\u672c", Html.escape("caf\u00e9 \u65e5\u672c"), "other text is kept as is");
        assertEquals("", Html.escape(null));
    }

    @Test
    void anIdPartKeepsOnlyLowerCaseLettersDigitsUnderscoresAndHyphens() {
        assertEquals("not_allowed", Html.idPart("not_allowed"));
        assertEquals("2025-10-02", Html.idPart("2025-10-02"));
        assertEquals("my_project__x__", Html.idPart("My Project <x>\""));
        assertEquals("caf_", Html.idPart("caf\u00e9"));
    }

    @Test
    void numbersAreGroupedInThousandsWithThePlainNumberInDataValue() {
        assertEquals("<td id=\"n\" class=\"num\" data-value=\"20000\">20,000</td>", Html.countElement("td", "n", "num", 20_000));
        assertEquals("<span id=\"m\" data-value=\"5368709120\">5,368,709,120</span>", Html.countElement("span", "m", null, 5_368_709_120L));
    }

    @Test
    void aBadgeIsColouredByKnownStatusesOnlyAndEscaped() {
        assertEquals("<span class=\"badge ok\" id=\"status\">ok</span>", Html.badge("status", "ok"));
        assertEquals("<span class=\"badge refused\">refused</span>", Html.badge(null, "refused"));
        assertEquals("<span class=\"badge failed\">failed</span>", Html.badge(null, "failed"));
        assertEquals("<span class=\"badge other\">&lt;b&gt;</span>", Html.badge(null, "<b>"), "an unknown status: neutral, as text");
        assertEquals("other", Html.statusClass("approved"));
    }

    @Test
    void aCardHoldsItsLabelCountAndOptionalLineUnder() {
        assertEquals("<div class=\"card\"><div class=\"label\">Runs</div><div id=\"total-runs\" class=\"value\" data-value=\"1234\">1,234</div></div>\n",
                Html.card("Runs", "total-runs", 1_234, null));
        assertEquals("<div class=\"card\"><div class=\"label\">a &amp; b</div><div id=\"x\" class=\"value\" data-value=\"2048\">2,048</div>"
                + "<div class=\"sub\">2.0 KiB</div></div>\n", Html.card("a & b", "x", 2_048, "2.0 KiB"));
    }

    @Test
    void aKeyValueRowSaysWhatItsRecordDoesNotHold() {
        assertEquals("<dt>file_mode</dt><dd class=\"mono\" id=\"policy-file-mode\">0644</dd>", Html.kv("file_mode", "policy-file-mode", "0644"));
        assertEquals("<dt>toolchain</dt><dd class=\"mono\" id=\"t\">" + Html.NOT_RECORDED + "</dd>", Html.kv("toolchain", "t", null));
        assertEquals("<dt>&lt;k&gt;</dt><dd class=\"mono\" id=\"k\">a&lt;b</dd>", Html.kv("<k>", "k", "a<b"));
    }
}
