package verify;

import java.util.SplittableRandom;

/**
 * A set of 64-bit string hashes in one array kept at most half full: 16 to 32 bytes per element, where
 * a HashSet of the strings would cost the strings and about 50 bytes more. The hash is seeded per run, so names cannot
 * be chosen to collide; two different names colliding (about 1 in 10^7 for a million names) would be
 * taken as one.
 */
final class LongHashSet {
    /** Table sizes stay powers of two, at most half full, so a probe run stays short. */
    private static final int INITIAL_CAPACITY = 64;
    /** Marks an empty slot; a hash of this value is stored as {@link #ZERO_STANDIN}. */
    private static final long EMPTY = 0;
    private static final long ZERO_STANDIN = 1;
    private static final long SEED = new SplittableRandom().nextLong() | 1;

    private long[] table = new long[INITIAL_CAPACITY];
    private int size;

    /** A seeded 64-bit hash of the name's characters (multiply-xorshift per character, mixed at the end). */
    static long hash(String name) {
        long h = SEED;
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        h ^= name.length();
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 31);
    }

    /** Adds a hash; false when it was there already. */
    boolean add(long hash) {
        long key = hash == EMPTY ? ZERO_STANDIN : hash;
        if (2 * (size + 1) > table.length) {
            grow();
        }
        int mask = table.length - 1;
        for (int slot = (int) key & mask; ; slot = (slot + 1) & mask) {
            if (table[slot] == key) {
                return false;
            }
            if (table[slot] == EMPTY) {
                table[slot] = key;
                size++;
                return true;
            }
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long key : old) {
            if (key != EMPTY) {
                int slot = (int) key & mask;
                while (table[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = key;
            }
        }
    }
}
