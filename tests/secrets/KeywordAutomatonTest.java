package secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeywordAutomatonTest {
    static final String[] KEYWORDS = {"he", "she", "his", "hers", "SK", "sk-ant-", "ant", "s"};

    static KeywordAutomaton automaton() {
        return new KeywordAutomaton(Arrays.stream(KEYWORDS).map(k -> k.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new));
    }

    @Test
    void walkingTheTableReportsEveryKeywordEndingAtEachByteInAnyCase() {
        KeywordAutomaton automaton = automaton();
        String alphabet = "hHeErRsSiIkKaAnNtT- xz";
        Random random = new Random(3);
        byte[] text = new byte[20_000];
        for (int i = 0; i < text.length; i++) {
            text[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
        }
        String folded = new String(text, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
        int state = 0;
        int hits = 0;
        for (int i = 0; i < text.length; i++) {
            state = automaton.delta[state | automaton.classOf[text[i] & 0xff]];
            List<Integer> found = new ArrayList<>();
            if (state < 0) {
                state = ~state;
                Arrays.stream(automaton.hitsAt[state >>> automaton.shift]).sorted().forEach(found::add);
            }
            List<Integer> expected = new ArrayList<>();
            for (int k = 0; k < KEYWORDS.length; k++) {
                String word = KEYWORDS[k].toLowerCase(Locale.ROOT);
                if (i + 1 >= word.length() && folded.startsWith(word, i + 1 - word.length())) {
                    expected.add(k);
                }
            }
            assertEquals(expected, found, "at " + i);
            hits += found.size();
        }
        assertNotEquals(0, hits);
    }

    @Test
    void bytesInNoKeywordShareOneClassAndLettersFoldToLowerCase() {
        KeywordAutomaton automaton = automaton();
        assertEquals(0, automaton.classOf['z']);
        assertEquals(0, automaton.classOf['Z']);
        assertEquals(0, automaton.classOf[0xE9]);
        assertEquals(automaton.classOf['h'], automaton.classOf['H']);
        assertNotEquals(0, automaton.classOf['-']);
        assertNotEquals(automaton.classOf['h'], automaton.classOf['e']);
    }
}
