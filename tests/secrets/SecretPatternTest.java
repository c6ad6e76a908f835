package secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretPatternTest {
    @ParameterizedTest
    @ValueSource(strings = {"a|b", "(a", "a)", "(a)(b)", "[a", "a{2", "a{3,1}", "\\q", "a**", "é", "a{2}+"})
    void patternsOutsideTheLinearSubsetAreRefused(String pattern) {
        try {
            SecretPattern.parse(pattern, false);
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError(pattern + " was accepted");
    }

    @Test
    void patternsMatchPossessivelyAndMarkTheSecret() {
        SecretPattern pattern = SecretPattern.parse("\\s*[:=]\\s*(\\w{4,8})", false);
        int[] secret = new int[3];
        byte[] bytes = " = abcdefghij".getBytes(StandardCharsets.US_ASCII);
        assertEquals(11, pattern.match(bytes, 0, bytes.length, secret));
        assertEquals(3, secret[0]);
        assertEquals(11, secret[1]);
        // Possessive: a* takes every a and gives none back, so "a*a" never matches.
        SecretPattern greedy = SecretPattern.parse("a*a", false);
        assertEquals(-1, greedy.match("aaaa".getBytes(StandardCharsets.US_ASCII), 0, 4, secret));
    }

    @Test
    void ignoreCaseFoldsLettersOnlyAndTheLastAtomDecidesWhereATokenEnds() {
        SecretPattern folded = SecretPattern.parse("[a-f]{4}", true);
        int[] secret = new int[3];
        assertEquals(4, folded.match("AbCd".getBytes(StandardCharsets.US_ASCII), 0, 4, secret));
        assertTrue(folded.continuesLastAtom((byte) 'E'));
        assertFalse(folded.continuesLastAtom((byte) '-'));
        SecretPattern foldedNegation = SecretPattern.parse("[^a]+", true);
        assertEquals(-1, foldedNegation.match("Abc".getBytes(StandardCharsets.US_ASCII), 0, 3, secret), "[^a] folded excludes A");
        SecretPattern negated = SecretPattern.parse("[^\\s@]+@", false);
        byte[] text = "p\u00e4ss@".getBytes(StandardCharsets.UTF_8);
        assertEquals(text.length, negated.match(text, 0, text.length, secret), "a negated class takes non-ASCII bytes");
    }
}
