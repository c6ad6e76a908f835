package secrets;

import io.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The findings of one file's scan: judges each keyword hit once its bytes have come (the rule's pattern
 * must match and end where its token ends; a documented example, a placeholder or too little entropy is
 * no finding), lists what it finds within the per-file caps, and stops the scan when the patterns' work
 * passes the file's budget.
 */
final class FileFindings {
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

    private final SecretRules rules;
    private final String path;
    private final String entry;
    private final LineCounter lines;
    /** Per rule, where its last match ended: overlapping matches of one rule are one finding. */
    private final long[] ruleMatchEnd;
    private final List<SecretFinding> findings = new ArrayList<>();
    private final Set<String> fingerprints = new HashSet<>();
    private int total;
    /** Bytes the patterns have read; past the budget the scan stops with a finding of its own. */
    private long work;
    private boolean stopped;
    private final int[] secret = new int[3];

    /** @param lines the stream's lines, for each finding's line and column */
    FileFindings(SecretRules rules, String path, String entry, LineCounter lines) {
        this.rules = rules;
        this.path = path;
        this.entry = entry;
        this.lines = lines;
        this.ruleMatchEnd = new long[rules.ruleCount()];
    }

    /** The findings listed, in the order found. */
    List<SecretFinding> list() {
        return List.copyOf(findings);
    }

    /** All findings, also those past {@link #MAX_FINDINGS_PER_FILE}. */
    int total() {
        return total;
    }

    /**
     * Judges the hit of a rule's keyword starting at stream offset {@code start}, its pattern matched from
     * stream offset {@code from} (the keyword's end), over buffer[0, length) whose first byte is at {@code base}.
     */
    void judge(int ruleIndex, long start, long from, byte[] buffer, long base, int length) {
        SecretRules.Rule rule = rules.rule(ruleIndex);
        if (stopped || start < ruleMatchEnd[ruleIndex]) {
            return;
        }
        int fromIndex = (int) (from - base);
        int limit = (int) (Math.min(base + length, from + rule.maxLength()) - base);
        int end = rule.pattern().match(buffer, fromIndex, limit, secret);
        work += secret[2] - fromIndex;
        if (end < 0 || secret[1] <= secret[0] || (end < limit && rule.pattern().continuesLastAtom(buffer[end]))) {
            overBudget(start, buffer, base, length);
            return;
        }
        int keywordStart = (int) (start - base);
        int matchStart = tokenStart(rule, buffer, base, keywordStart);
        work += secret[1] - secret[0];
        if (matchStart < 0 || rules.isExampleOrPlaceholder(text(buffer, secret[0], secret[1]), text(buffer, matchStart, end))
                || entropy(buffer, secret[0], secret[1]) < rule.minEntropy()
                || !rule.value().accepts(buffer, secret[0], secret[1], secret[1] < length ? buffer[secret[1]] : -1)
                || (rule.value().generic() && rules.startsWithVendorKeyword(buffer, secret[0], secret[1]))
                || (rule.value() == ValueCheck.PASSWORD && ValueCheck.startsWithUserName(buffer, keywordStart, secret[0], secret[1]))) {
            overBudget(start, buffer, base, length);
            return;
        }
        ruleMatchEnd[ruleIndex] = base + end;
        total++;
        String fingerprint = fingerprint(rule.id(), path, entry, buffer, matchStart, end);
        boolean seen = fingerprints.contains(fingerprint);
        if (!seen && fingerprints.size() == MAX_DISTINCT_FINDINGS) {
            stop(start, buffer, base, SecretFinding.TOO_MANY_RULE, "more than " + MAX_DISTINCT_FINDINGS + " distinct credentials");
            return;
        }
        fingerprints.add(fingerprint);
        if (findings.size() < MAX_FINDINGS_PER_FILE || !seen) {
            findings.add(new SecretFinding(path, entry, lines.lineOf(buffer, matchStart), lines.columnOf(buffer, base, matchStart),
                    rule.id(), fingerprint, preview(buffer, keywordStart, (int) (from - base)), false));
        }
        overBudget(start, buffer, base, length);
    }

    /**
     * Where the token starts: at its keyword, or for a rule with {@code before} where that part starts
     * (not inside a longer word); -1 when the part is not there.
     */
    private static int tokenStart(SecretRules.Rule rule, byte[] buffer, long base, int keywordStart) {
        if (rule.before() == null) {
            return keywordStart;
        }
        int start = rule.before().matchBackward(buffer, keywordStart, 0);
        if (start < 0 || (base + start > 0 && (start == 0 || KeywordSearch.isAlphanumeric(buffer[start - 1])))) {
            return -1;
        }
        return start;
    }

    /** Stops the scan once the patterns have read more than the file's budget (see {@link #WORK_PER_BYTE}). */
    private void overBudget(long start, byte[] buffer, long base, int length) {
        if (work > WORK_FLOOR + WORK_PER_BYTE * (base + length)) {
            stop(start, buffer, base, SecretFinding.TOO_COSTLY_RULE, "pattern work past " + WORK_PER_BYTE + " bytes per byte");
        }
    }

    /** Ends the scan of this file with a finding no approval clears, at the hit where it stopped. */
    private void stop(long start, byte[] buffer, long base, String rule, String why) {
        stopped = true;
        total++;
        byte[] reason = why.getBytes(StandardCharsets.UTF_8);
        int matchStart = (int) (start - base);
        findings.add(new SecretFinding(path, entry, lines.lineOf(buffer, matchStart), lines.columnOf(buffer, base, matchStart),
                rule, fingerprint(rule, path, entry, reason, 0, reason.length), "", false));
    }

    private static String text(byte[] buffer, int from, int to) {
        return new String(buffer, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Shannon entropy in bits per byte: random tokens score high, words and repeated characters low. */
    static double entropy(byte[] bytes, int from, int to) {
        int[] counts = new int[256];
        for (int i = from; i < to; i++) {
            counts[bytes[i] & 0xff]++;
        }
        double n = to - from;
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = count / n;
                bits -= p * (Math.log(p) / Math.log(2));
            }
        }
        return bits;
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
