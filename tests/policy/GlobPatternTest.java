package policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GlobPatternTest {
    private static boolean m(String glob, String path) {
        return GlobPattern.compile(glob).matches(path);
    }

    @Test
    void plainNameMatchesTheFileNameCaseInsensitively() {
        assertTrue(m("Thumbs.db", "Thumbs.db"));
        assertTrue(m("Thumbs.db", "THUMBS.DB"));
        assertTrue(m("Thumbs.db", "thumbs.db"));
        assertTrue(m("Thumbs.db", "photos/2024/Thumbs.db"));
        assertFalse(m("Thumbs.db", "Thumbs.db.png"));
        assertFalse(m("Thumbs.db", "myThumbs.db"));
        assertFalse(m("Thumbs.db", "ThumbsXdb"), "the dot is literal");
    }

    @Test
    void patternWithoutSlashLooksOnlyAtTheLastComponent() {
        assertFalse(m("Thumbs.db", "Thumbs.db/inner.png"));
        assertFalse(m("id_rsa*", "id_rsa_keys/photo.png"));
        assertTrue(m("id_rsa*", "keys/id_rsa"));
    }

    @Test
    void starMatchesAnyRunWithinTheName() {
        assertTrue(m("id_rsa*", "id_rsa"));
        assertTrue(m("id_rsa*", "id_rsa.pub"));
        assertTrue(m("id_rsa*", "ID_RSA_old"));
        assertFalse(m("id_rsa*", "my_id_rsa"));
        assertTrue(m("*~", "notes.txt~"));
        assertTrue(m("*~", "a/b/notes.txt~"));
        assertFalse(m("*~", "notes.txt"));
        assertFalse(m("*~", "~notes.txt"));
        assertTrue(m("*.env", "prod.env"));
        assertTrue(m("*.env", ".env"));
        assertFalse(m("*.env", "prodenv"));
        assertTrue(m(".env.*", ".env.local"));
        assertFalse(m(".env.*", "x.env.local"));
    }

    @Test
    void questionMarkIsExactlyOneCharacter() {
        assertTrue(m("a?.txt", "ab.txt"));
        assertFalse(m("a?.txt", "a.txt"));
        assertFalse(m("a?.txt", "abc.txt"));
        assertFalse(m("x?y/*", "x/y/z.png"), "? never matches a slash");
    }

    @Test
    void patternWithSlashMatchesEverythingUnderAnyMatchingFolder() {
        assertTrue(m("__MACOSX/*", "__MACOSX/y.png"));
        assertTrue(m("__MACOSX/*", "__MACOSX/x/y.png"));
        assertTrue(m("__MACOSX/*", "deep/down/__macosx/._y.png"));
        assertFalse(m("__MACOSX/*", "__MACOSX"), "a file named __MACOSX is not under the folder");
        assertFalse(m("__MACOSX/*", "not__MACOSX/y.png"));
        assertFalse(m("__MACOSX/*", "__MACOSX_old/y.png"));
    }

    @Test
    void starDoesNotCrossFolders() {
        assertTrue(m("x/*.png", "x/b.png"));
        assertTrue(m("x/*.png", "top/x/b.png"));
        assertFalse(m("x/*.png", "x/a/b.txt"));
        assertFalse(m("x/*.png", "x/a/b.png"), "* stays within one component");
    }

    @Test
    void regexMetacharactersAreLiteral() {
        assertTrue(m("a+b.(c)[d]", "a+b.(c)[d]"));
        assertFalse(m("a+b.(c)[d]", "aab.(c)[d]"));
        assertFalse(m("a+b.(c)[d]", "a+bX(c)[d]"));
        assertTrue(m("^$|", "^$|"));
        assertFalse(m("^$|", ""));
    }

    @Test
    void caseInsensitivityCoversNonAsciiLetters() {
        assertTrue(m("\u00c4rger*", "\u00e4rger.txt"));
    }

    @Test
    void keepsTheGlobAndPrintsItLowercase() {
        GlobPattern glob = GlobPattern.compile("Thumbs.db");
        assertEquals("Thumbs.db", glob.glob());
        assertEquals("thumbs.db", glob.toString());
        // Without a '/' a glob is about file names; with one, about runs of components.
        assertTrue(glob.matches("a/b/thumbs.DB") && !glob.matches("thumbs.db/a"));
        assertTrue(GlobPattern.compile("__MACOSX/*").matches("a/__MACOSX/b") && !GlobPattern.compile("__MACOSX/*").matches("__MACOSX"));
    }

    /** The literal prefilter may only rule out paths the regex would not match either. */
    @Test
    void thePrefilterNeverRulesOutAMatch() {
        List<String> globs = List.of("id_rsa*", "*.env", ".env.*", "credentials.json", "*.tfstate.*", "Thumbs.db",
                "__MACOSX/*", "*~", "*.swp", "a?c*.b", "*", "?", "?b", "a?", "*a*b*", "ab*ba", "a*a", ".env");
        String alphabet = "aAbBcCdDeEnNvVsSwWpP._-~/?*";
        String[] seeds = {"ID_RSA", "x.ENV", ".Env.local", "Credentials.JSON", "s.tfstate.1", "THUMBS.DB",
                "__macosx/f", "d/file~", "x.SwP", "abc.b", "", "d/", "ab", "aba", "d/.ENV", "a/ab/ba"};
        Random random = new Random(6);
        int matched = 0;
        int ruledOut = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder path = new StringBuilder(seeds[random.nextInt(seeds.length)]);
            for (int n = random.nextInt(5); n > 0; n--) {
                path.insert(random.nextInt(path.length() + 1), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = path.toString();
            for (String text : globs) {
                GlobPattern glob = GlobPattern.compile(text);
                if (glob.matches(candidate)) {
                    assertTrue(glob.mayMatch(Ascii.lowerCaseOrNull(candidate)), text + " vs " + candidate);
                    matched++;
                } else if (!glob.mayMatch(Ascii.lowerCaseOrNull(candidate))) {
                    ruledOut++;
                }
            }
        }
        // Both sides were tried many times: matches kept, and non-matches ruled out before any regex.
        assertTrue(matched > 2_000 && ruledOut > 100_000, matched + " matched, " + ruledOut + " ruled out");
    }

    /** The regex the matcher replaced (toolkit 1.2.0 and before): the reference for what every glob means. */
    static boolean byRegex(String glob, String path) {
        StringBuilder body = new StringBuilder();
        for (String token : glob.split("(?<=[*?])|(?=[*?])")) {
            body.append(token.equals("*") ? "[^/]*" : token.equals("?") ? "[^/]" : Pattern.quote(token));
        }
        String regex = "(?:.*/)?(?:" + body + ")" + (glob.contains("/") ? "(?:/.*)?" : "");
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(path).matches();
    }

    @Test
    void theMatcherAgreesWithTheRegexItReplacedOnRandomGlobsAndPaths() {
        Random random = new Random(16);
        String globChars = "ab*?/.\u00e9\u00c9\u017fs";
        // Paths as a scan makes them (no empty, "." or ".." component: those are skipped below).
        String pathChars = "abAB/.\u00e9\u00c9sS*?";
        int matches = 0;
        for (int i = 0; i < 50_000; i++) {
            String glob = randomText(random, globChars, 1 + random.nextInt(7));
            String path = randomText(random, pathChars, 1 + random.nextInt(10));
            if (java.util.Arrays.stream(path.split("/", -1)).anyMatch(c -> c.isEmpty() || c.equals(".") || c.equals(".."))) {
                continue;
            }
            GlobPattern compiled;
            try {
                compiled = GlobPattern.compile(glob);
            } catch (IllegalArgumentException neverMatches) {
                assertFalse(byRegex(glob, path), glob + " was refused as never matching, but matches " + path);
                continue;
            }
            boolean expected = byRegex(glob, path);
            assertEquals(expected, compiled.matches(path), glob + " vs " + path);
            matches += expected ? 1 : 0;
        }
        assertTrue(matches > 1_000, "both outcomes were tried: " + matches + " matches");
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Test
    void patternsThatBackTrackedForMinutesAreDecidedAtOnce() {
        // Each ran for minutes as a regex (issue 16); here each is at most the two lengths multiplied.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertFalse(m("*a*a*a*a*a*a*a*a*b", "\u00e4" + "a".repeat(100)), "non-ASCII, so no prefilter");
            assertFalse(m("x/*a*a*a*a*a*a*a*a*b", "x/" + "a".repeat(250)));
            assertFalse(m("*a*a*a*a*a*a*a*c*b", "a".repeat(250) + "b"));
            assertTrue(m("*a*a*a*a*a*a*a*a*b", "a".repeat(250) + "b"));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"build/", "/", "/x", "a//b", "./x", "x/..", ""})
    void globsThatCanNeverMatchAFileAreRefused(String glob) {
        assertThrows(IllegalArgumentException.class, () -> GlobPattern.compile(glob));
    }

    @Test
    void globsLongerThanTheBoundAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> GlobPattern.compile("*".repeat(100_000)));
        assertThrows(IllegalArgumentException.class, () -> GlobPattern.compile("*a".repeat(20_000)));
        assertTrue(GlobPattern.compile("*".repeat(GlobPattern.MAX_GLOB_CHARS)).matches("x"));
    }

    @Test
    void nonAsciiPathsAndLiteralsAreLeftToTheMatcher() {
        // U+017F (long s) folds to 's' under Unicode case rules: ".\u017Fwp" is a *.swp file.
        GlobPattern swp = GlobPattern.compile("*.swp");
        assertTrue(swp.matches("notes.\u017Fwp"));
        assertTrue(swp.mayMatch(Ascii.lowerCaseOrNull("notes.\u017Fwp")));
        GlobPattern nonAscii = GlobPattern.compile("*.\u00e9t\u00e9");
        assertTrue(nonAscii.matches("x.\u00c9T\u00c9"));
        assertTrue(nonAscii.mayMatch(Ascii.lowerCaseOrNull("x.ete")));
    }
}
