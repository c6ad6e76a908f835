package policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Companion integrity (spec step 3): files in one folder that share a stem (the name without its last
 * extension, e.g. {@code scene.psd} / {@code scene.png} / {@code scene.xmp}) belong together. A group
 * split between shipped and left-out files usually means the client gets half a deliverable.
 */
public final class Companions {
    private Companions() {}

    /** @param fate "eligible", or the reason the member was left out */
    public record Member(String path, String fate) {}

    public record SplitGroup(String folder, String stem, List<Member> members) {}

    /** The split groups, in path order; hidden files are not deliverables and never count. */
    public static List<SplitGroup> splitGroups(Classification classification) {
        // First count each group's members and eligible ones: most groups are one file, never split, and
        // only the members of split groups are gathered. Each key is made once and kept for the second pass.
        List<Classification.Item> items = classification.items();
        String[] keys = new String[items.size()];
        Map<String, int[]> counts = new HashMap<>(items.size() * 2);
        for (int i = 0; i < keys.length; i++) {
            Classification.Item item = items.get(i);
            if (!Classifier.isHidden(item.entry().relativePath())) {
                keys[i] = groupKey(item.entry().relativePath());
                int[] count = counts.computeIfAbsent(keys[i], k -> new int[2]);
                count[0]++;
                count[1] += item.decision() instanceof Decision.Included ? 1 : 0;
            }
        }
        Map<String, List<Classification.Item>> groups = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                int[] count = counts.get(keys[i]);
                if (count[1] > 0 && count[1] < count[0]) {
                    groups.computeIfAbsent(keys[i], k -> new ArrayList<>()).add(items.get(i));
                }
            }
        }
        List<SplitGroup> split = new ArrayList<>();
        for (List<Classification.Item> group : groups.values()) {
            Classification.Item first = group.get(0);
            split.add(new SplitGroup(folder(first.entry().relativePath()), stem(first.entry().fileName()),
                    group.stream().map(i -> new Member(i.entry().relativePath(), fate(i.decision()))).toList()));
        }
        return List.copyOf(split);
    }

    /** Folder and stem in one string: the path without its file name's last extension (no stem holds a '/'). */
    private static String groupKey(String path) {
        int dot = path.lastIndexOf('.');
        return dot <= path.lastIndexOf('/') + 1 ? path : path.substring(0, dot);
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? fileName : fileName.substring(0, dot);
    }

    private static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String fate(Decision decision) {
        return decision instanceof Decision.Excluded excluded ? excluded.reason().code() : "eligible";
    }
}
