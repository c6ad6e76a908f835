package changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import errors.ErrorCode;
import errors.PrezipException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import zip.ZipEntryV1;

/** Two deliveries compared as two sorted streams: each kind of change, by path and digest, never by time. */
class ChangeMergeTest {
    static final DeliveryChanges.Previous NAMED = new DeliveryChanges.Previous("/out/p.zip", "ab".repeat(32), "/out/p.zip.manifest.json",
            "cd".repeat(32), "2026-01-01T00:00:00Z", "1.4.0");

    static ChangeMerge.Entry e(String path, char digest, long bytes) {
        return new ChangeMerge.Entry(path, String.valueOf(digest).repeat(64), bytes);
    }

    static ChangeMerge.Cursor cursor(ChangeMerge.Entry... entries) {
        Iterator<ChangeMerge.Entry> it = List.of(entries).iterator();
        return () -> it.hasNext() ? it.next() : null;
    }

    static List<String> paths(List<? extends Record> items) {
        List<String> paths = new ArrayList<>();
        for (Record item : items) {
            paths.add(item instanceof DeliveryChanges.File f ? f.path() : ((DeliveryChanges.Changed) item).path());
        }
        return paths;
    }

    @Test
    void eachKindByPathAndDigest() {
        DeliveryChanges changes = ChangeMerge.compare(NAMED,
                cursor(e("a.txt", 'a', 1), e("b.txt", 'b', 2), e("c.txt", 'c', 3), e("old.txt", 'o', 4)),
                cursor(e("a.txt", 'a', 1), e("b.txt", 'B', 2), e("c.txt", 'c', 30), e("new.txt", 'o', 4), e("z.txt", 'z', 5)));
        assertEquals(new DeliveryChanges.Totals(2, 1, 2, 1), changes.totals());
        assertEquals(List.of("new.txt", "z.txt"), paths(changes.added()));
        assertEquals(List.of("old.txt"), paths(changes.removed()));
        assertEquals(List.of("b.txt", "c.txt"), paths(changes.changed()));
        // A file of the same size with other bytes is changed; its old and new digests and sizes are given.
        assertEquals(new DeliveryChanges.Changed("b.txt", "b".repeat(64), "B".repeat(64), 2, 2), changes.changed().get(0));
        assertEquals(NAMED, changes.previous());
    }

    @Test
    void aRenameIsRemovedAndAddedEvenWithTheSameBytes() {
        DeliveryChanges changes = ChangeMerge.compare(NAMED, cursor(e("x/a.png", 'a', 9)), cursor(e("y/a.png", 'a', 9)));
        assertEquals(new DeliveryChanges.Totals(1, 1, 0, 0), changes.totals());
        assertEquals(List.of(new DeliveryChanges.File("y/a.png", "a".repeat(64), 9)), changes.added());
        assertEquals(List.of(new DeliveryChanges.File("x/a.png", "a".repeat(64), 9)), changes.removed());
    }

    @Test
    void anEmptyPreviousDeliveryMakesEverythingAdded() {
        DeliveryChanges changes = ChangeMerge.compare(NAMED, cursor(), cursor(e("a", 'a', 1), e("b", 'b', 1)));
        assertEquals(new DeliveryChanges.Totals(2, 0, 0, 0), changes.totals());
        DeliveryChanges none = ChangeMerge.compare(NAMED, cursor(e("a", 'a', 1)), cursor());
        assertEquals(new DeliveryChanges.Totals(0, 1, 0, 0), none.totals());
    }

    @Test
    void pathsAreMergedInV1OrderNotJavaStringOrder() {
        // U+1F600 (a surrogate pair) sorts after U+FFFD by UTF-8 bytes, before it as UTF-16 units.
        String emoji = "\uD83D\uDE00.txt";
        String replacement = "\uFFFD.txt";
        DeliveryChanges changes = ChangeMerge.compare(NAMED, cursor(e(replacement, 'r', 1), e(emoji, 'e', 1)),
                cursor(e(replacement, 'r', 1), e(emoji, 'e', 1)));
        assertEquals(new DeliveryChanges.Totals(0, 0, 0, 2), changes.totals());
    }

    @Test
    void aStreamOutOfOrderOrRepeatingAPathIsRefused() {
        PrezipException unordered = assertThrows(PrezipException.class,
                () -> ChangeMerge.compare(NAMED, cursor(e("b", 'b', 1), e("a", 'a', 1)), cursor()));
        assertEquals(ErrorCode.PZ_MANIFEST_INVALID, unordered.code());
        assertThrows(PrezipException.class, () -> ChangeMerge.compare(NAMED, cursor(), cursor(e("a", 'a', 1), e("a", 'a', 1))));
    }

    @Test
    void manifestEntriesAreReadWithTheirDigestAndAnEntryWithoutOneStopsTheComparison() {
        Iterator<ZipEntryV1> entries = List.of(ZipEntryV1.of("a.txt", "0f".repeat(32), 7)).iterator();
        ChangeMerge.Cursor read = ChangeMerge.of(() -> entries.hasNext() ? entries.next() : null);
        assertEquals(new ChangeMerge.Entry("a.txt", "0f".repeat(32), 7), read.next());
        assertEquals(null, read.next());
        Iterator<ZipEntryV1> bad = List.of(new ZipEntryV1("a.txt", "md5:00", 7, "0644")).iterator();
        assertThrows(PrezipException.class, () -> ChangeMerge.of(bad::next).next());
    }
}
