package changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import console.Progress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scan.ScannedEntry;
import support.TempTrees;

/** A dry-run's digests: every eligible file's sha256, in order, whatever the threads. */
class ContentDigestsTest {
    @TempDir
    Path tmp;

    @Test
    void eachFilesSha256InV1OrderOnAnyThreadCount() {
        List<ScannedEntry> entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String name = String.format("f%02d.txt", i);
            String text = "file " + i + "\n".repeat(i * 100);
            TempTrees.file(tmp, name, text);
            entries.add(new ScannedEntry(name, tmp, ScannedEntry.Kind.REGULAR, text.length(), 0, null));
        }
        for (int threads : new int[] {1, 3}) {
            ChangeMerge.Cursor read = ContentDigests.of(entries, threads, Progress.NONE).cursor();
            for (int i = 0; i < 40; i++) {
                String text = "file " + i + "\n".repeat(i * 100);
                assertEquals(new ChangeMerge.Entry(entries.get(i).relativePath(), TempTrees.sha256(text.getBytes(StandardCharsets.UTF_8)),
                        text.length()), read.next());
            }
            assertNull(read.next());
        }
    }
}
