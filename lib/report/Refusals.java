package report;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import policy.LongPaths;
import policy.Reason;
import scan.Extensions;
import text.Counts;
import text.Shell;

/**
 * What blocks a run and what the operator can do about it, in words and commands: the refusal message,
 * and the per-extension view of {@code not_allowed} (16,667 paths read as ".psd × 3,333").
 */
public final class Refusals {
    private Refusals() {}

    /** Reasons fixed by allowlisting or renaming (said above), not by removing the file. */
    private static final java.util.Set<Reason> RENAMED_OR_ALLOWLISTED = java.util.EnumSet.of(
            Reason.NOT_ALLOWED, Reason.NAME_COLLISION, Reason.UNSAFE_NAME, Reason.LONG_PATH, Reason.SECRET);

    /** Extensions listed in one message or table cell; the rest are counted. */
    static final int EXTENSIONS_SHOWN = 6;

    /** Counts per extension of these paths, most frequent first (then by name, so the order is stable). */
    public static Map<String, Integer> byExtension(List<String> paths) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String path : paths) {
            counts.merge(Extensions.ofPath(path).orElse(""), 1, Integer::sum);
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** ".psd × 3,333, .mov × 2" and how many more extensions. */
    public static String extensionCounts(Map<String, Integer> byExtension) {
        String shown = byExtension.entrySet().stream().limit(EXTENSIONS_SHOWN)
                .map(e -> "." + e.getKey() + " \u00d7 " + Counts.number(e.getValue())).collect(Collectors.joining(", "));
        int more = byExtension.size() - EXTENSIONS_SHOWN;
        return more > 0 ? shown + ", " + Counts.of(more, "more type", "more types") : shown;
    }

    /**
     * The refusal: how many files, of which reasons ("not_allowed 5, name_collision 1"), and per reason the
     * fix, with the exact command where there is one. --allow-unknown is offered only where it would help.
     *
     * @param reasonOfPath reason code per refused path, in report order
     * @param inventoryCommand how to run inventory for this project, e.g. {@code ./jbang inventory --project-id acme}
     */
    public static String message(Map<String, String> reasonOfPath, boolean allowUnknown, String inventoryCommand) {
        Map<String, Integer> byReason = new TreeMap<>();
        reasonOfPath.values().forEach(r -> byReason.merge(r, 1, Integer::sum));
        StringBuilder m = new StringBuilder(Counts.of(reasonOfPath.size(), "file", "files")).append(" may not ship (")
                .append(byReason.entrySet().stream().sorted(Comparator.comparing(Map.Entry<String, Integer>::getValue).reversed())
                        .map(e -> e.getKey() + " " + Counts.number(e.getValue())).collect(Collectors.joining(", ")))
                .append(")");
        List<String> notAllowed = reasonOfPath.entrySet().stream().filter(e -> e.getValue().equals(Reason.NOT_ALLOWED.code()))
                .map(Map.Entry::getKey).toList();
        if (!notAllowed.isEmpty()) {
            Map<String, Integer> types = byExtension(notAllowed);
            m.append(". Types not in the allowlist: ").append(extensionCounts(types))
                    .append("; if the client asked for them: ").append(inventoryCommand).append(" --add-override ")
                    .append(String.join(" ", types.keySet().stream().map(Shell::quote).toList()));
        }
        if (byReason.containsKey(Reason.NAME_COLLISION.code()) || byReason.containsKey(Reason.UNSAFE_NAME.code())) {
            m.append(". Rename the files named (names that differ only in case or Unicode form collide on the client's"
                    + " disk; unsafe names do not unpack everywhere)");
        }
        if (byReason.containsKey(Reason.BANNED_CONTENT.code()) || byReason.containsKey(Reason.TYPE_MISMATCH.code())) {
            m.append(". Files are not what their names say, or are of a banned kind by their bytes (the report says what"
                    + " each is): remove them, or rename each to what it is; an archive under a name the project uses for one"
                    + " is accepted with prezip_stager --accept-container EXT --note TEXT");
        }
        if (byReason.containsKey(Reason.LONG_PATH.code())) {
            m.append(". Shorten the paths named to at most ").append(LongPaths.MAX_CHARACTERS)
                    .append(" characters (folder and file names): Windows may fail to extract a longer one");
        }
        boolean removable = byReason.keySet().stream().map(Reason::ofCode)
                .anyMatch(r -> !RENAMED_OR_ALLOWLISTED.contains(r) && r.refuses(allowUnknown));
        // Offered only when it would let the run through: with a collision or a secret it still refuses.
        boolean allowUnknownHelps = !allowUnknown && byReason.keySet().stream().map(Reason::ofCode).noneMatch(r -> r.refuses(true));
        if (removable) {
            m.append(". Remove the other files from the content folder");
        }
        if (allowUnknownHelps) {
            m.append(removable ? ", or pass" : ". Or pass").append(" --allow-unknown to leave them out");
        }
        return m.toString();
    }
}
