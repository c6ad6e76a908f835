package types;

/**
 * A file whose bytes contradict its name or the policy: what it is ({@code detected}, null when no signature
 * matched), what it is called, and what follows.
 *
 * @param kind {@link Kind#BANNED_CONTENT} (left out) or {@link Kind#TYPE_MISMATCH} (a warning, or left out under a
 *        policy that refuses mismatches: {@code excluded})
 */
public record TypeFinding(String path, String detected, String family, String extension, Kind kind, boolean excluded, String detail) {
    public enum Kind {
        BANNED_CONTENT, TYPE_MISMATCH
    }
}
