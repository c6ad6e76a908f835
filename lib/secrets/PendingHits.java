package secrets;

/**
 * Keyword hits waiting for enough bytes after them, in the order their keywords end: the stream offset
 * where each keyword starts, and the keyword. A ring over two arrays that doubles when full: a hit costs
 * no object.
 */
final class PendingHits {
    /** Room a scanner starts with: hits rarely wait more than a few at a time. */
    private static final int INITIAL_CAPACITY = 8;

    private long[] starts = new long[INITIAL_CAPACITY];
    private int[] keywords = new int[INITIAL_CAPACITY];
    private int head;
    private int count;

    void add(long start, int keyword) {
        if (count == starts.length) {
            int grown = starts.length * 2;
            long[] grownStarts = new long[grown];
            int[] grownKeywords = new int[grown];
            for (int k = 0; k < count; k++) {
                grownStarts[k] = starts[(head + k) % starts.length];
                grownKeywords[k] = keywords[(head + k) % keywords.length];
            }
            starts = grownStarts;
            keywords = grownKeywords;
            head = 0;
        }
        int slot = (head + count) % starts.length;
        starts[slot] = start;
        keywords[slot] = keyword;
        count++;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** The stream offset where the oldest hit's keyword starts. */
    long firstStart() {
        return starts[head];
    }

    /** The oldest hit's keyword (an index into the rules' keywords). */
    int firstKeyword() {
        return keywords[head];
    }

    void removeFirst() {
        head = (head + 1) % starts.length;
        count--;
    }
}
