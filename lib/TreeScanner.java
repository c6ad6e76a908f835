import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

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
        Queue<ScannedEntry> entries = new ConcurrentLinkedQueue<>();
        Queue<String> directories = new ConcurrentLinkedQueue<>();
        // Folders are listed in parallel: a scan is one lstat per entry, and the cores overlap them.
        ForkJoinPool.commonPool().invoke(new FolderScan(root, root, entries, directories, progress));
        progress.done();
        List<ScannedEntry> sortedEntries = new ArrayList<>(entries);
        sortedEntries.sort((a, b) -> PathOrder.UTF8_BYTES.compare(a.relativePath(), b.relativePath()));
        List<String> sortedDirectories = new ArrayList<>(directories);
        sortedDirectories.sort(PathOrder.UTF8_BYTES);
        return new ScanResult(root, List.copyOf(sortedEntries), List.copyOf(sortedDirectories));
    }

    /** Lists one folder (never following links), records its entries and forks a scan per subfolder. */
    private static final class FolderScan extends RecursiveAction {
        private final Path root;
        private final Path folder;
        private final Queue<ScannedEntry> entries;
        private final Queue<String> directories;
        private final Progress progress;

        FolderScan(Path root, Path folder, Queue<ScannedEntry> entries, Queue<String> directories, Progress progress) {
            this.root = root;
            this.folder = folder;
            this.entries = entries;
            this.directories = directories;
            this.progress = progress;
        }

        @Override
        protected void compute() {
            List<FolderScan> subfolders = new ArrayList<>();
            try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
                for (Path child : children) {
                    BasicFileAttributes attrs;
                    try {
                        attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    } catch (IOException e) {
                        entries.add(new ScannedEntry(relative(root, child), child, ScannedEntry.Kind.UNREADABLE,
                                0, 0, "cannot read: " + describe(e)));
                        continue;
                    }
                    if (attrs.isDirectory()) {
                        directories.add(relative(root, child));
                        subfolders.add(new FolderScan(root, child, entries, directories, progress));
                    } else {
                        entries.add(entry(root, child, attrs));
                        progress.advance(1, attrs.size());
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                IOException cause = e instanceof IOException io ? io : ((java.io.UncheckedIOException) e).getCause();
                entries.add(new ScannedEntry(relative(root, folder), folder, ScannedEntry.Kind.UNREADABLE,
                        0, 0, "cannot list folder: " + describe(cause)));
            }
            invokeAll(subfolders);
        }
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
