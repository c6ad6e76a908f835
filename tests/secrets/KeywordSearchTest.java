package secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static secrets.SecretScannerTest.SHIPPED;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeywordSearchTest {
    /** A queued hit: where its keyword starts, and the keyword. */
    record Hit(long start, int keyword) {}

    static List<Hit> drain(PendingHits pending) {
        List<Hit> hits = new ArrayList<>();
        while (!pending.isEmpty()) {
            hits.add(new Hit(pending.firstStart(), pending.firstKeyword()));
            pending.removeFirst();
        }
        return hits;
    }

    /** The hits of {@code bytes} searched in passes of {@code pass} bytes (as a buffer that only grows), in start order. */
    static List<Hit> search(byte[] bytes, int pass) {
        PendingHits pending = new PendingHits();
        KeywordSearch search = new KeywordSearch(SHIPPED, pending);
        for (int from = 0; from < bytes.length; from += pass) {
            search.search(bytes, 0, from, Math.min(bytes.length, from + pass));
        }
        List<Hit> hits = drain(pending);
        hits.sort((a, b) -> a.start() != b.start() ? Long.compare(a.start(), b.start()) : Integer.compare(a.keyword(), b.keyword()));
        return hits;
    }

    /** Every place a keyword stands that can start its rule, found the slow way. */
    static List<Hit> naive(byte[] bytes) {
        List<Hit> hits = new ArrayList<>();
        for (int start = 0; start < bytes.length; start++) {
            for (int k = 0; k < SHIPPED.keywordBytes.length; k++) {
                byte[] word = SHIPPED.keywordBytes[k];
                boolean ignoreCase = SHIPPED.rule(SHIPPED.keywordRule[k]).ignoreCase();
                if (start + word.length <= bytes.length && sameBytes(bytes, start, word, ignoreCase)
                        && !(Character.isLetterOrDigit(word[0]) && start > 0 && Character.isLetterOrDigit(bytes[start - 1]))) {
                    hits.add(new Hit(start, k));
                }
            }
        }
        return hits;
    }

    static boolean sameBytes(byte[] bytes, int at, byte[] word, boolean ignoreCase) {
        for (int i = 0; i < word.length; i++) {
            char a = (char) (bytes[at + i] & 0xff);
            char b = (char) word[i];
            if (ignoreCase ? Character.toLowerCase(a) != Character.toLowerCase(b) : a != b) {
                return false;
            }
        }
        return true;
    }

    @Test
    void twoInterleavedRunsQueueEveryHitOneRunWouldAndNoOther() {
        Random random = new Random(17);
        String[] words = {"render", "key", "AKIA", "akia", "xoxb-", "ghp_", "sk-ant-", "Password=", "pwd=", "-----BEGIN", "x", "42",
                "AWS_SECRET_ACCESS_KEY", "glpat-", "SK", "sig=", "\n", " ", "\t", "é"};
        StringBuilder text = new StringBuilder();
        while (text.length() < 200_000) {
            text.append(words[random.nextInt(words.length)]).append(random.nextInt(3) == 0 ? " " : "");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        List<Hit> expected = naive(bytes);
        assertTrue(expected.size() > 10_000, "the text is dense with keywords: " + expected.size());
        assertSameHits(expected, search(bytes, KeywordSearch.SPLIT_BYTES - 1), "one run per pass");
        for (int pass : new int[] {KeywordSearch.SPLIT_BYTES, KeywordSearch.SPLIT_BYTES + 63, 65_536, bytes.length}) {
            assertSameHits(expected, search(bytes, pass), "two runs per pass of " + pass);
        }
    }

    /** Names the first hit that differs, not the ten thousand that agree. */
    static void assertSameHits(List<Hit> expected, List<Hit> actual, String what) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), what + ", hit " + i);
        }
        assertEquals(expected.size(), actual.size(), what + ": hits");
    }

    @Test
    void aKeywordInsideAWordOrInTheWrongCaseStartsNothing() {
        assertEquals(List.of(), search("xAKIAABCDEFGH akia0123".getBytes(StandardCharsets.US_ASCII), 100));
        List<Hit> hits = search("(AKIA) PASSWORD=x".getBytes(StandardCharsets.US_ASCII), 100);
        assertEquals(List.of(1L, 7L), hits.stream().map(Hit::start).toList(), "a case-sensitive keyword as written, an ignore-case one in any case");
    }

    @Test
    void binaryContentQueuesOnlyTheHitsOfRulesMeantForIt() {
        PendingHits pending = new PendingHits();
        KeywordSearch search = new KeywordSearch(SHIPPED, pending);
        search.restrictToBinaryRules();
        byte[] bytes = "\0AKIAABCDEFGHIJKLMNOP ghp_x".getBytes(StandardCharsets.US_ASCII);
        search.search(bytes, 0, 0, bytes.length);
        assertTrue(pending.isEmpty(), "no shipped rule is meant for binary content");
    }
}
