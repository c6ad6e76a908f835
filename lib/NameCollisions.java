import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Files that would land on the same name on the client's machine: equal after Unicode NFC
 * normalisation (macOS) and case folding (Windows, macOS). Every member of such a group is left out and
 * the run refuses, since either file could silently overwrite the other when unpacked.
 */
final class NameCollisions {
    private NameCollisions() {}

    /** The key two paths share exactly when they collide. */
    static String key(String relativePath) {
        return Normalizer.normalize(relativePath, Normalizer.Form.NFC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** Re-decides the eligible items that collide (with another eligible file or folder) as name_collision. */
    static List<Classification.Item> mark(List<Classification.Item> items) {
        Map<String, List<String>> pathsByKey = new HashMap<>();
        for (Classification.Item item : items) {
            if (item.decision() instanceof Decision.Included) {
                String path = item.entry().relativePath();
                pathsByKey.computeIfAbsent(key(path), k -> new ArrayList<>()).add(path);
                // A file and a folder colliding ("a.txt" vs "A.TXT/b.png") cannot both exist either.
                for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                    List<String> folderUsers = pathsByKey.computeIfAbsent(key(path.substring(0, slash)), k -> new ArrayList<>());
                    String folder = path.substring(0, slash) + "/";
                    if (!folderUsers.contains(folder)) {
                        folderUsers.add(folder);
                    }
                }
            }
        }
        List<Classification.Item> marked = new ArrayList<>(items.size());
        for (Classification.Item item : items) {
            List<String> group = item.decision() instanceof Decision.Included
                    ? pathsByKey.get(key(item.entry().relativePath())) : null;
            if (group != null && group.size() > 1) {
                List<String> others = group.stream().filter(p -> !p.equals(item.entry().relativePath())).toList();
                marked.add(new Classification.Item(item.entry(), new Decision.Excluded(Reason.NAME_COLLISION,
                        "same name as " + String.join(", ", others) + " after case folding / NFC")));
            } else {
                marked.add(item);
            }
        }
        return marked;
    }
}
