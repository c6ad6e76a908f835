import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The spec's invariants, checked on the staging tree itself (not on the plan) just before zipping:
 * only regular files, nothing hidden, nothing banned or unlisted, exactly the staged set; optionally
 * no empty folders.
 */
final class StagingInvariants {
    private StagingInvariants() {}

    static void check(Path stagingRoot, List<StagedFile> staged, Classifier classifier, boolean forbidEmptyDirs) {
        Set<String> expected = new HashSet<>();
        staged.forEach(f -> expected.add(f.relativePath()));
        Set<String> found = new HashSet<>();
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
                    String rel = TreeScanner.relative(stagingRoot, file);
                    found.add(rel);
                    ScannedEntry.Kind kind = attrs.isRegularFile() ? ScannedEntry.Kind.REGULAR
                            : attrs.isSymbolicLink() ? ScannedEntry.Kind.SYMLINK : ScannedEntry.Kind.SPECIAL;
                    Decision decision = classifier.classify(new ScannedEntry(rel, stagingRoot, kind, attrs.size(), 0, null));
                    if (decision instanceof Decision.Excluded excluded) {
                        violations.add(rel + " is " + excluded.reason().code());
                    } else if (!expected.contains(rel)) {
                        violations.add(rel + " was not staged by this run");
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new PrezipException(ErrorCode.PZ_IO, "cannot check staging folder " + stagingRoot + ": " + e, e);
        }
        expected.stream().filter(p -> !found.contains(p)).sorted()
                .forEach(p -> violations.add(p + " is missing from staging"));
        if (!violations.isEmpty()) {
            throw new PrezipException(ErrorCode.PZ_INVARIANT, String.join("; ", violations));
        }
    }
}
