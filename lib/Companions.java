import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Companion integrity (spec step 3): files in one folder that share a stem (the name without its last
 * extension, e.g. {@code scene.psd} / {@code scene.png} / {@code scene.xmp}) belong together. A group
 * split between shipped and left-out files usually means the client gets half a deliverable.
 */
final class Companions {
    private Companions() {}

    /** @param fate "eligible", or the reason the member was left out */
    record Member(String path, String fate) {}

    record SplitGroup(String folder, String stem, List<Member> members) {}

    /** The split groups, in path order; hidden files are not deliverables and never count. */
    static List<SplitGroup> splitGroups(Classification classification) {
        Map<String, List<Classification.Item>> groups = new LinkedHashMap<>();
        for (Classification.Item item : classification.items()) {
            String path = item.entry().relativePath();
            if (!Classifier.isHidden(path)) {
                groups.computeIfAbsent(folder(path) + "\0" + stem(item.entry().fileName()), k -> new ArrayList<>()).add(item);
            }
        }
        List<SplitGroup> split = new ArrayList<>();
        for (List<Classification.Item> group : groups.values()) {
            long eligible = group.stream().filter(i -> i.decision() instanceof Decision.Included).count();
            if (eligible > 0 && eligible < group.size()) {
                Classification.Item first = group.get(0);
                split.add(new SplitGroup(folder(first.entry().relativePath()), stem(first.entry().fileName()),
                        group.stream().map(i -> new Member(i.entry().relativePath(), fate(i.decision()))).toList()));
            }
        }
        return List.copyOf(split);
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
