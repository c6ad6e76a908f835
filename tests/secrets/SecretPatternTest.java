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
    @ValueSource(strings = {"a|b", "(a", "a)", "(a)(b)", "[a", "a{2", "a{3,1}", "\\q", "a**", "é", "a{2}+",
            "(?:a", "(?:)?b", "(?:a)?(?:b)?", "(?:a(b))?", "(a(?:b)?)", "(?:(?:a)?)?"})
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

    @Test
    void aBeforePartMatchesBackwardsPossessivelyAndKnowsItsLength() {
        SecretPattern before = SecretPattern.parse("[A-Za-z0-9_~.]{3}\\d", false);
        byte[] bytes = "x=ab3.7Q~rest".getBytes(StandardCharsets.US_ASCII);
        int keyword = 7;
        assertEquals(3, before.matchBackward(bytes, keyword, 0), "three characters and a digit ahead of Q~");
        assertEquals(-1, before.matchBackward(bytes, keyword, 4), "not past the floor");
        assertEquals(-1, SecretPattern.parse("\\d{3}", false).matchBackward(bytes, keyword, 0), "one digit is not three");
        assertEquals(4, before.maxLength());
        assertEquals(Integer.MAX_VALUE, SecretPattern.parse("a+", false).maxLength());
        SecretPattern digits = SecretPattern.parse("[0-9]{8,10}", false);
        byte[] telegram = "id 123456789012:AA".getBytes(StandardCharsets.US_ASCII);
        assertEquals(5, digits.matchBackward(telegram, 15, 0), "possessive: takes ten digits, leaving two ahead of them");
    }

    @Test
    void anOptionalSequenceMatchesWholeOrGivesBackWhatItRead() {
        SecretPattern block = SecretPattern.parse("[ \\t]{0,4}(?:[>|][+-]?\\r?\\n[ \\t]{1,16})?[\"']?(\\w{8,})", false);
        int[] secret = new int[3];
        byte[] folded = " >-\n    s3cretvalue\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(19, block.match(folded, 0, folded.length, secret), "the block scalar's header and the value on the next line");
        assertEquals(8, secret[0]);
        assertEquals(19, secret[1]);
        byte[] inline = " 's3cretvalue'".getBytes(StandardCharsets.US_ASCII);
        assertEquals(13, block.match(inline, 0, inline.length, secret), "without the header: the value on the line");
        assertEquals(2, secret[0]);
        // The header without its line break gives back the '>' it took; then '>' is no value.
        byte[] noBreak = " > s3cretvalue".getBytes(StandardCharsets.US_ASCII);
        assertEquals(-1, block.match(noBreak, 0, noBreak.length, secret));
        assertEquals(2, secret[2], "how far it read counts the part given back (the scan budget's measure)");
        byte[] emptyValue = ":\n  nextkey: x".getBytes(StandardCharsets.US_ASCII);
        assertEquals(-1, SecretPattern.parse(":[ ]{0,4}(?:[>|]\\n[ ]{1,16})?(\\w{8,})", false).match(emptyValue, 0, emptyValue.length, secret),
                "a line break alone (no '>' or '|') never reaches the next line");
        SecretPattern backwards = SecretPattern.parse("(?:ab)?\\d{2}", false);
        byte[] digits = "xab12".getBytes(StandardCharsets.US_ASCII);
        assertEquals(1, backwards.matchBackward(digits, 5, 0), "backwards: the sequence taken whole");
        assertEquals(3, backwards.matchBackward("xxb12".getBytes(StandardCharsets.US_ASCII), 5, 0), "or not at all");
        assertEquals(4, backwards.maxLength());
    }
}
