package commit;

import errors.ErrorCode;
import errors.PrezipException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import policy.Classifier;
import policy.Decision;
import scan.EntryName;
import scan.PathOrder;
import scan.ScannedEntry;
import scan.TreeScanner;
import zip.StagedFile;

/**
 * The spec's invariants, checked on the staging tree itself (not on the plan) just before zipping:
 * only regular files, nothing hidden, nothing banned or unlisted, exactly the staged set; optionally
 * no empty folders.
 */
final class StagingInvariants {
    private StagingInvariants() {}

    /** @param staged the staged files in the v1 order of their entry names, as {@link Packer#pack} returns them: looked up by binary search */
    static void check(Path stagingRoot, List<StagedFile> staged, Classifier classifier, boolean forbidEmptyDirs) {
        // Each file found is marked in a bit set; the unmarked were never found. No set of every path is built.
        List<String> expected = staged.stream().map(StagedFile::relativePath).toList();
        BitSet found = new BitSet(expected.size());
        List<String> violations = new ArrayList<>();
        try {
            Files.walkFileTree(stagingRoot, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (forbidEmptyDirs) {
                        try (var children = Files.list(dir)) {
                            if (children.findAny().isEmpty()) {
                                violations.add("empty folder " + TreeScanner.relative(stagingRoot, dir)
                                        + " (no eligible files; --forbid-empty-dirs)");
                            }
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    // Staged under its entry name; composed again, in case the file system decomposed it.
                    String rel = EntryName.of(TreeScanner.relative(stagingRoot, file));
                    int index = Collections.binarySearch(expected, rel, PathOrder.UTF8_BYTES);
                    boolean wasStaged = index >= 0 && !found.get(index);
                    if (index >= 0) {
                        found.set(index);
                    }
                    ScannedEntry.Kind kind = attrs.isRegularFile() ? ScannedEntry.Kind.REGULAR
                            : attrs.isSymbolicLink() ? ScannedEntry.Kind.SYMLINK : ScannedEntry.Kind.SPECIAL;
                    Decision decision = classifier.classify(new ScannedEntry(rel, stagingRoot, kind, attrs.size(), 0, null));
                    if (decision instanceof Decision.Excluded excluded) {
                        violations.add(rel + " is " + excluded.reason().code());
                    } else if (!wasStaged) {
                        violations.add(rel + " was not staged by this run");
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new PrezipException(ErrorCode.PZ_IO, "cannot check staging folder " + stagingRoot + ": " + e, e);
        }
        for (int i = found.nextClearBit(0); i < expected.size(); i = found.nextClearBit(i + 1)) {
            violations.add(expected.get(i) + " is missing from staging");
        }
        if (!violations.isEmpty()) {
            throw new PrezipException(ErrorCode.PZ_INVARIANT, String.join("; ", violations));
        }
    }
}
