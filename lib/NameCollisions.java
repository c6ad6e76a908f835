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
        if (relativePath.chars().allMatch(c -> c < 0x80)) {
            // ASCII: NFC changes nothing and case folding is plain lowercasing; most names take this path.
            return relativePath.toLowerCase(Locale.ROOT);
        }
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
            String collision = item.decision() instanceof Decision.Included
                    ? collision(item.entry().relativePath(), pathsByKey) : null;
            marked.add(collision == null ? item : new Classification.Item(item.entry(),
                    new Decision.Excluded(Reason.NAME_COLLISION, collision)));
        }
        return marked;
    }

    /** Why this eligible path collides, or null: another file of the same key, or a file where a folder of it is. */
    private static String collision(String path, Map<String, List<String>> pathsByKey) {
        List<String> same = pathsByKey.get(key(path));
        if (same.size() > 1) {
            return "same name as " + String.join(", ", same.stream().filter(p -> !p.equals(path)).toList())
                    + " after case folding / NFC";
        }
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            List<String> files = pathsByKey.get(key(path.substring(0, slash))).stream()
                    .filter(p -> !p.endsWith("/")).toList();
            if (!files.isEmpty()) {
                return "its folder " + path.substring(0, slash) + "/ has the same name as the file "
                        + String.join(", ", files) + " after case folding / NFC";
            }
        }
        return null;
    }
}
