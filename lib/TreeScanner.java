import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Walks a content directory without following symbolic links and without opening anything: every
 * non-directory entry is reported with its kind, so links, FIFOs and devices are seen but never read.
 */
final class TreeScanner {
    private TreeScanner() {}

    /** The entries and folders found, each list sorted in deterministic ZIP v1 order. */
    record ScanResult(Path root, List<ScannedEntry> entries, List<String> directories) {}

    static ScanResult scan(Path contentDir) {
        return scan(contentDir, Progress.NONE);
    }

    static ScanResult scan(Path contentDir, Progress progress) {
        Path root = requireDirectory(contentDir);
        List<ScannedEntry> entries = new ArrayList<>();
        List<String> directories = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (!dir.equals(root)) {
                                directories.add(relative(root, dir));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            entries.add(entry(root, file, attrs));
                            progress.advance(1, attrs.size());
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            entries.add(new ScannedEntry(relative(root, file), file, ScannedEntry.Kind.UNREADABLE,
                                    0, 0, "cannot read: " + describe(e)));
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                            if (e != null) {
                                entries.add(new ScannedEntry(relative(root, dir), dir, ScannedEntry.Kind.UNREADABLE,
                                        0, 0, "cannot list folder: " + describe(e)));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new PrezipException(ErrorCode.PZ_IO, "cannot scan " + root + ": " + describe(e), e);
        }
        progress.done();
        entries.sort((a, b) -> PathOrder.UTF8_BYTES.compare(a.relativePath(), b.relativePath()));
        directories.sort(PathOrder.UTF8_BYTES);
        return new ScanResult(root, List.copyOf(entries), List.copyOf(directories));
    }

    /** The content dir as an absolute path; a symlinked content dir is resolved once, here. */
    static Path requireDirectory(Path contentDir) {
        if (!Files.isDirectory(contentDir)) {
            throw new PrezipException(ErrorCode.PZ_CONTENT_DIR_MISSING,
                    "content dir " + contentDir + " does not exist or is not a directory");
        }
        try {
            return contentDir.toRealPath();
        } catch (IOException e) {
            throw new PrezipException(ErrorCode.PZ_IO, "cannot resolve " + contentDir + ": " + describe(e), e);
        }
    }

    private static ScannedEntry entry(Path root, Path file, BasicFileAttributes attrs) {
        String rel = relative(root, file);
        long mtime = attrs.lastModifiedTime().toMillis();
        if (attrs.isSymbolicLink()) {
            return new ScannedEntry(rel, file, ScannedEntry.Kind.SYMLINK, 0, mtime, null);
        }
        if (!attrs.isRegularFile()) {
            return new ScannedEntry(rel, file, ScannedEntry.Kind.SPECIAL, 0, mtime, null);
        }
        if (!Files.isReadable(file)) {
            return new ScannedEntry(rel, file, ScannedEntry.Kind.UNREADABLE, attrs.size(), mtime, "permission denied");
        }
        return new ScannedEntry(rel, file, ScannedEntry.Kind.REGULAR, attrs.size(), mtime, null, linkCount(file));
    }

    /** The hard-link count where the file system reports one (POSIX); 1 elsewhere. */
    private static int linkCount(Path file) {
        try {
            Object links = Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
            return links instanceof Integer count ? count : 1;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }

    static String relative(Path root, Path file) {
        Path rel = root.relativize(file);
        StringBuilder joined = new StringBuilder();
        for (Path part : rel) {
            if (joined.length() > 0) {
                joined.append('/');
            }
            joined.append(part);
        }
        return joined.toString();
    }

    static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + " " + e.getMessage();
    }
}
