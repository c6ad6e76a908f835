package verify;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import scan.ScannedEntry;
import scan.TreeScanner;

/**
 * The content folder as --content-dir names it, scanned once (never following a link) for the checks
 * that read it: the source comparison and the rebuild. An entry's source is found by its name as a
 * string among what the scan saw, never by a path resolved against the folder: '../x' cannot reach outside.
 */
record SourceTree(TreeScanner.ScanResult scan, Map<String, ScannedEntry> byPath) {

    static SourceTree of(Path contentDir) {
        TreeScanner.ScanResult scan = TreeScanner.scan(contentDir);
        Map<String, ScannedEntry> byPath = new HashMap<>();
        for (ScannedEntry source : scan.entries()) {
            byPath.put(source.relativePath(), source);
        }
        return new SourceTree(scan, byPath);
    }

    /** What the folder holds at this entry name (a file, link, special file or unreadable entry), or null. */
    ScannedEntry at(String name) {
        return byPath.get(name);
    }
}
