package verify;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import scan.EntryName;
import scan.ScannedEntry;
import scan.TreeScanner;

/**
 * The content folder as --content-dir names it, scanned once (never following a link) for the checks
 * that read it: the source comparison and the rebuild. An entry's source is found by its name as a
 * string among what the scan saw, never by a path resolved against the folder: '../x' cannot reach outside.
 * That name is the source's path composed ({@link EntryName}) when the manifest says the names are
 * (entry_name_form "nfc", since 1.4.0), else the path as it is.
 *
 * @param alsoComposed for a name two files compose to (the stager refuses such a tree), the one {@code byName} does not hold
 */
record SourceTree(TreeScanner.ScanResult scan, Map<String, ScannedEntry> byName, Map<String, String> alsoComposed,
                  boolean namesComposed) {

    static SourceTree of(Path contentDir, boolean namesComposed) {
        TreeScanner.ScanResult scan = TreeScanner.scan(contentDir);
        Map<String, ScannedEntry> byName = new HashMap<>();
        Map<String, String> alsoComposed = new HashMap<>();
        for (ScannedEntry source : scan.entries()) {
            String name = namesComposed ? EntryName.of(source.relativePath()) : source.relativePath();
            ScannedEntry other = byName.put(name, source);
            if (other != null) {
                alsoComposed.put(name, other.relativePath());
            }
        }
        return new SourceTree(scan, byName, alsoComposed, namesComposed);
    }

    /** The name a source path ships under, as this tree finds it. */
    String nameOf(String sourcePath) {
        return namesComposed ? EntryName.of(sourcePath) : sourcePath;
    }

    /** What the folder holds at this entry name (a file, link, special file or unreadable entry), or null. */
    ScannedEntry at(String name) {
        return byName.get(name);
    }

    /** When two source files compose to this name, the other one's path (neither is the entry's source); else null. */
    String alsoComposedTo(String name) {
        return alsoComposed.get(name);
    }
}
