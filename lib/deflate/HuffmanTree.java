package deflate;

/**
 * One alphabet's Huffman code for one block, built as classic zlib builds it, because the code lengths are
 * part of the output: a min-heap of symbols by frequency, ties broken by the depth of the subtree (the
 * shallower first), two nodes merged at a time; lengths past the alphabet's limit moved down as zlib's
 * {@code gen_bitlen} does (taking the idea from Haruhiko Okumura's {@code ar}); canonical codes from the
 * lengths (RFC 1951, 3.2.2), kept bit-reversed so they can be sent least significant bit first.
 *
 * <p>Building also prices the block: what the symbols cost in this code and, where the alphabet has a
 * fixed code, in that one (each with their extra bits), which decides the block's type.
 */
final class HuffmanTree {
    private final int symbols;
    private final int maxLength;
    /** The fixed code's lengths, or null for the code-length alphabet, which has none. */
    private final int[] fixedLengths;
    /** Extra bits per symbol from {@link #extraBase} on. */
    private final int[] extraBits;
    private final int extraBase;

    /** How often each symbol occurs in the block; the caller counts, {@link #clear} forgets. */
    final int[] frequency;
    /** Per symbol, its code length (0: unused) and its code bit-reversed, once built. */
    final int[] length;
    final int[] code;
    /** The largest symbol with a code (zlib's {@code max_code}). */
    int maxSymbol;
    /** What the block's symbols of this alphabet cost in bits in this code, and in the fixed code. */
    long optimalBits;
    long fixedBits;

    // Work arrays: leaves 0..symbols-1, inner nodes after them.
    private final int[] nodeFrequency;
    private final int[] parent;
    private final int[] depth;
    private final int[] heap;
    private final int heapSize;
    private final int[] lengthCount = new int[Rfc1951.MAX_CODE_BITS + 1];

    HuffmanTree(int symbols, int maxLength, int[] fixedLengths, int[] extraBits, int extraBase) {
        this.symbols = symbols;
        this.maxLength = maxLength;
        this.fixedLengths = fixedLengths;
        this.extraBits = extraBits;
        this.extraBase = extraBase;
        this.frequency = new int[symbols];
        this.length = new int[symbols];
        this.code = new int[symbols];
        this.heapSize = 2 * symbols + 1;
        this.nodeFrequency = new int[heapSize];
        this.parent = new int[heapSize];
        this.depth = new int[heapSize];
        this.heap = new int[heapSize];
    }

    void clear() {
        java.util.Arrays.fill(frequency, 0);
    }

    /** Builds the code from {@link #frequency}: sets lengths, codes, {@link #maxSymbol} and both prices. */
    void build() {
        optimalBits = 0;
        fixedBits = 0;
        int heapLength = 0;
        int max = -1;
        for (int n = 0; n < symbols; n++) {
            nodeFrequency[n] = frequency[n];
            if (frequency[n] != 0) {
                heap[++heapLength] = max = n;
                depth[n] = 0;
            } else {
                length[n] = 0;
            }
        }
        // DEFLATE needs at least one distance code, and a code of one symbol still sends one bit: like zlib,
        // two symbols are given a count of one (and their cost taken back out of the price).
        while (heapLength < 2) {
            int forced = max < 2 ? ++max : 0;
            heap[++heapLength] = forced;
            nodeFrequency[forced] = 1;
            depth[forced] = 0;
            optimalBits--;
            if (fixedLengths != null) {
                fixedBits -= fixedLengths[forced];
            }
        }
        maxSymbol = max;
        for (int k = heapLength / 2; k >= 1; k--) {
            siftDown(k, heapLength);
        }
        int sorted = heapSize;
        int node = symbols;
        do {
            int least = heap[1];
            heap[1] = heap[heapLength--];
            siftDown(1, heapLength);
            int next = heap[1];
            heap[--sorted] = least;
            heap[--sorted] = next;
            nodeFrequency[node] = nodeFrequency[least] + nodeFrequency[next];
            depth[node] = Math.max(depth[least], depth[next]) + 1;
            parent[least] = parent[next] = node;
            heap[1] = node++;
            siftDown(1, heapLength);
        } while (heapLength >= 2);
        heap[--sorted] = heap[1];
        assignLengths(sorted);
        assignCodes();
    }

    /** zlib's ordering: by frequency, then the shallower subtree first (which keeps codes short). */
    private boolean before(int a, int b) {
        return nodeFrequency[a] < nodeFrequency[b] || (nodeFrequency[a] == nodeFrequency[b] && depth[a] <= depth[b]);
    }

    private void siftDown(int k, int heapLength) {
        int moving = heap[k];
        int child = k << 1;
        while (child <= heapLength) {
            if (child < heapLength && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (before(moving, heap[child])) {
                break;
            }
            heap[k] = heap[child];
            k = child;
            child <<= 1;
        }
        heap[k] = moving;
    }

    /**
     * Lengths from the tree, root first (heap[sorted..] holds the nodes from the root down); leaves past the
     * limit are then redistributed by count, and given to the symbols again in order of frequency.
     */
    private void assignLengths(int sorted) {
        java.util.Arrays.fill(lengthCount, 0);
        int[] nodeLength = parent; // a node's parent is read before its own length is written: reuse the array
        nodeLength[heap[sorted]] = 0; // the root
        int overflow = 0;
        for (int h = sorted + 1; h < heapSize; h++) {
            int n = heap[h];
            int bits = nodeLength[parent[n]] + 1;
            if (bits > maxLength) {
                bits = maxLength;
                overflow++;
            }
            nodeLength[n] = bits;
            if (n > maxSymbol) {
                continue;
            }
            length[n] = bits;
            lengthCount[bits]++;
            int extra = n >= extraBase ? extraBits[n - extraBase] : 0;
            optimalBits += (long) nodeFrequency[n] * (bits + extra);
            if (fixedLengths != null) {
                fixedBits += (long) nodeFrequency[n] * (fixedLengths[n] + extra);
            }
        }
        if (overflow == 0) {
            return;
        }
        do {
            int bits = maxLength - 1;
            while (lengthCount[bits] == 0) {
                bits--;
            }
            lengthCount[bits]--;
            lengthCount[bits + 1] += 2;
            lengthCount[maxLength]--;
            overflow -= 2;
        } while (overflow > 0);
        int h = heapSize;
        for (int bits = maxLength; bits != 0; bits--) {
            for (int count = lengthCount[bits]; count != 0; ) {
                int m = heap[--h];
                if (m > maxSymbol) {
                    continue;
                }
                if (length[m] != bits) {
                    optimalBits += ((long) bits - length[m]) * nodeFrequency[m];
                    length[m] = bits;
                }
                count--;
            }
        }
    }

    private void assignCodes() {
        canonicalCodes(length, maxSymbol, lengthCount, code);
    }

    /** The canonical codes of given lengths, bit-reversed: how the fixed code is made. */
    static int[] codesOf(int[] lengths) {
        int[] count = new int[Rfc1951.MAX_CODE_BITS + 1];
        for (int len : lengths) {
            count[len]++;
        }
        count[0] = 0;
        int[] codes = new int[lengths.length];
        canonicalCodes(lengths, lengths.length - 1, count, codes);
        return codes;
    }

    /** RFC 1951, 3.2.2: codes of one length consecutive, shorter codes first; stored bit-reversed. */
    private static void canonicalCodes(int[] lengths, int maxSymbol, int[] countPerLength, int[] codes) {
        int[] next = new int[Rfc1951.MAX_CODE_BITS + 1];
        int value = 0;
        for (int bits = 1; bits <= Rfc1951.MAX_CODE_BITS; bits++) {
            value = (value + countPerLength[bits - 1]) << 1;
            next[bits] = value;
        }
        for (int n = 0; n <= maxSymbol; n++) {
            if (lengths[n] != 0) {
                codes[n] = reverse(next[lengths[n]]++, lengths[n]);
            }
        }
    }

    private static int reverse(int value, int bits) {
        return Integer.reverse(value) >>> (32 - bits);
    }
}
