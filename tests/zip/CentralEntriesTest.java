package zip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CentralEntriesTest {
    @Test
    void everyEntryComesBackAsItWasAddedAcrossGrowth() {
        CentralEntries entries = new CentralEntries();
        for (int i = 0; i < 1_000; i++) {
            entries.add(header(i));
        }
        assertEquals(1_000, entries.size());
        for (int i = 0; i < 1_000; i++) {
            assertEquals(header(i), entries.get(i));
        }
    }

    static EntryHeader header(int i) {
        return new EntryHeader("f" + i, i % 3 != 0, i * 0x9E3779B9, i * 7L, (i * 11L) << 20, (long) i << 30);
    }
}
