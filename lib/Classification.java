import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every scanned entry with its decision, in deterministic order. */
record Classification(List<Item> items) {

    record Item(ScannedEntry entry, Decision decision) {}

    Classification {
        items = List.copyOf(items);
    }

    static Classification of(TreeScanner.ScanResult scan, Classifier classifier) {
        return new Classification(NameCollisions.mark(scan.entries().stream()
                .map(entry -> new Item(entry, classifier.classify(entry)))
                .toList()));
    }

    List<Item> eligible() {
        return items.stream().filter(i -> i.decision() instanceof Decision.Included).toList();
    }

    List<Item> excluded() {
        return items.stream().filter(i -> i.decision() instanceof Decision.Excluded).toList();
    }

    /** Excluded entries whose reason makes the run refuse. */
    List<Item> refusals(boolean allowUnknown) {
        return excluded().stream()
                .filter(i -> ((Decision.Excluded) i.decision()).reason().refuses(allowUnknown))
                .toList();
    }

    /** Count of excluded entries per reason code, sorted by code. */
    Map<String, Integer> excludedByReason() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Item item : excluded()) {
            counts.merge(((Decision.Excluded) item.decision()).reason().code(), 1, Integer::sum);
        }
        return counts;
    }
}
