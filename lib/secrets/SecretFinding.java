package secrets;

import java.util.Set;

/**
 * A credential found in a file's content: where, which rule, and a fingerprint that names the match
 * without holding it. Never the secret itself: {@code preview} is at most the match's first
 * {@link #PREVIEW_CHARS} characters, which for every shipped rule is (part of) its keyword.
 *
 * @param path the file, relative to the content folder (or the zip entry's name)
 * @param entry inside an Office container, the member the finding is in; else null
 * @param line 1-based line of the match's first byte
 * @param column 1-based column: bytes in 8-bit text, code units in UTF-16
 * @param fingerprint sha256 over rule, path and the matched bytes: an approval names it, and a changed
 *        file gives a new one
 * @param approved whether DATA/projects/ID_secrets_allow.json approves it (it then ships)
 */
public record SecretFinding(String path, String entry, long line, long column, String rule, String fingerprint,
                            String preview, boolean approved) {
    /** Enough to recognise a token's prefix (ghp_, AKIA, -----), and never past its keyword. */
    public static final int PREVIEW_CHARS = 4;
    /** A file with more distinct credentials than a scan lists: refused whole. */
    public static final String TOO_MANY_RULE = "too-many-findings";
    /** A file whose patterns cost more than its budget to check (overlapping keywords): refused whole. */
    public static final String TOO_COSTLY_RULE = "scan-budget-exceeded";
    /** Findings that stand for content no scan judged: no approval clears them. */
    private static final Set<String> NEVER_APPROVABLE = Set.of(TOO_MANY_RULE, TOO_COSTLY_RULE);
    /** The fingerprint as the summary shows it (and --approve-secret accepts it): 64 bits tell findings apart. */
    public static final int SHORT_FINGERPRINT_CHARS = 16;

    /** The fingerprint's first {@link #SHORT_FINGERPRINT_CHARS} hex digits, for a terminal's width. */
    public String shortFingerprint() {
        return fingerprint.substring(0, SHORT_FINGERPRINT_CHARS);
    }

    /** Where, for people: path, member, line and column. */
    public String location() {
        return path + (entry == null ? ":" : "!") + inFile();
    }

    /** Where inside the file: member (of a container), line and column. */
    public String inFile() {
        return (entry == null ? "" : entry + ":") + line + ":" + column;
    }

    /** Whether an approval can clear this finding (one that stands for unjudged content cannot). */
    public boolean approvable() {
        return !NEVER_APPROVABLE.contains(rule);
    }

    SecretFinding approve() {
        return new SecretFinding(path, entry, line, column, rule, fingerprint, preview, true);
    }
}
