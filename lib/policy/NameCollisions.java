package policy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Files that would land on the same name on the client's machine: equal after Unicode NFC
 * normalisation (macOS) and case folding (Windows, macOS). Every member of such a group is left out and
 * the run refuses, since either file could silently overwrite the other when unpacked.
 */
public final class NameCollisions {
    private NameCollisions() {}

    /** The key two paths share exactly when they collide. */
    public static String key(String relativePath) {
        String ascii = Ascii.lowerCaseOrNull(relativePath);
        if (ascii != null) {
            // ASCII: NFC changes nothing and case folding is plain lowercasing; most names take this path.
            return ascii;
        }
        return Normalizer.normalize(relativePath, Normalizer.Form.NFC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** Re-decides the eligible items that collide (with another eligible file or folder) as name_collision. */
    static List<Classification.Item> mark(List<Classification.Item> items) {
        return mayCollide(items) ? markCollisions(items) : items;
    }

    /**
     * Whether two eligible files or folders share a key at all: almost never, so the full check (which
     * lists every user of every key) runs only then. Each folder is looked at once, not once per file in it.
     */
    private static boolean mayCollide(List<Classification.Item> items) {
        Map<String, String> userByKey = new HashMap<>(items.size() * 2);
        Set<String> foldersSeen = new HashSet<>();
        String previousPath = "";
        int previousFolderEnd = -1;
        for (Classification.Item item : items) {
            if (item.decision() instanceof Decision.Included) {
                String path = item.entry().relativePath();
                if (userByKey.putIfAbsent(key(path), path) != null) {
                    return true;
                }
                int folderEnd = path.lastIndexOf('/');
                // Paths come sorted, so the previous one is most often in the same folder: seen, no substring.
                boolean sameFolder = folderEnd == previousFolderEnd && path.regionMatches(0, previousPath, 0, folderEnd + 1);
                previousPath = path;
                previousFolderEnd = folderEnd;
                for (int slash = sameFolder ? -1 : folderEnd; slash > 0 && foldersSeen.add(path.substring(0, slash));
                     slash = path.lastIndexOf('/', slash - 1)) {
                    String folder = path.substring(0, slash) + "/";
                    if (userByKey.putIfAbsent(key(path.substring(0, slash)), folder) != null) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static List<Classification.Item> markCollisions(List<Classification.Item> items) {
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
