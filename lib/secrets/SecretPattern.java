package secrets;

import java.util.ArrayList;
import java.util.List;

/**
 * What follows a secret rule's keyword: a sequence of atoms (a literal character, a class {@code [...]},
 * {@code .}, {@code \s}, {@code \d}, {@code \w}), each optionally quantified ({@code ? * + {n} {m,} {m,n}}),
 * with one optional group {@code ( )} marking the secret itself and one optional sequence {@code (?: )?}
 * outside it, matched whole or not at all (a YAML block scalar's {@code >-} and line break before a
 * value). Atoms match possessively: each takes as many bytes as it can and never gives any back; an
 * optional sequence that fails gives back what it read, once. So a match costs at most two passes over
 * the rule's maximum length, whatever the pattern (no alternation, no nesting, no backtracking to blow up).
 * Bytes are matched as ASCII; a byte at or above 0x80 only ever matches a negated class or {@code .}.
 */
final class SecretPattern {
    /** A quantifier without an upper bound: the rule's maximum length bounds it. */
    private static final int UNBOUNDED = Integer.MAX_VALUE;
    /** The characters a quantifier starts with: one may not follow another. */
    private static final String QUANTIFIER_STARTS = "?*+{";
    /** An optional sequence's opening and closing: the only group besides the secret's. */
    private static final String OPTIONAL_OPEN = "(?:";
    private static final String OPTIONAL_CLOSE = ")?";

    private final long[][] classes;
    private final int[] min;
    private final int[] max;
    /** Atoms [groupStart, groupEnd) are the secret; the whole match when the pattern has no group. */
    private final int groupStart;
    private final int groupEnd;
    /** Atoms [optionalStart, optionalEnd) match together or not at all; empty when the pattern has none. */
    private final int optionalStart;
    private final int optionalEnd;

    private SecretPattern(long[][] classes, int[] min, int[] max, int[] group, int[] optional) {
        this.classes = classes;
        this.min = min;
        this.max = max;
        this.groupStart = group[0];
        this.groupEnd = group[1];
        this.optionalStart = optional[0];
        this.optionalEnd = optional[1];
    }

    /**
     * Matches at {@code from}, reading no further than {@code limit}.
     *
     * @param secret receives the secret's [start, end) and, in {@code secret[2]}, how far the match read
     *        (whether it matched or not): the scanner's measure of the work it cost
     * @return the end of the match, or -1
     */
    int match(byte[] bytes, int from, int limit, int[] secret) {
        int at = from;
        int optionalFrom = from;
        secret[0] = from;
        secret[1] = -1;
        secret[2] = from;
        for (int atom = 0; atom < min.length; atom++) {
            if (atom == groupStart) {
                secret[0] = at;
            }
            if (atom == groupEnd) {
                secret[1] = at;
            }
            if (atom == optionalStart) {
                optionalFrom = at;
            }
            long[] set = classes[atom];
            int stop = (int) Math.min(limit, (long) at + max[atom]);
            int start = at;
            while (at < stop && contains(set, bytes[at])) {
                at++;
            }
            secret[2] = Math.max(secret[2], at);
            if (at - start < min[atom]) {
                if (atom < optionalStart || atom >= optionalEnd) {
                    return -1;
                }
                at = optionalFrom;
                atom = optionalEnd - 1;
            }
        }
        if (secret[1] < 0) {
            secret[1] = at;
        }
        return at;
    }

    /**
     * Matches backwards, ending just before {@code end} and reading no further back than {@code floor}:
     * the atoms from the last to the first, each possessive (a rule's {@code before}, what a token holds
     * ahead of its keyword).
     *
     * @return where the match starts, or -1
     */
    int matchBackward(byte[] bytes, int end, int floor) {
        int at = end;
        int optionalFrom = end;
        for (int atom = min.length - 1; atom >= 0; atom--) {
            if (atom == optionalEnd - 1) {
                optionalFrom = at;
            }
            long[] set = classes[atom];
            int stop = (int) Math.max(floor, (long) at - max[atom]);
            int start = at;
            while (at > stop && contains(set, bytes[at - 1])) {
                at--;
            }
            if (start - at < min[atom]) {
                if (atom < optionalStart || atom >= optionalEnd) {
                    return -1;
                }
                at = optionalFrom;
                atom = optionalStart;
            }
        }
        return at;
    }

    /** The most bytes a match can take, or {@link Integer#MAX_VALUE} when a quantifier is unbounded. */
    long maxLength() {
        long sum = 0;
        for (int m : max) {
            sum += m;
        }
        return Math.min(sum, Integer.MAX_VALUE);
    }

    /** Whether the byte could extend the last atom: a token only ends where its characters stop. */
    boolean continuesLastAtom(byte b) {
        return classes.length > 0 && max[max.length - 1] > 1 && contains(classes[classes.length - 1], b);
    }

    static boolean contains(long[] set, byte b) {
        int c = b & 0xff;
        return (set[c >>> 6] & (1L << c)) != 0;
    }

    /**
     * Parses a pattern; {@code ignoreCase} folds ASCII letters in literals and classes.
     *
     * @throws IllegalArgumentException naming what is wrong, for the rule file's error message
     */
    static SecretPattern parse(String text, boolean ignoreCase) {
        List<long[]> classes = new ArrayList<>();
        List<int[]> bounds = new ArrayList<>();
        int groupStart = -1;
        int groupEnd = -1;
        int[] optional = {-1, -1};
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (text.startsWith(OPTIONAL_OPEN, i) || (optional[0] >= 0 && optional[1] < 0 && text.startsWith(OPTIONAL_CLOSE, i))) {
                i = optionalMark(text, i, classes.size(), optional, groupStart >= 0 && groupEnd < 0);
                continue;
            }
            if (c == '(') {
                if (groupStart >= 0) {
                    throw new IllegalArgumentException("has more than one group: only one ( ) marks the secret");
                }
                if (optional[0] >= 0 && optional[1] < 0) {
                    throw new IllegalArgumentException("has the secret's group inside an optional sequence");
                }
                groupStart = classes.size();
                i++;
                continue;
            }
            if (c == ')') {
                if (groupStart < 0 || groupEnd >= 0) {
                    throw new IllegalArgumentException("has a ')' without its '('");
                }
                groupEnd = classes.size();
                i++;
                continue;
            }
            long[] set = new long[4];
            i = parseAtom(text, i, set, ignoreCase);
            int[] bound = {1, 1};
            i = parseQuantifier(text, i, bound);
            classes.add(set);
            bounds.add(bound);
        }
        if ((groupStart >= 0 && groupEnd < 0) || (optional[0] >= 0 && optional[1] < 0)) {
            throw new IllegalArgumentException("has a '(' without its ')'");
        }
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        int[] min = bounds.stream().mapToInt(b -> b[0]).toArray();
        int[] max = bounds.stream().mapToInt(b -> b[1]).toArray();
        int[] group = groupStart < 0 ? new int[] {0, classes.size()} : new int[] {groupStart, groupEnd};
        return new SecretPattern(classes.toArray(long[][]::new), min, max, group,
                optional[0] < 0 ? new int[] {classes.size(), classes.size()} : optional);
    }

    /**
     * The optional sequence's opening or closing at {@code i}, {@code atoms} atoms into the pattern, into
     * {@code optional}: only one, not inside the secret's group, not empty.
     *
     * @return the index after it
     */
    private static int optionalMark(String text, int i, int atoms, int[] optional, boolean inGroup) {
        if (inGroup) {
            throw new IllegalArgumentException("has an optional sequence inside the secret's group");
        }
        if (optional[0] < 0) {
            optional[0] = atoms;
            return i + OPTIONAL_OPEN.length();
        }
        if (optional[1] >= 0 || atoms == optional[0]) {
            throw new IllegalArgumentException(optional[1] >= 0 ? "has more than one optional sequence (?: )?" : "has an empty optional sequence");
        }
        optional[1] = atoms;
        return i + OPTIONAL_CLOSE.length();
    }

    /**
     * One atom at {@code i} into {@code set}: a class, an escape, {@code .} or a literal; {@code ignoreCase}
     * folds its letters.
     *
     * @return the index after it
     */
    private static int parseAtom(String text, int i, long[] set, boolean ignoreCase) {
        char c = text.charAt(i);
        if (c == '[') {
            return parseClass(text, i + 1, set, ignoreCase);
        }
        if (c == '\\') {
            if (i + 1 >= text.length()) {
                throw new IllegalArgumentException("ends with a lone backslash");
            }
            escape(text.charAt(i + 1), set);
            i += 2;
        } else if (c == '.') {
            fill(set, 0, 255);
            clear(set, '\n');
            i++;
        } else if ("|?*+{}]^$".indexOf(c) >= 0) {
            throw new IllegalArgumentException("has '" + c + "' where a character was expected"
                    + (c == '|' ? " (no alternation: give each alternative its own keyword or rule)" : ""));
        } else {
            literal(c, set);
            i++;
        }
        if (ignoreCase) {
            fold(set);
        }
        return i;
    }

    /** A class's members, folded (when asked) before a leading '^' negates them: [^a] folded excludes A too. */
    private static int parseClass(String text, int i, long[] set, boolean ignoreCase) {
        boolean negated = i < text.length() && text.charAt(i) == '^';
        if (negated) {
            i++;
        }
        boolean first = true;
        while (i < text.length() && (text.charAt(i) != ']' || first)) {
            first = false;
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 >= text.length()) {
                    throw new IllegalArgumentException("ends inside a class");
                }
                escape(text.charAt(i + 1), set);
                i += 2;
                continue;
            }
            if (i + 2 < text.length() && text.charAt(i + 1) == '-' && text.charAt(i + 2) != ']') {
                char to = text.charAt(i + 2);
                requireAscii(c);
                requireAscii(to);
                if (to < c) {
                    throw new IllegalArgumentException("has a reversed range " + c + "-" + to);
                }
                fill(set, c, to);
                i += 3;
                continue;
            }
            literal(c, set);
            i++;
        }
        if (i >= text.length()) {
            throw new IllegalArgumentException("has a '[' without its ']'");
        }
        if (ignoreCase) {
            fold(set);
        }
        if (negated) {
            for (int w = 0; w < set.length; w++) {
                set[w] = ~set[w];
            }
        }
        return i + 1;
    }

    private static int parseQuantifier(String text, int i, int[] bound) {
        if (i >= text.length()) {
            return i;
        }
        char q = text.charAt(i);
        switch (q) {
            case '?' -> { bound[0] = 0; bound[1] = 1; return i + 1; }
            case '*' -> { bound[0] = 0; bound[1] = UNBOUNDED; return i + 1; }
            case '+' -> { bound[0] = 1; bound[1] = UNBOUNDED; return i + 1; }
            case '{' -> {
                int close = text.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("has a '{' without its '}'");
                }
                String inside = text.substring(i + 1, close);
                try {
                    int comma = inside.indexOf(',');
                    bound[0] = Integer.parseInt(comma < 0 ? inside : inside.substring(0, comma));
                    bound[1] = comma < 0 ? bound[0]
                            : comma == inside.length() - 1 ? UNBOUNDED : Integer.parseInt(inside.substring(comma + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("has a bad repetition {" + inside + "}");
                }
                if (bound[0] < 0 || bound[1] < bound[0] || bound[1] == 0) {
                    throw new IllegalArgumentException("has a bad repetition {" + inside + "}");
                }
                int after = close + 1;
                if (after < text.length() && QUANTIFIER_STARTS.indexOf(text.charAt(after)) >= 0) {
                    throw new IllegalArgumentException("has a quantifier after a quantifier");
                }
                return after;
            }
            default -> { return i; }
        }
    }

    private static void escape(char c, long[] set) {
        switch (c) {
            case 's' -> { literal(' ', set); literal('\t', set); literal('\n', set); literal('\r', set); literal('\f', set); }
            case 'd' -> fill(set, '0', '9');
            case 'w' -> { fill(set, 'a', 'z'); fill(set, 'A', 'Z'); fill(set, '0', '9'); literal('_', set); }
            case 'n' -> literal('\n', set);
            case 'r' -> literal('\r', set);
            case 't' -> literal('\t', set);
            default -> {
                if (Character.isLetterOrDigit(c)) {
                    throw new IllegalArgumentException("has an unknown escape \\" + c);
                }
                literal(c, set);
            }
        }
    }

    private static void literal(char c, long[] set) {
        requireAscii(c);
        set[c >>> 6] |= 1L << c;
    }

    private static void requireAscii(char c) {
        if (c >= 0x80) {
            throw new IllegalArgumentException("has a non-ASCII character (token formats are ASCII)");
        }
    }

    private static void fill(long[] set, int from, int to) {
        for (int c = from; c <= to; c++) {
            set[c >>> 6] |= 1L << c;
        }
    }

    private static void clear(long[] set, int c) {
        set[c >>> 6] &= ~(1L << c);
    }

    private static void fold(long[] set) {
        for (int c = 'a'; c <= 'z'; c++) {
            int upper = c - 'a' + 'A';
            boolean either = contains(set, (byte) c) || contains(set, (byte) upper);
            if (either) {
                set[c >>> 6] |= 1L << c;
                set[upper >>> 6] |= 1L << upper;
            }
        }
    }
}
