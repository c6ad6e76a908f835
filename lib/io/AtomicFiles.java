package io;

import errors.ErrorCode;
import errors.IoErrors;
import errors.PrezipException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes a file so that readers see either the old content or the whole new one, never a part. */
public final class AtomicFiles {
    private AtomicFiles() {}

    /**
     * What goes into a file, written straight to it: a report or manifest of 100,000 files is tens of
     * megabytes, which would otherwise sit in memory whole (and twice, while its buffer grows).
     */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;

        static Content of(byte[] bytes) {
            return out -> out.write(bytes);
        }
    }

    /** Large enough that a streamed report costs few write calls. */
    private static final int BUFFER_BYTES = 1 << 16;

    public static void write(Path target, byte[] content) {
        write(target, Content.of(content));
    }

    public static void write(Path target, Content content) {
        Path temp = null;
        try {
            temp = tempBeside(target);
            writeFile(temp, content);
            moveIntoPlace(temp, target);
        } catch (IOException e) {
            throw IoErrors.toPrezip(e, "writing " + target.getFileName(), target);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Several files that must appear together (a zip and its sidecars): each is written to a temp file
     * first, so a full disk fails before anything is replaced; then all are renamed, in the order added.
     * Closing removes whatever temp files were not renamed.
     */
    public static final class Batch implements AutoCloseable {
        private final java.util.LinkedHashMap<Path, Path> tempByTarget = new java.util.LinkedHashMap<>();

        /** Takes over an already written temp file. */
        public void adopt(Path temp, Path target) {
            tempByTarget.put(target, temp);
        }

        public void put(Path target, byte[] content) throws IOException {
            put(target, Content.of(content));
        }

        /** @return the temp file holding the content until {@link #commit} */
        public Path put(Path target, Content content) throws IOException {
            Path temp = tempBeside(target);
            tempByTarget.put(target, temp);
            writeFile(temp, content);
            return temp;
        }

        /**
         * Renames every file into place, {@code last} after all others. The files it replaces are kept
         * aside until all renames succeeded; if one fails, the earlier ones are undone, so the previous
         * delivery stays whole (an old zip never sits beside a new manifest).
         *
         * <p>A kill cannot be undone that way, so first the renames to come are written to
         * {@code journal} (itself renamed into place whole: its appearance is the moment the new delivery
         * is decided); after a kill at any later moment, {@link #finishInterrupted} puts the rest into
         * place from the temp files left. The journal goes once every rename is done.
         */
        public void commit(Path last, Path journal) throws IOException {
            List<Path> order = new ArrayList<>(tempByTarget.keySet());
            order.remove(last);
            order.add(last);
            ExitCleanup.guarded(() -> {
                // Within the guarded step: a stop signal's cleanup waits until every rename is done.
                writeJournal(journal, order);
                Map<Path, Path> replaced = new LinkedHashMap<>();
                for (Path target : order) {
                    Path aside = keepAside(target);
                    try {
                        rename(tempByTarget.get(target), target);
                    } catch (IOException e) {
                        deleteQuietly(aside);
                        restore(replaced);
                        Files.deleteIfExists(journal);
                        throw e;
                    }
                    replaced.put(target, aside);
                }
                Files.deleteIfExists(journal);
                replaced.values().forEach(AtomicFiles::deleteQuietly);
                return null;
            });
            tempByTarget.clear();
        }

        /** The journal of the renames to come: one "temp name / target name" pair per line, beside the targets. */
        void writeJournal(Path journal, List<Path> order) throws IOException {
            StringBuilder lines = new StringBuilder();
            for (Path target : order) {
                lines.append(tempByTarget.get(target).getFileName()).append('/').append(target.getFileName()).append('\n');
            }
            Path temp = tempBeside(journal);
            try {
                writeFile(temp, Content.of(lines.toString().getBytes(StandardCharsets.UTF_8)));
                moveIntoPlace(temp, journal);
            } finally {
                deleteQuietly(temp);
            }
        }

        /** A copy of the file about to be replaced (null if there is none), hidden like any temp file. */
        private static Path keepAside(Path target) throws IOException {
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            Path aside = tempName(target);
            ExitCleanup.register(aside);
            try {
                Files.createLink(aside, target);
            } catch (IOException | UnsupportedOperationException e) {
                // No hard links here (or the file refuses them): a copy serves as well.
                Files.copy(target, aside, StandardCopyOption.COPY_ATTRIBUTES);
            }
            return aside;
        }

        /** Puts back every replaced file (or removes a new one that replaced nothing); best effort. */
        private static void restore(Map<Path, Path> replaced) {
            replaced.forEach((target, aside) -> {
                try {
                    if (aside != null) {
                        moveIntoPlace(aside, target);
                        ExitCleanup.done(aside);
                    } else {
                        Files.deleteIfExists(target);
                    }
                } catch (IOException ignored) {
                    // Nothing better to do: the error being reported says the delivery failed.
                }
            });
        }

        /**
         * Finishes a delivery a kill interrupted: every rename the journal lists whose temp file is still
         * there is done now (the others were done before the kill), then the journal goes. Only names the
         * caller allows are touched, so a journal planted by someone else renames nothing else.
         *
         * @return how many files were put into place, or -1 when there was no journal
         */
        public static int finishInterrupted(Path journal, java.util.function.Predicate<String> allowedTemp,
                                            java.util.function.Predicate<String> allowedTarget) throws IOException {
            if (!Files.exists(journal, LinkOption.NOFOLLOW_LINKS)) {
                return -1;
            }
            byte[] bytes = BoundedFiles.readBytes(journal, ErrorCode.PZ_IO, JOURNAL_MAX_BYTES);
            Path folder = journal.toAbsolutePath().getParent();
            int done = 0;
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                int slash = line.indexOf('/');
                if (slash <= 0 || line.indexOf('/', slash + 1) >= 0) {
                    continue;
                }
                String temp = line.substring(0, slash);
                String target = line.substring(slash + 1);
                if (allowedTemp.test(temp) && allowedTarget.test(target)
                        && Files.isRegularFile(folder.resolve(temp), LinkOption.NOFOLLOW_LINKS)) {
                    moveIntoPlace(folder.resolve(temp), folder.resolve(target));
                    done++;
                }
            }
            Files.deleteIfExists(journal);
            return done;
        }

        /** A journal lists a zip and a few sidecars: kilobytes at most. */
        static final long JOURNAL_MAX_BYTES = 64 * 1024;

        private static void rename(Path temp, Path target) throws IOException {
            moveIntoPlace(temp, target);
            ExitCleanup.done(temp);
        }

        @Override
        public void close() {
            tempByTarget.values().forEach(AtomicFiles::deleteQuietly);
        }
    }

    private static void writeFile(Path file, Content content) throws IOException {
        // The temp file was just created (O_EXCL); it is written without following a link all the same.
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS), BUFFER_BYTES)) {
            content.writeTo(out);
        }
    }

    /**
     * Fails, naming the folder, unless a file written here (a temp file renamed into place) can be: the
     * target's folder, or the nearest existing folder above it that would be created, is a writable
     * folder. Checks only, writes nothing: a dry-run finds a commit's write failures before it says ok.
     */
    public static void requireWritableFolderFor(Path target, String what) {
        Path folder = target.toAbsolutePath().getParent();
        while (folder != null && !Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            folder = folder.getParent();
        }
        if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw new PrezipException(ErrorCode.PZ_IO, "cannot write " + what + " " + target + ": " + folder
                    + (folder == null || !Files.isDirectory(folder) ? " is not a folder"
                    : onReadOnlyFileSystem(folder) ? " is on a read-only file system" : " is not writable") + "; "
                    + ErrorCode.PZ_IO.advice());
        }
    }

    private static boolean onReadOnlyFileSystem(Path folder) {
        try {
            return Files.getFileStore(folder).isReadOnly();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A new hidden temp file in the target's directory, so the final rename stays on one file system.
     * (Not Files.createTempFile: that forces mode 0600, and a delivery must get the operator's umask.)
     */
    public static Path tempBeside(Path target) throws IOException {
        Path temp = tempName(target);
        ExitCleanup.register(temp);
        return ExitCleanup.guarded(() -> Files.createFile(temp));
    }

    /** The random part of a temp name ({@link UUID#toString()}): what the leftover sweeps match on. */
    public static final String UUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** A fresh hidden name beside the target; the leftover sweep knows this shape. */
    static Path tempName(Path target) {
        return target.toAbsolutePath().resolveSibling(TEMP_PREFIX + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
    }

    /** Whether {@code name} is a temp file {@link #tempName} makes for a target named {@code target}. */
    public static boolean isTempNameOf(String target, String name) {
        String start = TEMP_PREFIX + target + ".";
        return name.startsWith(start) && name.endsWith(TEMP_SUFFIX)
                && UUID_NAME.matcher(name).region(start.length(), name.length() - TEMP_SUFFIX.length()).matches();
    }

    /** A temp file is hidden, named after its target, and ends so that it never passes for a deliverable. */
    private static final String TEMP_PREFIX = ".";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final java.util.regex.Pattern UUID_NAME = java.util.regex.Pattern.compile(UUID_TEXT);

    static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes a temp file if it is still there (after a move it is not) and forgets it. */
    static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Best effort: the caller is already reporting the error that matters.
        }
        ExitCleanup.done(path);
    }
}
