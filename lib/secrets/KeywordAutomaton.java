package secrets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The keyword automaton that finds where any secret rule may start: an Aho-Corasick automaton over
 * ASCII-folded bytes, one table lookup per byte, so the pre-filter is linear in the content whatever the
 * keywords. Immutable; one instance serves every thread.
 */
final class KeywordAutomaton {
    /** Class of every byte that is in no keyword (the automaton's alphabet is the keywords' bytes). */
    private static final int OTHER = 0;

    /** Byte to class (ASCII letters folded to lower case). */
    final byte[] classOf = new byte[256];
    /**
     * Transitions, {@code 1 << shift} per state, indexed by (row offset | byte class); a value is the target's
     * row offset, or {@code ~offset} when keywords end in the target.
     */
    final int[] delta;
    final int shift;
    /** Per state with hits: the keyword indexes ending there (including those ending at its suffixes). */
    final int[][] hitsAt;

    /** @param keywords each keyword's bytes; a hit names a keyword by its index here */
    KeywordAutomaton(byte[][] keywords) {
        int stride = Integer.highestOneBit(Math.max(1, classify(keywords) - 1)) << 1;
        shift = Integer.numberOfTrailingZeros(stride);
        // The trie over folded keyword bytes, then breadth-first suffix links and the full transition table.
        List<List<Integer>> hits = new ArrayList<>();
        List<int[]> children = trie(keywords, stride, hits);
        int[] table = link(children, hits, stride, shift);
        int states = children.size();
        hitsAt = new int[states][];
        for (int s = 0; s < states; s++) {
            hitsAt[s] = hits.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        // Targets are stored as row offsets (state << shift): the scanner's per-byte step is one OR and one load.
        for (int i = 0; i < table.length; i++) {
            table[i] = hitsAt[table[i]].length > 0 ? ~(table[i] << shift) : table[i] << shift;
        }
        delta = table;
    }

    /** Gives each folded byte of the keywords a class of its own, upper-case letters their lower case's; returns the class count. */
    private int classify(byte[][] keywords) {
        int classes = 1;
        for (byte[] keyword : keywords) {
            for (byte b : keyword) {
                int folded = fold(b & 0xff);
                if (classOf[folded] == OTHER) {
                    classOf[folded] = (byte) classes++;
                }
            }
        }
        for (int c = 'A'; c <= 'Z'; c++) {
            classOf[c] = classOf[c - 'A' + 'a'];
        }
        return classes;
    }

    private static int fold(int b) {
        return b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b;
    }

    /**
     * The trie of the keywords' classes: per state its children by class (0 for none; state 0 is the root).
     * @param ending receives, per state, the keywords that end there
     */
    private List<int[]> trie(byte[][] keywords, int stride, List<List<Integer>> ending) {
        List<int[]> children = new ArrayList<>();
        children.add(new int[stride]);
        ending.add(new ArrayList<>());
        for (int k = 0; k < keywords.length; k++) {
            int state = 0;
            for (byte b : keywords[k]) {
                int c = classOf[b & 0xff];
                if (children.get(state)[c] == 0) {
                    children.get(state)[c] = children.size();
                    children.add(new int[stride]);
                    ending.add(new ArrayList<>());
                }
                state = children.get(state)[c];
            }
            ending.get(state).add(k);
        }
        return children;
    }

    /**
     * The full transition table by state index, breadth first along the suffix links: a missing child
     * falls back to the suffix's transition.
     * @param hits per state, the keywords ending there; each gains those ending at its suffixes
     */
    private static int[] link(List<int[]> children, List<List<Integer>> hits, int stride, int shift) {
        int[] table = new int[children.size() << shift];
        int[] suffix = new int[children.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < stride; c++) {
            int child = children.get(0)[c];
            table[c] = child;
            if (child != 0) {
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            List<Integer> all = new ArrayList<>(hits.get(state));
            all.addAll(hits.get(suffix[state]));
            hits.set(state, all);
            for (int c = 0; c < stride; c++) {
                int child = children.get(state)[c];
                int fallback = table[(suffix[state] << shift) | c];
                if (child != 0) {
                    suffix[child] = fallback;
                    queue.add(child);
                    table[(state << shift) | c] = child;
                } else {
                    table[(state << shift) | c] = fallback;
                }
            }
        }
        return table;
    }
}
