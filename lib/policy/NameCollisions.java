package policy;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import text.Printable;

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
        Set<String> foldersSeen = new HashSet<>();
        for (Classification.Item item : items) {
            if (item.decision() instanceof Decision.Included) {
                String path = item.entry().relativePath();
                pathsByKey.computeIfAbsent(key(path), k -> new ArrayList<>()).add(path);
                // A file and a folder colliding ("a.txt" vs "A.TXT/b.png") cannot both exist either. Each folder is
                // registered once, deepest first up to the first one seen: a deep tree costs its folders, not
                // its depth times its files.
                for (int slash = path.lastIndexOf('/'); slash > 0 && foldersSeen.add(path.substring(0, slash));
                     slash = path.lastIndexOf('/', slash - 1)) {
                    pathsByKey.computeIfAbsent(key(path.substring(0, slash)), k -> new ArrayList<>()).add(path.substring(0, slash) + "/");
                }
            }
        }
        Map<String, String> folderVerdicts = new HashMap<>();
        List<Classification.Item> marked = new ArrayList<>(items.size());
        for (Classification.Item item : items) {
            String collision = item.decision() instanceof Decision.Included
                    ? collision(item.entry().relativePath(), pathsByKey, folderVerdicts) : null;
            marked.add(collision == null ? item : new Classification.Item(item.entry(),
                    new Decision.Excluded(Reason.NAME_COLLISION, collision)));
        }
        return marked;
    }

    /** Names a collision detail quotes: the first few, each cut to a readable length. */
    private static final int NAMES_QUOTED = 3;

    /** Why this eligible path collides, or null: another file of the same key, or a file where a folder of it is. */
    private static String collision(String path, Map<String, List<String>> pathsByKey, Map<String, String> folderVerdicts) {
        List<String> same = pathsByKey.get(key(path));
        if (same.size() > 1) {
            return "same name as " + quoted(same.stream().filter(p -> !p.equals(path)).toList()) + " after case folding / NFC";
        }
        int folderEnd = path.lastIndexOf('/');
        String verdict = folderEnd > 0 ? folderVerdict(path.substring(0, folderEnd), pathsByKey, folderVerdicts) : "";
        return verdict.isEmpty() ? null : verdict;
    }

    /**
     * Whether this folder or one above it is also the name of a file ("" when none): decided once per
     * folder, from the highest one not yet decided down, without recursing on the depth.
     */
    private static String folderVerdict(String folder, Map<String, List<String>> pathsByKey, Map<String, String> verdicts) {
        ArrayDeque<String> undecided = new ArrayDeque<>();
        String above = folder;
        while (above != null && !verdicts.containsKey(above)) {
            undecided.push(above);
            int slash = above.lastIndexOf('/');
            above = slash > 0 ? above.substring(0, slash) : null;
        }
        String verdict = above == null ? "" : verdicts.get(above);
        while (!undecided.isEmpty()) {
            String next = undecided.pop();
            if (verdict.isEmpty()) {
                List<String> files = pathsByKey.get(key(next)).stream().filter(p -> !p.endsWith("/")).toList();
                if (!files.isEmpty()) {
                    verdict = "its folder " + Printable.of(next, Printable.QUOTED_CHARS) + "/ has the same name as the file "
                            + quoted(files) + " after case folding / NFC";
                }
            }
            verdicts.put(next, verdict);
        }
        return verdicts.get(folder);
    }

    private static String quoted(List<String> names) {
        String shown = String.join(", ", names.stream().limit(NAMES_QUOTED)
                .map(n -> Printable.of(n, Printable.QUOTED_CHARS)).toList());
        return names.size() > NAMES_QUOTED ? shown + " and " + (names.size() - NAMES_QUOTED) + " more" : shown;
    }
}
