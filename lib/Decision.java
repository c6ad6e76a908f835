/** The verdict on one scanned entry. */
sealed interface Decision permits Decision.Included, Decision.Excluded {

    /** Eligible for the delivery. */
    record Included(String extension) implements Decision {}

    /** Left out, with a stable reason and a human detail (which rule or group). */
    record Excluded(Reason reason, String detail) implements Decision {}
}
