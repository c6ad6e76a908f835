package policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import scan.ScannedEntry;
import scan.TreeScanner;
import secrets.SecretFinding;
import types.TypeFinding;

/** Every scanned entry with its decision, in deterministic order. */
public final class Classification {

    public record Item(ScannedEntry entry, Decision decision) {}

    private final List<Item> items;
    /** Split once: the report, the refusals, the reasons and the commit each ask for one part. */
    private final List<Item> eligible;
    private final List<Item> excluded;

    public Classification(List<Item> items) {
        this.items = List.copyOf(items);
        List<Item> in = new ArrayList<>();
        List<Item> out = new ArrayList<>();
        for (Item item : this.items) {
            (item.decision() instanceof Decision.Included ? in : out).add(item);
        }
        this.eligible = Collections.unmodifiableList(in);
        this.excluded = Collections.unmodifiableList(out);
    }

    public static Classification of(TreeScanner.ScanResult scan, Classifier classifier) {
        // Classifying is pure per entry: the cores share it (the order of the list is kept).
        return new Classification(NameCollisions.mark(scan.entries().parallelStream()
                .map(entry -> new Item(entry, classifier.classify(entry)))
                .toList()));
    }

    List<Item> items() {
        return items;
    }

    public List<Item> eligible() {
        return eligible;
    }

    /** The scanned entries that ship: what the content scan reads, staging copies and the free-space check counts. */
    public List<ScannedEntry> eligibleEntries() {
        return eligible.stream().map(Item::entry).toList();
    }

    public List<Item> excluded() {
        return excluded;
    }

    /** Excluded entries whose reason makes the run refuse. */
    public List<Item> refusals(boolean allowUnknown) {
        return excluded().stream()
                .filter(i -> ((Decision.Excluded) i.decision()).reason().refuses(allowUnknown))
                .toList();
    }

    /**
     * The non-hidden folders that would reach the client empty: no eligible file anywhere below them.
     * (The staging check finds the same folders on disk; this tells a dry-run.)
     */
    public List<String> foldersLeftEmpty(List<String> directories) {
        java.util.Set<String> kept = new java.util.HashSet<>();
        for (Item item : eligible()) {
            String path = item.entry().relativePath();
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                kept.add(path.substring(0, slash));
            }
        }
        return directories.stream().filter(d -> !Classifier.isHidden(d) && !kept.contains(d)).toList();
    }

    /**
     * This classification with every eligible file that holds an unapproved credential left out, reason
     * {@code secret}, its detail the rules and where (one file may hold several).
     */
    public Classification withSecrets(List<SecretFinding> findings) {
        Map<String, String> detailByPath = new java.util.HashMap<>();
        for (SecretFinding finding : findings) {
            if (!finding.approved()) {
                String where = finding.rule() + " at " + finding.inFile();
                detailByPath.merge(finding.path(), where, (a, b) -> a + ", " + b);
            }
        }
        Map<String, Decision.Excluded> excluded = new java.util.HashMap<>();
        detailByPath.forEach((path, detail) -> excluded.put(path, new Decision.Excluded(Reason.SECRET, detail)));
        return excluding(excluded);
    }

    /**
     * This classification with every eligible file whose content the type check leaves out excluded
     * ({@code banned_content}, or {@code type_mismatch} where the policy refuses mismatches), its detail the finding's.
     */
    public Classification withTypes(List<TypeFinding> findings) {
        Map<String, Decision.Excluded> excluded = new java.util.HashMap<>();
        findings.stream().filter(TypeFinding::excluded).forEach(f -> excluded.put(f.path(), new Decision.Excluded(
                f.kind() == TypeFinding.Kind.BANNED_CONTENT ? Reason.BANNED_CONTENT : Reason.TYPE_MISMATCH, f.detail())));
        return excluding(excluded);
    }

    /** This classification with each eligible file of these paths excluded as given. */
    private Classification excluding(Map<String, Decision.Excluded> byPath) {
        if (byPath.isEmpty()) {
            return this;
        }
        return new Classification(items.stream().map(item -> item.decision() instanceof Decision.Included
                && byPath.containsKey(item.entry().relativePath()) ? new Item(item.entry(), byPath.get(item.entry().relativePath())) : item)
                .toList());
    }

    /** Count of excluded entries per reason code, sorted by code. */
    public Map<String, Integer> excludedByReason() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Item item : excluded()) {
            counts.merge(((Decision.Excluded) item.decision()).reason().code(), 1, Integer::sum);
        }
        return counts;
    }
}
