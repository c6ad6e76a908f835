package inventory;

import errors.IoErrors;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import policy.Classifier;
import scan.Extensions;
import scan.ScannedEntry;
import scan.TreeScanner;
import types.ContentTypes;
import types.TypeFinding;
import types.TypePolicy;

/**
 * What the content's files are by their bytes, per extension: the extensions some of whose files are not what
 * the extension says (the allowlist is being built from them). Each file's first bytes are read once, at their
 * places, never following a link; the policy is neutral (no family banned): this is about names, not bans.
 */
final class TypeSurvey {
    private TypeSurvey() {}

    static List<Inventory.Mismatched> of(TreeScanner.ScanResult scan, ContentTypes table) {
        TypePolicy neutral = new TypePolicy(table, Map.of(), Set.of(), true);
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, TypeFinding> firsts = new TreeMap<>();
        for (ScannedEntry entry : scan.entries()) {
            var extension = Extensions.of(entry.fileName());
            // As ExtensionCount counts them: an extension no allowlist can hold (a control character, a space) is not one.
            if (entry.kind() != ScannedEntry.Kind.REGULAR || Classifier.isHidden(entry.relativePath()) || extension.isEmpty()
                    || !Extensions.isValid(extension.get())) {
                continue;
            }
            int[] count = counts.computeIfAbsent(extension.get(), e -> new int[2]);
            count[1]++;
            TypeFinding finding = neutral.judge(entry.relativePath(), detect(entry, table));
            if (finding != null) {
                count[0]++;
                firsts.putIfAbsent(extension.get(), finding);
            }
        }
        return firsts.entrySet().stream().map(e -> new Inventory.Mismatched(e.getKey(), counts.get(e.getKey())[0], counts.get(e.getKey())[1],
                e.getValue().path(), e.getValue().detail())).toList();
    }

    private static types.ContentType detect(ScannedEntry entry, ContentTypes table) {
        try (FileChannel channel = FileChannel.open(entry.path(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            return table.sniffer(entry.size()).read(channel);
        } catch (IOException e) {
            throw IoErrors.toPrezip(e, "reading the first bytes of", entry.path());
        }
    }
}
