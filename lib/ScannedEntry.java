import java.nio.file.Path;

/**
 * One non-directory entry found under the content directory, as seen without following links.
 *
 * @param relativePath path under the content dir with {@code /} separators
 * @param size bytes (regular files; 0 otherwise)
 * @param modifiedMillis last-modified time, to notice a file that changes between scan and copy
 * @param problem what went wrong reading it (kind UNREADABLE), else null
 */
record ScannedEntry(String relativePath, Path path, Kind kind, long size, long modifiedMillis, String problem) {

    enum Kind { REGULAR, SYMLINK, SPECIAL, UNREADABLE }

    String fileName() {
        return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }
}
