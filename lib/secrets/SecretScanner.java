package secrets;

import io.Sha256;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Scans one file's bytes for credentials as they stream past (fed in any chunks, each byte once):
 * the keyword automaton marks where a rule may start, and only there does the rule's pattern run, over
 * at most its maximum length. Memory is one chunk plus the longest reach of a rule, whatever the file's
 * size. The first block decides the encoding: a UTF-16 byte-order mark gives UTF-16 (scanned as one
 * byte per code unit), a NUL byte gives binary (skipped unless a rule is meant for binary content),
 * anything else is scanned as 8-bit text (UTF-8, Latin-1, ASCII).
 */
public final class SecretScanner {
    /** The block that decides the encoding, as git and grep decide "binary" (a NUL in the first 8 KiB). */
    static final int SNIFF_BYTES = 8 * 1024;
    /** Bytes taken from the caller per automaton pass; the buffer holds this plus a rule's reach. */
    static final int CHUNK_BYTES = 64 * 1024;
    /**
     * Occurrences listed per file: one is enough to refuse it, a few help to fix it. Each distinct
     * fingerprint is listed at least once whatever the count, so approvals are judged on all of them.
     */
    static final int MAX_FINDINGS_PER_FILE = 20;
    /** Distinct fingerprints one file may hold; past that it is refused whole (a finding no approval clears). */
    static final int MAX_DISTINCT_FINDINGS = 1000;
    /**
     * Bytes the patterns may read per byte of the file (plus {@link #WORK_FLOOR}): a file of overlapping
     * keywords (a PEM header repeated) would make every hit read a rule's whole reach. Past it the file is
     * refused (a finding no approval clears): what was not scanned cannot be called clean.
     */
    static final long WORK_PER_BYTE = 16;
    static final long WORK_FLOOR = 4L << 20;
    /** Where a UTF-16 code unit outside ASCII goes: a byte no keyword or class of a shipped rule holds. */
    private static final byte NOT_ASCII = (byte) 0x80;

    /** The buffer read as little-endian longs, for counting newlines eight bytes at a time. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A_0A0A_0A0A_0A0AL;
    private static final long LOW_SEVEN_BITS = 0x7F7F_7F7F_7F7F_7F7FL;
    /** Below this many new bytes one run of the automaton does; above, two interleaved runs (see twoStreams). */
    static final int SPLIT_BYTES = 4096;
    /** How far past its split point the first run reads: to the end of any keyword starting before it. */
    private static final int KEYWORD_REACH = SecretRules.MAX_KEYWORD_LENGTH - 1;

    private enum Mode { SNIFF, TEXT, UTF16_LE, UTF16_BE, SKIP }

    private final SecretRules rules;
    private final String path;
    private final String entry;
    private Mode mode = Mode.SNIFF;
    /** Only rules meant for binary content apply (the first block held a NUL). */
    private boolean binaryOnly;
    private byte[] buffer;
    /** Offset in the (projected) stream of buffer[0]. */
    private long base;
    private int length;
    /** Buffer index up to which the automaton has run. */
    private int scanned;
    private int state;
    /**
     * Lines are counted only in bytes dropped from the buffer, and located only for a finding: the
     * automaton never stops at a newline. Newlines before buffer[0], and the offset after the last of them.
     */
    private long linesBefore;
    private long lineStartBefore;
    private int oddByte = -1;
    /** Keyword hits waiting for enough bytes after them: stream offset of the keyword, and the keyword. */
    private long[] pendingStart = new long[8];
    private int[] pendingKeyword = new int[8];
    private int pendingHead;
    private int pendingCount;
    /** Per rule, where its last match ended: overlapping matches of one rule are one finding. */
    private final long[] ruleMatchEnd;
    private final List<SecretFinding> findings = new ArrayList<>();
    private final Set<String> fingerprints = new HashSet<>();
    private int total;
    /** Bytes the patterns have read; past the budget the scan stops with a finding of its own. */
    private long work;
    private boolean stopped;
    private final int[] secret = new int[3];
    /**
     * Where keywords ended in a pass, noted by the automaton's loop (see {@link #twoStreams}): one array per
     * thread, grown to the longest pass it saw (at most a chunk and a keyword), used only within run(). Per
     * scanner it cost an allocation the size of each file, zeroed: a third of a small file's scan.
     */
    private static final ThreadLocal<long[]> EVENTS = ThreadLocal.withInitial(() -> new long[SNIFF_BYTES + KEYWORD_REACH]);
    private long[] events;

    public SecretScanner(SecretRules rules, String path, String entry) {
        this(rules, path, entry, SNIFF_BYTES);
    }

    /** @param sizeHint the bytes expected (more may come): a small file gets a small buffer */
    public SecretScanner(SecretRules rules, String path, String entry, long sizeHint) {
        this.rules = rules;
        this.path = path;
        this.entry = entry;
        // Most files are small: the buffer grows to a chunk plus a rule's reach only when a file needs it.
        this.buffer = new byte[(int) Math.max(1, Math.min(SNIFF_BYTES, sizeHint))];
        this.ruleMatchEnd = new long[rules.ruleCount()];
    }

    public void feed(byte[] bytes, int offset, int count) {
        while (count > 0 && mode != Mode.SKIP) {
            int n = Math.min(count, mode == Mode.SNIFF ? SNIFF_BYTES - length : CHUNK_BYTES);
            if (mode == Mode.SNIFF) {
                if (length + n > buffer.length) {
                    buffer = Arrays.copyOf(buffer, SNIFF_BYTES);
                }
                System.arraycopy(bytes, offset, buffer, length, n);
                length += n;
                if (length == SNIFF_BYTES) {
                    decide();
                }
            } else {
                append(bytes, offset, n);
                run(false);
            }
            offset += n;
            count -= n;
        }
    }

    /** Ends the stream: matches waiting for more bytes are decided on what there is. */
    public List<SecretFinding> finish() {
        if (mode == Mode.SNIFF) {
            decide();
        }
        if (mode != Mode.SKIP) {
            run(true);
        }
        return List.copyOf(findings);
    }

    /** All findings, also those past {@link #MAX_FINDINGS_PER_FILE}. */
    public int total() {
        return total;
    }

    private void decide() {
        if (length >= 2 && (buffer[0] & 0xff) == 0xFF && (buffer[1] & 0xff) == 0xFE) {
            mode = Mode.UTF16_LE;
        } else if (length >= 2 && (buffer[0] & 0xff) == 0xFE && (buffer[1] & 0xff) == 0xFF) {
            mode = Mode.UTF16_BE;
        } else if (indexOfNul(buffer, length) >= 0) {
            if (!rules.anyBinaryRule) {
                mode = Mode.SKIP;
                buffer = null;
                return;
            }
            binaryOnly = true;
            mode = Mode.TEXT;
        } else {
            mode = Mode.TEXT;
        }
        if (mode == Mode.TEXT) {
            // The sniffed bytes stay where they are; a byte-order mark is no character: columns count after it.
            if (!binaryOnly && length >= 3 && (buffer[0] & 0xff) == 0xEF && (buffer[1] & 0xff) == 0xBB && (buffer[2] & 0xff) == 0xBF) {
                System.arraycopy(buffer, 3, buffer, 0, length - 3);
                length -= 3;
            }
        } else {
            byte[] sniffed = Arrays.copyOf(buffer, length);
            length = 0;
            append(sniffed, 2, sniffed.length - 2);
        }
        run(false);
    }

    private static int indexOfNul(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private void append(byte[] bytes, int offset, int count) {
        int room = count;
        if (mode == Mode.UTF16_LE || mode == Mode.UTF16_BE) {
            room = (count + 1) / 2 + 1;
        }
        if (length + room > buffer.length) {
            compact();
            if (length + room > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(length + room, CHUNK_BYTES + 2 * rules.longestReach));
            }
        }
        if (mode == Mode.TEXT) {
            System.arraycopy(bytes, offset, buffer, length, count);
            length += count;
            return;
        }
        int i = offset;
        int end = offset + count;
        if (oddByte >= 0 && i < end) {
            buffer[length++] = project(oddByte, bytes[i++] & 0xff);
            oddByte = -1;
        }
        for (; i + 1 < end; i += 2) {
            buffer[length++] = project(bytes[i] & 0xff, bytes[i + 1] & 0xff);
        }
        if (i < end) {
            oddByte = bytes[i] & 0xff;
        }
    }

    private byte project(int first, int second) {
        int unit = mode == Mode.UTF16_LE ? first | second << 8 : first << 8 | second;
        return unit < 0x80 ? (byte) unit : NOT_ASCII;
    }

    /** Drops the bytes no pending match and no future keyword can reach, counting the lines they end. */
    private void compact() {
        long keepFrom = base + scanned - SecretRules.MAX_KEYWORD_LENGTH - 1;
        if (pendingCount > 0) {
            // Hits queue in the order their keywords end: a later one (a longer keyword around the head's)
            // can start up to a keyword's length before the head.
            keepFrom = Math.min(keepFrom, pendingStart[pendingHead] - SecretRules.MAX_KEYWORD_LENGTH);
        }
        int drop = (int) Math.max(0, keepFrom - base);
        countLines(drop);
        System.arraycopy(buffer, drop, buffer, 0, length - drop);
        base += drop;
        length -= drop;
        scanned -= drop;
    }

    /**
     * Counts the newlines in buffer[0, end) into {@link #linesBefore}, eight bytes at a time: a byte of
     * {@code v ^ 0x0A..} is zero where a newline was, and the classic zero-byte test marks it with its top bit.
     */
    private void countLines(int end) {
        int i = 0;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long v = (long) LONGS.get(buffer, i) ^ NEWLINES;
            long zeros = ~(((v & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | v | LOW_SEVEN_BITS);
            if (zeros != 0) {
                linesBefore += Long.bitCount(zeros);
                lineStartBefore = base + i + (63 - Long.numberOfLeadingZeros(zeros)) / 8 + 1;
            }
        }
        for (; i < end; i++) {
            if (buffer[i] == '\n') {
                linesBefore++;
                lineStartBefore = base + i + 1;
            }
        }
    }

    private void run(boolean ended) {
        int from = scanned;
        // Room to note a keyword end at every position this pass reads (see twoStreams).
        int room = length - from + KEYWORD_REACH;
        events = EVENTS.get();
        if (events.length < room) {
            events = new long[Math.max(room, CHUNK_BYTES + KEYWORD_REACH)];
            EVENTS.set(events);
        }
        if (length - from >= SPLIT_BYTES) {
            twoStreams(from, from + (length - from - KEYWORD_REACH) / 2);
        } else {
            oneStream(from);
        }
        scanned = length;
        resolvePending(ended);
    }

    /** A keyword end noted in the automaton's loop: buffer index and marked state in one long. */
    private static long note(int at, int marked) {
        return ((long) at << 32) | (marked & 0xFFFF_FFFFL);
    }

    private void oneStream(int from) {
        final int[] delta = rules.delta;
        final byte[] classOf = rules.classOf;
        final byte[] bytes = buffer;
        final long[] noted = events;
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
            hits((int) (noted[k] >>> 32), (int) noted[k], Integer.MAX_VALUE);
        }
    }

    /**
     * One automaton step is a load that depends on the last: two independent runs, interleaved, keep the
     * core busy twice over. The first goes on from the carried state over [from, mid + reach) and acts on
     * keywords starting before {@code mid}; the second starts at the root at {@code mid} (so it finds every
     * keyword starting there or later). The loop only notes where keywords end, the first run's from the
     * bottom of {@link #events} and the second's from the top (together they read at most its length of
     * positions); they are acted on after it, in order. A call in the loop, however rare, would cost the
     * loop its registers: it runs at half the speed.
     */
    private void twoStreams(int from, int mid) {
        final int[] delta = rules.delta;
        final byte[] classOf = rules.classOf;
        final byte[] bytes = buffer;
        final long[] noted = events;
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
            hits((int) (noted[k] >>> 32), (int) noted[k], mid);
        }
        for (int k = noted.length - 1; k >= down; k--) {
            hits((int) (noted[k] >>> 32), (int) noted[k], Integer.MAX_VALUE);
        }
    }

    /**
     * The end of one or more keywords at buffer index {@code i}; only keywords starting before
     * {@code limit} count.
     */
    private void hits(int i, int marked, int limit) {
        int target = ~marked;
        for (int keyword : rules.hitsAt[target >>> rules.shift]) {
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
            // A keyword inside a longer word or token (AKIA in base64 image data) starts nothing.
            if (isAlphanumeric(word[0]) && base + start > 0 && isAlphanumeric(buffer[start - 1])) {
                continue;
            }
            addPending(base + start, keyword);
        }
    }

    private static boolean isAlphanumeric(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
    }

    private void addPending(long start, int keyword) {
        if (pendingCount == pendingStart.length) {
            int grown = pendingStart.length * 2;
            long[] starts = new long[grown];
            int[] keywords = new int[grown];
            for (int k = 0; k < pendingCount; k++) {
                starts[k] = pendingStart[(pendingHead + k) % pendingStart.length];
                keywords[k] = pendingKeyword[(pendingHead + k) % pendingKeyword.length];
            }
            pendingStart = starts;
            pendingKeyword = keywords;
            pendingHead = 0;
        }
        int slot = (pendingHead + pendingCount) % pendingStart.length;
        pendingStart[slot] = start;
        pendingKeyword[slot] = keyword;
        pendingCount++;
    }

    /** Decides every pending hit that has all the bytes it may read (all of them once the stream ended). */
    private void resolvePending(boolean ended) {
        long available = base + length;
        while (pendingCount > 0) {
            int slot = pendingHead;
            int keyword = pendingKeyword[slot];
            SecretRules.Rule rule = rules.rule(rules.keywordRule[keyword]);
            long start = pendingStart[slot];
            long from = start + rules.keywordBytes[keyword].length;
            // One byte past the longest match, to see whether the token goes on.
            if (!ended && from + rule.maxLength() + 1 > available) {
                return;
            }
            pendingHead = (pendingHead + 1) % pendingStart.length;
            pendingCount--;
            decideMatch(rules.keywordRule[keyword], rule, start, from);
        }
    }

    private void decideMatch(int ruleIndex, SecretRules.Rule rule, long start, long from) {
        if (stopped || start < ruleMatchEnd[ruleIndex]) {
            return;
        }
        int fromIndex = (int) (from - base);
        int limit = (int) (Math.min(base + length, from + rule.maxLength()) - base);
        int end = rule.pattern().match(buffer, fromIndex, limit, secret);
        work += secret[2] - fromIndex;
        if (end < 0 || secret[1] <= secret[0] || (end < limit && rule.pattern().continuesLastAtom(buffer[end]))) {
            overBudget(start);
            return;
        }
        int matchStart = (int) (start - base);
        work += secret[1] - secret[0];
        if (rules.isExampleOrPlaceholder(text(secret[0], secret[1]), text(matchStart, end))
                || SecretRules.entropy(buffer, secret[0], secret[1]) < rule.minEntropy()) {
            overBudget(start);
            return;
        }
        ruleMatchEnd[ruleIndex] = base + end;
        total++;
        String fingerprint = fingerprint(rule.id(), path, entry, buffer, matchStart, end);
        boolean seen = fingerprints.contains(fingerprint);
        if (!seen && fingerprints.size() == MAX_DISTINCT_FINDINGS) {
            stop(start, SecretFinding.TOO_MANY_RULE, "more than " + MAX_DISTINCT_FINDINGS + " distinct credentials");
            return;
        }
        fingerprints.add(fingerprint);
        if (findings.size() < MAX_FINDINGS_PER_FILE || !seen) {
            findings.add(new SecretFinding(path, entry, lineOf(matchStart), start - lineStartOf(matchStart) + 1, rule.id(),
                    fingerprint, preview(buffer, matchStart, (int) (from - base)), false));
        }
        overBudget(start);
    }

    /** Stops the scan once the patterns have read more than the file's budget (see {@link #WORK_PER_BYTE}). */
    private void overBudget(long start) {
        if (work > WORK_FLOOR + WORK_PER_BYTE * (base + length)) {
            stop(start, SecretFinding.TOO_COSTLY_RULE, "pattern work past " + WORK_PER_BYTE + " bytes per byte");
        }
    }

    /** Ends the scan of this file with a finding no approval clears, at the hit where it stopped. */
    private void stop(long start, String rule, String why) {
        stopped = true;
        total++;
        byte[] reason = why.getBytes(StandardCharsets.UTF_8);
        int matchStart = (int) (start - base);
        findings.add(new SecretFinding(path, entry, lineOf(matchStart), start - lineStartOf(matchStart) + 1, rule,
                fingerprint(rule, path, entry, reason, 0, reason.length), "", false));
    }

    /** The 1-based line of buffer index {@code at}: those before the buffer, then the buffer's (only for a finding). */
    private long lineOf(int at) {
        long line = linesBefore + 1;
        for (int i = 0; i < at; i++) {
            if (buffer[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Where the line of buffer index {@code at} starts, as a stream offset. */
    private long lineStartOf(int at) {
        for (int i = at - 1; i >= 0; i--) {
            if (buffer[i] == '\n') {
                return base + i + 1;
            }
        }
        return lineStartBefore;
    }

    private String text(int from, int to) {
        return new String(buffer, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** sha256 of rule id, path (and member) and the matched bytes, NUL-separated so no two inputs collide. */
    static String fingerprint(String rule, String path, String entry, byte[] bytes, int from, int to) {
        MessageDigest sha = Sha256.newDigest();
        sha.update(rule.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update((entry == null ? path : path + "!" + entry).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(bytes, from, to - from);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** At most the first {@link SecretFinding#PREVIEW_CHARS} characters of the keyword: never a character of the secret. */
    private static String preview(byte[] bytes, int from, int keywordEnd) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < Math.min(keywordEnd, from + SecretFinding.PREVIEW_CHARS); i++) {
            int b = bytes[i] & 0xff;
            text.append(b >= 0x20 && b < 0x7f ? (char) b : '?');
        }
        return text.append('…').toString();
    }
}
