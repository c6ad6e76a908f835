package commit;

import errors.ErrorCode;
import errors.IoErrors;
import errors.PrezipException;
import io.AtomicFiles;
import io.ExitCleanup;
import io.Sha256;
import io.TreeRemoval;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import scan.EntryName;
import scan.ScannedEntry;
import secrets.SecretScanner;
import types.Sniffer;
import zip.DeliveryJournal;
import zip.DeterministicZipWriter;
import zip.StagedFile;

/**
 * The staging tree: a hidden folder beside the output zip (same file system, so nothing crosses a
 * device) that mirrors the content folder's structure with only the eligible files in it, each under
 * the name it ships under ({@link EntryName}: what staging holds is what the zip holds). Closing it
 * deletes it, on success and on every failure.
 */
public final class Staging implements AutoCloseable {
    /** Staging folders start with this, so they are hidden and the next run can recognise leftovers. */
    public static final String PREFIX = ".prezip-staging-";

    private final Path root;

    private Staging(Path root) {
        this.root = root;
    }

    static Staging createBeside(Path outputZip) {
        Path dir = outputZip.toAbsolutePath().getParent();
        Path root = dir.resolve(PREFIX + outputZip.getFileName() + "-" + UUID.randomUUID());
        try {
            ExitCleanup.register(root);
            return new Staging(Files.createDirectory(root));
        } catch (IOException e) {
            ExitCleanup.done(root);
            throw IoErrors.toPrezip(e, "creating the staging folder", dir);
        }
    }

    Path root() {
        return root;
    }

    /**
     * Mirrors these folders, parents before children: every parent of a folder must be in the list (as
     * every non-hidden folder of a scan is). A mkdir allocates an inode, which on ext4 without a journal
     * means scanning past every recently freed one (1,600 folders: about 0.7 s of kernel time here), so
     * the folders of one depth are made on all cores at once. Each makes only its own folder: a task
     * still running after another failed cannot recreate a staging root that is being removed.
     */
    void createDirectories(List<String> relativePaths) throws IOException {
        Map<Integer, List<String>> byDepth = relativePaths.stream()
                .collect(Collectors.groupingBy(Staging::depth, TreeMap::new, Collectors.toList()));
        for (List<String> level : byDepth.values()) {
            try {
                level.parallelStream().forEach(dir -> {
                    try {
                        ExitCleanup.guarded(() -> Files.createDirectory(root.resolve(dir)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    /** Every folder that holds one of the entries, named as they ship, at any depth, each once (the content root is not one). */
    static List<String> foldersOf(List<ScannedEntry> entries) {
        Set<String> folders = new HashSet<>();
        for (ScannedEntry entry : entries) {
            String path = EntryName.of(entry.relativePath());
            // Upwards until a folder already known: each folder's ancestors are known with it.
            for (int slash = path.lastIndexOf('/'); slash > 0 && folders.add(path.substring(0, slash)); ) {
                slash = path.lastIndexOf('/', slash - 1);
            }
        }
        return List.copyOf(folders);
    }

    private static int depth(String relativePath) {
        return (int) relativePath.chars().filter(c -> c == '/').count();
    }

    /**
     * Copies one scanned file into staging under {@code name} (its entry name), hashing it on the way
     * and, when given, feeding its zip record, the credential scanner and the type detector too, so the file is read only once, and telling {@code copiedBytes} as
     * each buffer is through (a large file's progress). A file whose size or mtime differs from the scan
     * (before or after the copy) stops the commit. Only creating the staged file is a guarded step: the
     * copy itself (deflating a large file takes seconds) stops at the next buffer once the JVM is shutting
     * down, so a stop signal's cleanup never waits on it.
     */
    StagedFile copy(ScannedEntry entry, String name, DeterministicZipWriter.Entry zipEntry, SecretScanner scanner,
                    Sniffer sniffer, LongConsumer copiedBytes) throws IOException {
        requireUnchanged(entry);
        // Its folder exists: the stager mirrors every non-hidden folder before copying (one mkdir each,
        // not one per file, which costs a syscall per file on trees of tens of thousands).
        Path target = root.resolve(name);
        MessageDigest sha256 = Sha256.newDigest();
        long copied = 0;
        byte[] buffer = new byte[DeterministicZipWriter.bufferFor(entry.size())];
        try (InputStream in = Files.newInputStream(entry.path(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
             OutputStream out = ExitCleanup.guarded(() -> Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.WRITE))) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (ExitCleanup.stopping()) {
                    throw new java.io.InterruptedIOException("stopped while copying " + entry.relativePath());
                }
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
                if (zipEntry != null) {
                    zipEntry.write(buffer, 0, n);
                }
                if (scanner != null) {
                    scanner.feed(buffer, 0, n);
                }
                if (sniffer != null) {
                    sniffer.feed(buffer, 0, n);
                }
                copied += n;
                copiedBytes.accept(n);
            }
        }
        if (copied != entry.size()) {
            throw changed(entry, "its size went from " + entry.size() + " to " + copied + " bytes during the copy");
        }
        requireUnchanged(entry);
        return StagedFile.of(name, copied, sha256.digest());
    }

    private static void requireUnchanged(ScannedEntry entry) throws IOException {
        BasicFileAttributes now = Files.readAttributes(entry.path(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!now.isRegularFile()) {
            throw changed(entry, "it is no longer a regular file");
        }
        if (now.size() != entry.size() || now.lastModifiedTime().toMillis() != entry.modifiedMillis()) {
            throw changed(entry, "its size or modification time differs from the scan");
        }
    }

    private static PrezipException changed(ScannedEntry entry, String how) {
        return new PrezipException(ErrorCode.PZ_SOURCE_CHANGED, entry.relativePath() + " changed while being staged: " + how
                + "; " + ErrorCode.PZ_SOURCE_CHANGED.advice());
    }

    @Override
    public void close() {
        TreeRemoval.deleteTree(root);
        ExitCleanup.done(root);
    }

    /**
     * Removes staging folders and temp zips that a killed run left beside this zip. Call only while
     * holding the zip's {@link OutputLock}: then no live run owns them.
     */
    static void removeLeftovers(Path zip) {
        // Exactly this zip's names: another zip whose name starts the same ("p1.zip-b") has its own lock.
        Pattern staging = Pattern.compile(Pattern.quote(PREFIX + zip.getFileName() + "-") + AtomicFiles.UUID_TEXT);
        try (var siblings = Files.list(zip.toAbsolutePath().getParent())) {
            siblings.filter(p -> staging.matcher(p.getFileName().toString()).matches()
                    || DeliveryJournal.isLeftover(zip, p.getFileName().toString())).forEach(TreeRemoval::deleteTree);
        } catch (IOException e) {
            throw IoErrors.toPrezip(e, "removing leftovers of an interrupted run", zip.getParent());
        }
    }
}
