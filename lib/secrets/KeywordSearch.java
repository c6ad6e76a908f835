package secrets;

import java.util.Arrays;

/**
 * Where rules may start in one stream: runs the keyword automaton over the bytes the scanner's buffer
 * gained since the last pass (its state carried from pass to pass), and queues each keyword hit that can
 * start its rule: matching case where the rule asks, not inside a longer word, and only rules meant for
 * binary content once the content is binary.
 */
final class KeywordSearch {
    /** Below this many new bytes one run of the automaton does; above, two interleaved runs (see twoStreams). */
    static final int SPLIT_BYTES = 4096;
    /** How far past its split point the first run reads: to the end of any keyword starting before it. */
    private static final int KEYWORD_REACH = SecretRules.MAX_KEYWORD_LENGTH - 1;
    /**
     * Where keywords ended in a pass, noted by the automaton's loop (see {@link #twoStreams}): one array per
     * thread, grown to the longest pass it saw (at most a chunk and a keyword), used only within a pass. Per
     * scanner it cost an allocation the size of each file, zeroed: a third of a small file's scan.
     */
    private static final ThreadLocal<long[]> EVENTS =
            ThreadLocal.withInitial(() -> new long[SecretScanner.SNIFF_BYTES + KEYWORD_REACH]);

    private final SecretRules rules;
    private final KeywordAutomaton automaton;
    private final PendingHits pending;
    private int state;
    /** Only rules meant for binary content apply (the first block held a NUL). */
    private boolean binaryOnly;

    /** @param pending where the hits go */
    KeywordSearch(SecretRules rules, PendingHits pending) {
        this.rules = rules;
        this.automaton = rules.automaton;
        this.pending = pending;
    }

    /** From now on only rules meant for binary content apply. */
    void restrictToBinaryRules() {
        binaryOnly = true;
    }

    /**
     * Runs the automaton over buffer[from, length) and queues the hits.
     *
     * @param base the stream offset of buffer[0]; the bytes before {@code from} are those of earlier passes
     */
    void search(byte[] buffer, long base, int from, int length) {
        // Room to note a keyword end at every position this pass reads (see twoStreams).
        int room = length - from + KEYWORD_REACH;
        long[] events = EVENTS.get();
        if (events.length < room) {
            events = new long[Math.max(room, SecretScanner.CHUNK_BYTES + KEYWORD_REACH)];
            EVENTS.set(events);
        }
        if (length - from >= SPLIT_BYTES) {
            twoStreams(buffer, base, from, from + (length - from - KEYWORD_REACH) / 2, length, events);
        } else {
            oneStream(buffer, base, from, length, events);
        }
    }

    /** A keyword end noted in the automaton's loop: buffer index and marked state in one long. */
    private static long note(int at, int marked) {
        return ((long) at << 32) | (marked & 0xFFFF_FFFFL);
    }

    private void oneStream(byte[] bytes, long base, int from, int length, long[] noted) {
        final int[] delta = automaton.delta;
        final byte[] classOf = automaton.classOf;
        int s = state;
        int count = 0;
        for (int i = from; i < length; i++) {
            s = delta[s | classOf[bytes[i] & 0xff]];
            if (s < 0) {
                noted[count++] = note(i, s);
                s = ~s;
            }
        }
        state = s;
        for (int k = 0; k < count; k++) {
            hits(bytes, base, (int) (noted[k] >>> 32), (int) noted[k], Integer.MAX_VALUE);
        }
    }

    /**
     * One automaton step is a load that depends on the last: two independent runs, interleaved, keep the
     * core busy twice over. The first goes on from the carried state over [from, mid + reach) and acts on
     * keywords starting before {@code mid}; the second starts at the root at {@code mid} (so it finds every
     * keyword starting there or later). The loop only notes where keywords end, the first run's from the
     * bottom of {@code noted} and the second's from the top (together they read at most its length of
     * positions); they are acted on after it, in order. A call in the loop, however rare, would cost the
     * loop its registers: it runs at half the speed.
     */
    private void twoStreams(byte[] bytes, long base, int from, int mid, int length, long[] noted) {
        final int[] delta = automaton.delta;
        final byte[] classOf = automaton.classOf;
        final int distance = mid - from;
        final int together = from + Math.min(mid + KEYWORD_REACH - from, length - mid);
        int a = state;
        int b = 0;
        int up = 0;
        int down = noted.length;
        int i = from;
        for (; i < together; i++) {
            a = delta[a | classOf[bytes[i] & 0xff]];
            b = delta[b | classOf[bytes[i + distance] & 0xff]];
            if ((a | b) < 0) {
                if (a < 0) {
                    noted[up++] = note(i, a);
                    a = ~a;
                }
                if (b < 0) {
                    noted[--down] = note(i + distance, b);
                    b = ~b;
                }
            }
        }
        for (; i < mid + KEYWORD_REACH; i++) {
            a = delta[a | classOf[bytes[i] & 0xff]];
            if (a < 0) {
                noted[up++] = note(i, a);
                a = ~a;
            }
        }
        for (int j = together + distance; j < length; j++) {
            b = delta[b | classOf[bytes[j] & 0xff]];
            if (b < 0) {
                noted[--down] = note(j, b);
                b = ~b;
            }
        }
        state = b;
        for (int k = 0; k < up; k++) {
            hits(bytes, base, (int) (noted[k] >>> 32), (int) noted[k], mid);
        }
        for (int k = noted.length - 1; k >= down; k--) {
            hits(bytes, base, (int) (noted[k] >>> 32), (int) noted[k], Integer.MAX_VALUE);
        }
    }

    /**
     * The end of one or more keywords at buffer index {@code i}; only keywords starting before
     * {@code limit} count.
     */
    private void hits(byte[] buffer, long base, int i, int marked, int limit) {
        int target = ~marked;
        for (int keyword : automaton.hitsAt[target >>> automaton.shift]) {
            byte[] word = rules.keywordBytes[keyword];
            int start = i + 1 - word.length;
            if (start >= limit) {
                continue;
            }
            SecretRules.Rule rule = rules.rule(rules.keywordRule[keyword]);
            if (binaryOnly && !rule.binary()) {
                continue;
            }
            if (!rule.ignoreCase() && !Arrays.equals(buffer, start, i + 1, word, 0, word.length)) {
                continue;
            }
            // A keyword inside a longer word or token (AKIA in base64 image data) starts nothing; a rule whose
            // token starts ahead of its keyword is checked where it starts (FileFindings); one found anywhere is not.
            if (rule.before() == null && !rule.anywhere() && isAlphanumeric(word[0]) && base + start > 0 && isAlphanumeric(buffer[start - 1])) {
                continue;
            }
            pending.add(base + start, keyword);
        }
    }

    static boolean isAlphanumeric(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
    }
}
