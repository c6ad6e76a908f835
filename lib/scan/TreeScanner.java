package scan;

import console.Progress;
import errors.ErrorCode;
import errors.IoErrors;
import errors.PrezipException;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Walks a content directory without following symbolic links and without opening anything: every
 * non-directory entry is reported with its kind, so links, FIFOs and devices are seen but never read.
 */
public final class TreeScanner {
    private TreeScanner() {}

    /** The entries and folders found, each list sorted in deterministic ZIP v1 order. */
    public record ScanResult(Path root, List<ScannedEntry> entries, List<String> directories) {}

    public static ScanResult scan(Path contentDir) {
        return scan(contentDir, Progress.NONE);
    }

    public static ScanResult scan(Path contentDir, Progress progress) {
        Path root = requireDirectory(contentDir);
        Found found = new Found(root, new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>(), progress);
        // One depth at a time: the folders of a depth are listed on all cores (a scan is one lstat per
        // entry, and the cores overlap them), and nothing grows with the tree's depth but a list of folders:
        // a folder 10,000 levels down is a loop's 10,000th turn, not a 10,000-frame recursion.
        List<Folder> level = List.of(new Folder(root, ""));
        while (!level.isEmpty()) {
            level = level.size() == 1 ? scanFolder(level.get(0), found)
                    : level.parallelStream().flatMap(folder -> scanFolder(folder, found).stream()).toList();
        }
        progress.done();
        // Sorted on all cores: paths are unique, so any merge order gives the one v1 order.
        ScannedEntry[] sortedEntries = found.entries().toArray(ScannedEntry[]::new);
        Arrays.parallelSort(sortedEntries, (a, b) -> PathOrder.UTF8_BYTES.compare(a.relativePath(), b.relativePath()));
        String[] sortedDirectories = found.directories().toArray(String[]::new);
        Arrays.parallelSort(sortedDirectories, PathOrder.UTF8_BYTES);
        return new ScanResult(root, List.of(sortedEntries), List.of(sortedDirectories));
    }

    /** Where every folder's scan puts what it finds, under one content dir. */
    private record Found(Path root, Queue<ScannedEntry> entries, Queue<String> directories, Progress progress) {}

    /** A folder to list, and its path under the content dir ("" for the content dir). */
    private record Folder(Path path, String relativePath) {}

    /**
     * Lists one folder (never following links) and records its entries; returns its subfolders. A folder
     * that cannot be listed (unreadable, or a path longer than the OS allows) is one unreadable entry.
     */
    private static List<Folder> scanFolder(Folder folder, Found found) {
        List<Folder> subfolders = new ArrayList<>();
        String folderPath = folder.relativePath();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder.path())) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                String rel = folderPath.isEmpty() ? name : folderPath + "/" + name;
                Attributes attrs;
                try {
                    attrs = Attributes.of(child);
                } catch (IOException e) {
                    found.entries().add(new ScannedEntry(rel, found.root(), ScannedEntry.Kind.UNREADABLE,
                            0, 0, "cannot read: " + IoErrors.describe(e)));
                    continue;
                }
                if (attrs.kind() == Attributes.DIRECTORY) {
                    found.directories().add(rel);
                    subfolders.add(new Folder(child, rel));
                } else {
                    found.entries().add(entry(rel, found.root(), child, attrs));
                    found.progress().advance(1, attrs.size());
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            IOException cause = e instanceof IOException io ? io : ((java.io.UncheckedIOException) e).getCause();
            found.entries().add(new ScannedEntry(folderPath, found.root(), ScannedEntry.Kind.UNREADABLE,
                    0, 0, "cannot list folder: " + IoErrors.describe(cause)));
        }
        return subfolders;
    }

    /** The content dir as an absolute path; a symlinked content dir is resolved once, here. */
    public static Path requireDirectory(Path contentDir) {
        if (!Files.isDirectory(contentDir)) {
            throw new PrezipException(ErrorCode.PZ_CONTENT_DIR_MISSING,
                    "content dir " + contentDir + " does not exist or is not a directory");
        }
        try {
            return contentDir.toRealPath();
        } catch (IOException e) {
            throw new PrezipException(ErrorCode.PZ_IO, "cannot resolve " + contentDir + ": " + IoErrors.describe(e), e);
        }
    }

    private static ScannedEntry entry(String rel, Path root, Path file, Attributes attrs) {
        long mtime = attrs.modifiedMillis();
        if (attrs.kind() == Attributes.SYMLINK) {
            return new ScannedEntry(rel, root, ScannedEntry.Kind.SYMLINK, 0, mtime, null);
        }
        if (attrs.kind() != Attributes.REGULAR) {
            return new ScannedEntry(rel, root, ScannedEntry.Kind.SPECIAL, 0, mtime, null);
        }
        // Read permission for everyone is the common case, and then access(2) can only add a denial by an
        // ACL entry naming this user; such a file fails the commit's copy (closed), never ships unread.
        if (!attrs.othersMayRead() && !Files.isReadable(file)) {
            return new ScannedEntry(rel, root, ScannedEntry.Kind.UNREADABLE, attrs.size(), mtime, "permission denied");
        }
        return new ScannedEntry(rel, root, ScannedEntry.Kind.REGULAR, attrs.size(), mtime, null, attrs.links());
    }

    /** What one lstat tells about an entry: one call where the file system has POSIX attributes. */
    record Attributes(int kind, long size, long modifiedMillis, int links, boolean othersMayRead) {
        static final int REGULAR = 0100000;
        static final int DIRECTORY = 0040000;
        static final int SYMLINK = 0120000;
        /** The file-type bits of st_mode. */
        private static final int TYPE_MASK = 0170000;
        private static final int OTHERS_READ = 0004;
        private static final String UNIX = "unix:mode,nlink,size,lastModifiedTime";
        /**
         * st_mode and st_nlink straight from the JDK's attributes object, when lib/cli/Cli.java's
         * {@code --add-opens java.base/sun.nio.fs} was granted: the public {@code unix:} view gives the same
         * from the same lstat, but builds a map per entry, about a third of a 100,000-entry scan's time.
         * Null otherwise (another JDK, or run without the option): the view is used.
         */
        private static final MethodHandle[] MODE_AND_LINKS = unixAccessorsOrNull();

        static Attributes of(Path path) throws IOException {
            if (MODE_AND_LINKS != null) {
                try {
                    PosixFileAttributes posix = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    return of((int) MODE_AND_LINKS[0].invokeExact(posix), posix.size(),
                            posix.lastModifiedTime().toMillis(), (int) MODE_AND_LINKS[1].invokeExact(posix));
                } catch (UnsupportedOperationException | ClassCastException anotherProvider) {
                    // Not the JDK's own POSIX attributes: the public views below read them.
                } catch (IOException | RuntimeException | Error failed) {
                    throw failed;
                } catch (Throwable impossible) {
                    // The two getters declare nothing; invokeExact only makes the compiler ask.
                    throw new IllegalStateException("reading the mode of " + path, impossible);
                }
            }
            try {
                return ofUnixView(path);
            } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
                // Not POSIX (Windows): no link count, and readability is asked of the OS.
                BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                int kind = basic.isDirectory() ? DIRECTORY : basic.isSymbolicLink() ? SYMLINK
                        : basic.isRegularFile() ? REGULAR : 0;
                return new Attributes(kind, basic.size(), basic.lastModifiedTime().toMillis(), 1, false);
            }
        }

        /** The same as {@link #of}, through the public {@code unix:} view only (tests compare the two). */
        static Attributes ofUnixView(Path path) throws IOException {
            Map<String, Object> unix = Files.readAttributes(path, UNIX, LinkOption.NOFOLLOW_LINKS);
            return of((Integer) unix.get("mode"), (Long) unix.get("size"),
                    ((FileTime) unix.get("lastModifiedTime")).toMillis(), (Integer) unix.get("nlink"));
        }

        static boolean readsTheJdksAttributesDirectly() {
            return MODE_AND_LINKS != null;
        }

        private static Attributes of(int mode, long size, long modifiedMillis, int links) {
            return new Attributes(mode & TYPE_MASK, size, modifiedMillis, links, (mode & OTHERS_READ) != 0);
        }

        private static MethodHandle[] unixAccessorsOrNull() {
            try {
                Class<?> unixAttributes = Class.forName("sun.nio.fs.UnixFileAttributes");
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(unixAttributes, MethodHandles.lookup());
                MethodType asked = MethodType.methodType(int.class, PosixFileAttributes.class);
                return new MethodHandle[] {
                        lookup.findVirtual(unixAttributes, "mode", MethodType.methodType(int.class)).asType(asked),
                        lookup.findVirtual(unixAttributes, "nlink", MethodType.methodType(int.class)).asType(asked)};
            } catch (ReflectiveOperationException | RuntimeException notOpened) {
                return null;
            }
        }
    }

    public static String relative(Path root, Path file) {
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
}
