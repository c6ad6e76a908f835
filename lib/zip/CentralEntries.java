package zip;

import java.util.Arrays;
import java.util.BitSet;

/**
 * What the central directory needs of every appended entry, kept from append to finish in parallel
 * arrays: about 33 bytes an entry and no object each (a commit of 100,000 files holds all of them). The
 * name is the caller's own string (the staged file's path), encoded again when written.
 */
final class CentralEntries {
    /** Entries a writer has room for before it first grows: a small delivery never copies the arrays. */
    private static final int INITIAL_CAPACITY = 64;

    private String[] names = new String[INITIAL_CAPACITY];
    private int[] crcs = new int[INITIAL_CAPACITY];
    private long[] compressedSizes = new long[INITIAL_CAPACITY];
    private long[] sizes = new long[INITIAL_CAPACITY];
    private long[] offsets = new long[INITIAL_CAPACITY];
    private final BitSet deflated = new BitSet();
    private int count;

    void add(EntryHeader c) {
        if (count == names.length) {
            int capacity = count + (count >> 1);
            names = Arrays.copyOf(names, capacity);
            crcs = Arrays.copyOf(crcs, capacity);
            compressedSizes = Arrays.copyOf(compressedSizes, capacity);
            sizes = Arrays.copyOf(sizes, capacity);
            offsets = Arrays.copyOf(offsets, capacity);
        }
        names[count] = c.name();
        crcs[count] = c.crc();
        compressedSizes[count] = c.compressedSize();
        sizes[count] = c.size();
        offsets[count] = c.offset();
        deflated.set(count, c.deflated());
        count++;
    }

    EntryHeader get(int i) {
        return new EntryHeader(names[i], deflated.get(i), crcs[i], compressedSizes[i], sizes[i], offsets[i]);
    }

    int size() {
        return count;
    }
}
