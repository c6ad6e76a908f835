package inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import policy.Classifier;
import report.StagerReport;
import scan.Extensions;
import scan.ScannedEntry;
import scan.TreeScanner;

/**
 * A scanned content folder counted by extension, as the allowlist snapshots it: files and bytes per
 * extension, and the files that give no extension to allow (none, or one no allowlist can hold) or
 * that are never candidates (hidden, links, special files).
 */
record ExtensionCount(String root, Map<String, StagerReport.ExtensionTotal> byExtension, List<String> noExtension,
                      List<String> unusableExtension, Map<String, Integer> skipped) {

    static ExtensionCount of(TreeScanner.ScanResult scan) {
        Map<String, StagerReport.ExtensionTotal> byExtension = new TreeMap<>();
        List<String> noExtension = new ArrayList<>();
        List<String> unusableExtension = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        for (ScannedEntry entry : scan.entries()) {
            if (Classifier.isHidden(entry.relativePath())) {
                skipped.merge("hidden", 1, Integer::sum);
            } else if (entry.kind() != ScannedEntry.Kind.REGULAR) {
                skipped.merge(entry.kind().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
            } else {
                var extension = Extensions.of(entry.fileName());
                if (extension.isEmpty()) {
                    noExtension.add(entry.relativePath());
                } else if (!Extensions.isValid(extension.get())) {
                    // "minutes.final draft": such a text cannot stand in an allowlist, so it is not an extension.
                    unusableExtension.add(entry.relativePath());
                } else {
                    byExtension.merge(extension.get(), new StagerReport.ExtensionTotal(1, entry.size()),
                            (a, b) -> new StagerReport.ExtensionTotal(a.files() + b.files(), a.bytes() + b.bytes()));
                }
            }
        }
        return new ExtensionCount(scan.root().toString(), byExtension, noExtension, unusableExtension, skipped);
    }
}
