package secrets;

import java.util.Arrays;
import java.util.List;

/**
 * Scans one file's bytes for credentials as they stream past (fed in any chunks, each byte once):
 * the keyword automaton marks where a rule may start ({@link KeywordSearch}), and only there does the
 * rule's pattern run, over at most its maximum length ({@link FileFindings}). Memory is one chunk plus the
 * longest reach of a rule, whatever the file's size. The first block decides the encoding: a UTF-16
 * byte-order mark gives UTF-16 (scanned as one byte per code unit), a NUL byte gives binary (skipped
 * unless a rule is meant for binary content), anything else is scanned as 8-bit text (UTF-8, Latin-1, ASCII).
 */
public final class SecretScanner {
    /** The block that decides the encoding, as git and grep decide "binary" (a NUL in the first 8 KiB). */
    static final int SNIFF_BYTES = 8 * 1024;
    /** Bytes taken from the caller per automaton pass; the buffer holds this plus a rule's reach. */
    static final int CHUNK_BYTES = 64 * 1024;
    /** Where a UTF-16 code unit outside ASCII goes: a byte no keyword or class of a shipped rule holds. */
    private static final byte NOT_ASCII = (byte) 0x80;

    private enum Mode { SNIFF, TEXT, UTF16_LE, UTF16_BE, SKIP }

    private final SecretRules rules;
    private Mode mode = Mode.SNIFF;
    private byte[] buffer;
    /** Offset in the (projected) stream of buffer[0]. */
    private long base;
    private int length;
    /** Buffer index up to which the automaton has run. */
    private int scanned;
    private int oddByte = -1;
    private final PendingHits pending = new PendingHits();
    private final KeywordSearch keywords;
    private final LineCounter lines = new LineCounter();
    private final FileFindings findings;

    public SecretScanner(SecretRules rules, String path, String entry) {
        this(rules, path, entry, SNIFF_BYTES);
    }

    /** @param sizeHint the bytes expected (more may come): a small file gets a small buffer */
    public SecretScanner(SecretRules rules, String path, String entry, long sizeHint) {
        this.rules = rules;
        // Most files are small: the buffer grows to a chunk plus a rule's reach only when a file needs it.
        this.buffer = new byte[(int) Math.max(1, Math.min(SNIFF_BYTES, sizeHint))];
        this.keywords = new KeywordSearch(rules, pending);
        this.findings = new FileFindings(rules, path, entry, lines);
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
        return findings.list();
    }

    /** All findings, also those past {@link FileFindings#MAX_FINDINGS_PER_FILE}. */
    public int total() {
        return findings.total();
    }

    private void decide() {
        boolean binary = false;
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
            binary = true;
            keywords.restrictToBinaryRules();
            mode = Mode.TEXT;
        } else {
            mode = Mode.TEXT;
        }
        if (mode == Mode.TEXT) {
            // The sniffed bytes stay where they are; a byte-order mark is no character: columns count after it.
            if (!binary && length >= 3 && (buffer[0] & 0xff) == 0xEF && (buffer[1] & 0xff) == 0xBB && (buffer[2] & 0xff) == 0xBF) {
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
        if (!pending.isEmpty()) {
            // Hits queue in the order their keywords end: a later one (a longer keyword around the head's)
            // can start up to a keyword's length before the head.
            keepFrom = Math.min(keepFrom, pending.firstStart() - SecretRules.MAX_KEYWORD_LENGTH);
        }
        int drop = (int) Math.max(0, keepFrom - base);
        lines.countDropped(buffer, base, drop);
        System.arraycopy(buffer, drop, buffer, 0, length - drop);
        base += drop;
        length -= drop;
        scanned -= drop;
    }

    private void run(boolean ended) {
        keywords.search(buffer, base, scanned, length);
        scanned = length;
        resolvePending(ended);
    }

    /** Decides every pending hit that has all the bytes it may read (all of them once the stream ended). */
    private void resolvePending(boolean ended) {
        long available = base + length;
        while (!pending.isEmpty()) {
            int keyword = pending.firstKeyword();
            int ruleIndex = rules.keywordRule[keyword];
            long start = pending.firstStart();
            long from = start + rules.keywordBytes[keyword].length;
            // One byte past the longest match, to see whether the token goes on.
            if (!ended && from + rules.rule(ruleIndex).maxLength() + 1 > available) {
                return;
            }
            pending.removeFirst();
            findings.judge(ruleIndex, start, from, buffer, base, length);
        }
    }
}
