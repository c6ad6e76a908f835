package inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import report.StagerReport;
import scan.TreeScanner;
import support.TempTrees;

/** A content folder counted by extension, as the allowlist snapshots it. */
class ExtensionCountTest {
    @TempDir
    Path content;

    ExtensionCount count() {
        return ExtensionCount.of(TreeScanner.scan(content));
    }

    @Test
    void totalsAreFilesAndBytesPerLowercaseExtension() {
        TempTrees.file(content, "a.png", "1");
        TempTrees.file(content, "sub/b.PNG", "22");
        TempTrees.file(content, "c.txt", "333");
        ExtensionCount count = count();
        assertEquals(Map.of("png", new StagerReport.ExtensionTotal(2, 3), "txt", new StagerReport.ExtensionTotal(1, 3)),
                count.byExtension());
        assertEquals(List.of("png", "txt"), List.copyOf(count.byExtension().keySet()));
        assertEquals(Map.of(), count.skipped());
    }

    @Test
    void filesWithNoExtensionOrOneNoAllowlistCanHoldAreListedNotCounted() {
        TempTrees.file(content, "README", "x");
        TempTrees.file(content, "docs/Makefile", "x");
        TempTrees.file(content, "report.", "x");
        TempTrees.file(content, "minutes.final draft", "x");
        TempTrees.file(content, "notes.txt", "x");
        ExtensionCount count = count();
        assertEquals(List.of("README", "docs/Makefile", "report."), count.noExtension());
        assertEquals(List.of("minutes.final draft"), count.unusableExtension());
        assertEquals(List.of("txt"), List.copyOf(count.byExtension().keySet()));
    }

    @Test
    void hiddenEntriesAndLinksAreSkippedByKind() {
        TempTrees.file(content, "a.png", "1");
        TempTrees.file(content, ".DS_Store", "x");
        TempTrees.file(content, "sub/.cache/k.png", "x");
        TempTrees.symlink(content.resolve("link.png"), content.resolve("a.png"));
        TempTrees.symlink(content.resolve(".hidden-link.png"), content.resolve("a.png"));
        ExtensionCount count = count();
        assertEquals(Map.of("hidden", 3, "symlink", 1), count.skipped());
        assertEquals(Map.of("png", new StagerReport.ExtensionTotal(1, 1)), count.byExtension());
    }

    @Test
    void specialFilesAreSkippedByKind() {
        assumeTrue(TempTrees.canMakeFifo(), "needs mkfifo");
        TempTrees.fifo(content.resolve("pipe.png"));
        ExtensionCount count = count();
        assertEquals(Map.of("special", 1), count.skipped());
        assertEquals(Map.of(), count.byExtension());
    }
}
