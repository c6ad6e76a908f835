package secrets;

import java.util.Arrays;
import java.util.List;

/**
 * Scans one file's bytes for credentials as they stream past (fed in any chunks, each byte once):
 * the keyword automaton marks where a rule may start ({@link KeywordSearch}), and only there does the
 * rule's pattern run, over at most its maximum length ({@link FileFindings}). Memory is one chunk plus the
 * longest reach of a rule, whatever the file's size. The first block decides the encoding: a UTF-16 or
 * UTF-32 byte-order mark, or NULs where a wide encoding puts the high bytes of ASCII, give UTF-16 or UTF-32
 * (scanned as one byte per code unit); other NULs give binary (skipped unless a rule is meant for binary
 * content); anything else is scanned as 8-bit text (UTF-8, Latin-1, ASCII).
 */
public final class SecretScanner {
    /** The block that decides the encoding, as git and grep decide "binary" (a NUL in the first 8 KiB). */
    static final int SNIFF_BYTES = 8 * 1024;
    /** Bytes taken from the caller per automaton pass; the buffer holds this plus a rule's reach. */
    static final int CHUNK_BYTES = 64 * 1024;
    /** Where a UTF-16 code unit outside ASCII goes: a byte no keyword or class of a shipped rule holds. */
    private static final byte NOT_ASCII = (byte) 0x80;

    /** How the stream is read: text byte by byte, or wide code units (2 or 4 bytes) projected to one byte each. */
    private enum Mode {
        SNIFF(1, false), TEXT(1, false), UTF16_LE(2, false), UTF16_BE(2, true), UTF32_LE(4, false), UTF32_BE(4, true), SKIP(1, false);

        final int unit;
        final boolean bigEndian;

        Mode(int unit, boolean bigEndian) {
            this.unit = unit;
            this.bigEndian = bigEndian;
        }
    }

    /**
     * Share of a sniffed block's code units that must have NUL in the high bytes (and none in the low one)
     * for UTF-16 or UTF-32 without a byte-order mark: ASCII text in a wide encoding, not binary data.
     */
    static final double WIDE_TEXT_SHARE = 0.9;

    private final SecretRules rules;
    private Mode mode = Mode.SNIFF;
    private byte[] buffer;
    /** Offset in the (projected) stream of buffer[0]. */
    private long base;
    private int length;
    /** Buffer index up to which the automaton has run. */
    private int scanned;
    /** The bytes of a wide code unit that a chunk split, waiting for the rest. */
    private final byte[] partialUnit = new byte[4];
    private int partialBytes;
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

    /** Whether the content was judged binary and so not scanned (known once the stream ended). */
    public boolean binary() {
        return mode == Mode.SKIP;
    }

    /** All findings, also those past {@link FileFindings#MAX_FINDINGS_PER_FILE}. */
    public int total() {
        return findings.total();
    }

    private void decide() {
        boolean binary = false;
        int bom = 0;
        if (length >= 4 && (buffer[0] & 0xff) == 0xFF && (buffer[1] & 0xff) == 0xFE && buffer[2] == 0 && buffer[3] == 0) {
            mode = Mode.UTF32_LE;
            bom = 4;
        } else if (length >= 4 && buffer[0] == 0 && buffer[1] == 0 && (buffer[2] & 0xff) == 0xFE && (buffer[3] & 0xff) == 0xFF) {
            mode = Mode.UTF32_BE;
            bom = 4;
        } else if (length >= 2 && (buffer[0] & 0xff) == 0xFF && (buffer[1] & 0xff) == 0xFE) {
            mode = Mode.UTF16_LE;
            bom = 2;
        } else if (length >= 2 && (buffer[0] & 0xff) == 0xFE && (buffer[1] & 0xff) == 0xFF) {
            mode = Mode.UTF16_BE;
            bom = 2;
        } else if (indexOfNul(buffer, length) >= 0 && (mode = wideByNuls(buffer, length)) != Mode.SNIFF) {
            // Wide text without a byte-order mark: the NULs stand where the high bytes of ASCII code units do.
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
            append(sniffed, bom, sniffed.length - bom);
        }
        run(false);
    }

    /**
     * UTF-16 or UTF-32 (either byte order) when the block's NULs fall where the high bytes of ASCII code units
     * would (high bytes NUL, low byte not) in {@link #WIDE_TEXT_SHARE} of the units; else {@link Mode#SNIFF}.
     */
    private static Mode wideByNuls(byte[] bytes, int length) {
        for (Mode wide : new Mode[] {Mode.UTF32_LE, Mode.UTF32_BE, Mode.UTF16_LE, Mode.UTF16_BE}) {
            int units = length / wide.unit;
            int text = 0;
            for (int u = 0; u < units; u++) {
                int at = u * wide.unit;
                int low = wide.bigEndian ? at + wide.unit - 1 : at;
                boolean highNul = true;
                for (int k = 0; k < wide.unit; k++) {
                    highNul &= at + k == low || bytes[at + k] == 0;
                }
                text += highNul && bytes[low] != 0 ? 1 : 0;
            }
            if (units > 0 && text >= WIDE_TEXT_SHARE * units) {
                return wide;
            }
        }
        return Mode.SNIFF;
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
        if (mode.unit > 1) {
            room = count / mode.unit + 1;
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
        for (int i = offset; i < offset + count; i++) {
            partialUnit[partialBytes++] = bytes[i];
            if (partialBytes == mode.unit) {
                buffer[length++] = project();
                partialBytes = 0;
            }
        }
    }

    /** The code unit gathered in {@link #partialUnit} as one byte: itself if ASCII, else a byte no rule matches. */
    private byte project() {
        long unit = 0;
        for (int k = 0; k < mode.unit; k++) {
            int b = partialUnit[mode.bigEndian ? k : mode.unit - 1 - k] & 0xff;
            unit = unit << 8 | b;
        }
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
