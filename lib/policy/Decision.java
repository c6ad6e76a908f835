package policy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The verdict on one scanned entry. */
public sealed interface Decision permits Decision.Included, Decision.Excluded {

    /** Eligible for the delivery. */
    record Included(String extension) implements Decision {
        private static final Map<String, Included> SHARED = new ConcurrentHashMap<>();

        /** The one decision for this extension: a commit holds every file's decision until it ends. */
        static Included of(String extension) {
            return SHARED.computeIfAbsent(extension, Included::new);
        }
    }

    /** Left out, with a stable reason and a human detail (which rule or group). */
    record Excluded(Reason reason, String detail) implements Decision {}
}
