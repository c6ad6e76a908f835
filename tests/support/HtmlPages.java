package support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import json.Json;

/** The toolkit's HTML pages as tests read them: texts by element id, and proof that nothing in a page runs or fetches. */
public final class HtmlPages {
    /** A name chosen to run script if a page pasted it in unescaped. Its "/" makes it a folder and a file. */
    public static final String SCRIPT_NAME = "<script>alert(1)</script>.txt";
    public static final String SCRIPT_NAME_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;.txt";
    /** Hidden files are left out silently, so the script name can sit in a tree whose commit succeeds. */
    public static final String HIDDEN_SCRIPT_PATH = ".attic/" + SCRIPT_NAME;

    private HtmlPages() {}

    /** The text of the element with this id, unescaped; null when there is none. */
    public static String idText(String html, String id) {
        Matcher m = Pattern.compile("\\bid=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
        return m.find() ? unescape(m.group(1)) : null;
    }

    /** The plain number a count element carries in its {@code data-value} (its text groups thousands); null when there is none. */
    public static String idValue(String html, String id) {
        Matcher tag = Pattern.compile("<[a-zA-Z][a-zA-Z0-9]*\\s[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        if (!tag.find()) {
            return null;
        }
        Matcher value = Pattern.compile("\\sdata-value=\"([^\"]*)\"").matcher(tag.group());
        return value.find() ? value.group(1) : null;
    }

    /** The texts of the page's {@code <summary>} elements, unescaped and without their markup. */
    public static List<String> summaries(String html) {
        List<String> texts = new ArrayList<>();
        Matcher m = Pattern.compile("<summary>(.*?)</summary>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            texts.add(unescape(m.group(1).replaceAll("<[^>]*>", "")));
        }
        return texts;
    }

    /** How often an exact text occurs in a page (such as a start tag, to count rows). */
    public static int count(String html, String text) {
        int n = 0;
        for (int at = html.indexOf(text); at >= 0; at = html.indexOf(text, at + text.length())) {
            n++;
        }
        return n;
    }

    public static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A start tag: its name, then its attributes with quoted values kept whole (data may sit in a value). */
    static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>");
    static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'");
    /** Elements that run code or fetch something. */
    static final List<String> FORBIDDEN_TAGS = List.of("script", "link", "iframe", "frame", "img", "object", "embed",
            "audio", "video", "source", "base", "form");

    /** The page's start tags as {name, attributes without their values}. */
    public static List<String[]> tags(String html) {
        List<String[]> tags = new ArrayList<>();
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            tags.add(new String[] {m.group(1).toLowerCase(Locale.ROOT),
                    QUOTED.matcher(m.group(2)).replaceAll("\"\"").toLowerCase(Locale.ROOT)});
        }
        return tags;
    }

    /** A link the toolkit writes: a relative path, percent-encoded, so it has no scheme (no javascript:, no http:). */
    static final Pattern RELATIVE_HREF = Pattern.compile("[A-Za-z0-9._~%/-]+");

    /** No script element, no inline handler, no script URL: nothing in the page can run. */
    public static void assertNoScript(String html) {
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "a raw <script tag");
        for (String[] tag : tags(html)) {
            assertFalse(tag[0].equals("script"), "a script element");
            assertFalse(Pattern.compile("(^|\\s)on[a-z]+\\s*=").matcher(tag[1]).find(), "an event handler in <" + tag[0] + tag[1] + ">");
        }
        Matcher href = Pattern.compile("\\shref=\"([^\"]*)\"").matcher(html);
        while (href.find()) {
            assertTrue(RELATIVE_HREF.matcher(href.group(1)).matches(), "links only to local reports, by relative path: " + href.group(1));
        }
    }

    /** Nothing is fetched from anywhere: no external style sheet, image, font or frame. */
    public static void assertSelfContained(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        assertTrue(lower.startsWith("<!doctype html>"), "an HTML5 document");
        assertTrue(lower.contains("<meta charset=\"utf-8\">"));
        for (String[] tag : tags(html)) {
            assertFalse(FORBIDDEN_TAGS.contains(tag[0]), "a fetching element <" + tag[0] + ">");
            assertFalse(Pattern.compile("\\s(src|srcset|data|poster|action)\\s*=").matcher(tag[1]).find(),
                    "a fetching attribute in <" + tag[0] + tag[1] + ">");
        }
        String css = html.substring(lower.indexOf("<style>"), lower.indexOf("</style>"));
        assertFalse(css.contains("url(") || css.contains("@import"), "the style sheet fetches nothing");
    }
}
