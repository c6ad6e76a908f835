package scan;

import java.nio.file.Path;

/**
 * One non-directory entry found under the content directory, as seen without following links.
 *
 * @param relativePath path under the content dir with {@code /} separators
 * @param root the content dir: one shared reference instead of a Path per entry, which on a tree of
 *        100,000 files held about 18 MB (the path's bytes and its offsets) for the whole commit
 * @param size bytes (regular files; 0 otherwise)
 * @param modifiedMillis last-modified time, to notice a file that changes between scan and copy
 * @param problem what went wrong reading it (kind UNREADABLE), else null
 * @param links hard-link count: above 1, the same bytes are reachable under another name
 */
public record ScannedEntry(String relativePath, Path root, Kind kind, long size, long modifiedMillis, String problem, int links) {

    public enum Kind { REGULAR, SYMLINK, SPECIAL, UNREADABLE }

    /** An entry with a single link, as every entry but a hard-linked regular file has. */
    public ScannedEntry(String relativePath, Path root, Kind kind, long size, long modifiedMillis, String problem) {
        this(relativePath, root, kind, size, modifiedMillis, problem, 1);
    }

    /**
     * Where the entry is. Exact for every name that can ship: a name whose bytes are not UTF-8 (and so
     * would not resolve back to the same file) is an unsafe name, never copied.
     */
    public Path path() {
        return root.resolve(relativePath);
    }

    public String fileName() {
        return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }
}
