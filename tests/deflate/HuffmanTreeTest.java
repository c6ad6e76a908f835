package deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Codes within their length limit, complete (Kraft equality), canonical, and priced as written. */
class HuffmanTreeTest {
    static HuffmanTree literals() {
        return new HuffmanTree(Rfc1951.LENGTH_LITERAL_CODES, Rfc1951.MAX_CODE_BITS, Rfc1951.FIXED_LENGTH_LITERAL_LENGTHS,
                Rfc1951.LENGTH_EXTRA_BITS, Rfc1951.LITERALS + 1);
    }

    static HuffmanTree distances() {
        return new HuffmanTree(Rfc1951.DISTANCE_CODES, Rfc1951.MAX_CODE_BITS, Rfc1951.FIXED_DISTANCE_LENGTHS,
                Rfc1951.DISTANCE_EXTRA_BITS, 0);
    }

    static HuffmanTree codeLengths() {
        return new HuffmanTree(Rfc1951.CODE_LENGTH_CODES, Rfc1951.MAX_CODE_LENGTH_BITS, null, Rfc1951.CODE_LENGTH_EXTRA_BITS, 0);
    }

    static HuffmanTree built(HuffmanTree tree, int... frequencies) {
        tree.clear();
        System.arraycopy(frequencies, 0, tree.frequency, 0, frequencies.length);
        tree.build();
        return tree;
    }

    /** Sum of 2^(limit - length) over the used symbols: 2^limit exactly for a complete prefix code. */
    static long kraft(HuffmanTree tree, int limit) {
        long sum = 0;
        for (int n = 0; n <= tree.maxSymbol; n++) {
            if (tree.length[n] != 0) {
                sum += 1L << (limit - tree.length[n]);
            }
        }
        return sum;
    }

    static int[] fibonacci(int count) {
        int[] counts = new int[count];
        for (int i = 0; i < count; i++) {
            counts[i] = i < 2 ? 1 : counts[i - 1] + counts[i - 2];
        }
        return counts;
    }

    static int longest(HuffmanTree tree) {
        int longest = 0;
        for (int length : tree.length) {
            longest = Math.max(longest, length);
        }
        return longest;
    }

    @Test
    void fibonacciCountsAreCutToEachAlphabetsLimitAndStayComplete() {
        // Fibonacci counts give the deepest tree there is: 30 symbols would need 29 bits, 19 would need 18.
        HuffmanTree distances = built(distances(), fibonacci(30));
        assertEquals(Rfc1951.MAX_CODE_BITS, longest(distances), "cut to 15 bits, not shorter than needed");
        assertEquals(1L << Rfc1951.MAX_CODE_BITS, kraft(distances, Rfc1951.MAX_CODE_BITS));

        HuffmanTree codeLengths = built(codeLengths(), fibonacci(19));
        assertEquals(Rfc1951.MAX_CODE_LENGTH_BITS, longest(codeLengths));
        assertEquals(1L << Rfc1951.MAX_CODE_LENGTH_BITS, kraft(codeLengths, Rfc1951.MAX_CODE_LENGTH_BITS));

        // The literal alphabet with the 40 largest Fibonacci counts spread over it, and the rest once.
        int[] counts = new int[Rfc1951.LENGTH_LITERAL_CODES];
        java.util.Arrays.fill(counts, 1);
        int[] fib = fibonacci(40);
        for (int i = 0; i < fib.length; i++) {
            counts[i * 7] = fib[i];
        }
        HuffmanTree literals = built(literals(), counts);
        assertEquals(Rfc1951.MAX_CODE_BITS, longest(literals));
        assertEquals(1L << Rfc1951.MAX_CODE_BITS, kraft(literals, Rfc1951.MAX_CODE_BITS));
        assertMoreFrequentIsNeverLonger(literals);
        assertPriceIsTheCodesCost(literals);
    }

    @Test
    void randomFrequenciesGiveCompleteCodesWithinTheLimitAndTheOptimalCostWhenNothingWasCut() {
        Random random = new Random(24);
        for (int round = 0; round < 300; round++) {
            HuffmanTree tree = round % 3 == 0 ? literals() : round % 3 == 1 ? distances() : codeLengths();
            int limit = round % 3 == 2 ? Rfc1951.MAX_CODE_LENGTH_BITS : Rfc1951.MAX_CODE_BITS;
            int[] counts = new int[tree.frequency.length];
            int used = 2 + random.nextInt(counts.length - 1);
            for (int i = 0; i < used; i++) {
                counts[random.nextInt(counts.length)] = 1 + (int) Math.pow(random.nextInt(100), 1 + random.nextInt(2));
            }
            built(tree, counts);
            assertTrue(longest(tree) <= limit, "round " + round);
            assertEquals(1L << limit, kraft(tree, limit), "round " + round + ": complete");
            assertMoreFrequentIsNeverLonger(tree);
            assertPriceIsTheCodesCost(tree);
            long[] optimal = optimalCostAndDepth(counts);
            if (optimal[1] <= limit) {
                assertEquals(optimal[0], codeBits(tree), "round " + round + ": an optimal code when no length was cut");
            } else {
                assertTrue(codeBits(tree) >= optimal[0], "round " + round + ": cut lengths cost more");
            }
        }
    }

    @Test
    void noSymbolGetsTwoForcedCodesOfOneBitThatCostNothing() {
        // DEFLATE sends at least one distance code, and a code of one symbol would be no code: zlib gives the
        // first free symbols (0, 1; or the next after the one used when it is 0 or 1) a count of one.
        HuffmanTree none = built(distances());
        assertEquals(1, none.length[0]);
        assertEquals(1, none.length[1]);
        assertEquals(1, none.maxSymbol);
        assertEquals(0, none.optimalBits, "forced codes are not priced");
        assertEquals(0, none.fixedBits);

        HuffmanTree one = built(distances(), 0, 0, 0, 9);
        assertEquals(1, one.length[3]);
        assertEquals(1, one.length[0], "the forced code is symbol 0 when the used one is above 1");
        assertEquals(3, one.maxSymbol);
        assertEquals(9, one.optimalBits, "nine symbols of one bit (distance code 3 has no extra bits), the forced one free");

        HuffmanTree zero = built(distances(), 4);
        assertEquals(1, zero.length[0]);
        assertEquals(1, zero.length[1]);
        assertEquals(1, zero.maxSymbol);

        HuffmanTree first = built(distances(), 0, 4);
        assertEquals(0, first.length[0], "with symbol 1 used the forced one is 2, not 0");
        assertEquals(1, first.length[1]);
        assertEquals(1, first.length[2]);
        assertEquals(2, first.maxSymbol);
    }

    @Test
    void canonicalCodesAreTheRfcsExample() {
        // RFC 1951, 3.2.2: lengths (3, 3, 3, 3, 3, 2, 4, 4) give 010 011 100 101 110 00 1110 1111.
        int[] codes = HuffmanTree.codesOf(new int[] {3, 3, 3, 3, 3, 2, 4, 4});
        int[] lengths = {3, 3, 3, 3, 3, 2, 4, 4};
        int[] expected = {0b010, 0b011, 0b100, 0b101, 0b110, 0b00, 0b1110, 0b1111};
        for (int i = 0; i < codes.length; i++) {
            assertEquals(expected[i], reverse(codes[i], lengths[i]), "symbol " + i + ", sent first bit first");
        }
    }

    @Test
    void theFixedLiteralCodesAreTheRfcs() {
        // RFC 1951, 3.2.6: 0-143 from 00110000, 144-255 from 110010000, 256-279 from 0000000, 280-287 from 11000000.
        int[] codes = HuffmanTree.codesOf(Rfc1951.FIXED_LENGTH_LITERAL_LENGTHS);
        for (int n = 0; n < 288; n++) {
            int expected = n < 144 ? 0b00110000 + n : n < 256 ? 0b110010000 + n - 144 : n < 280 ? n - 256 : 0b11000000 + n - 280;
            assertEquals(expected, reverse(codes[n], Rfc1951.FIXED_LENGTH_LITERAL_LENGTHS[n]), "symbol " + n);
        }
        int[] distanceCodes = HuffmanTree.codesOf(Rfc1951.FIXED_DISTANCE_LENGTHS);
        for (int n = 0; n < 30; n++) {
            assertEquals(n, reverse(distanceCodes[n], 5));
        }
    }

    @Test
    void buildingAgainForgetsTheLastBlock() {
        HuffmanTree tree = built(literals(), fibonacci(40));
        int[] lengths = tree.length.clone();
        built(tree, 5, 5, 5, 5);
        assertArrayEquals(new int[] {2, 2, 2, 2}, java.util.Arrays.copyOf(tree.length, 4));
        assertEquals(3, tree.maxSymbol);
        for (int n = 4; n < tree.length.length; n++) {
            assertEquals(0, tree.length[n], "symbol " + n + " was in the last block, not this one");
        }
        built(tree, fibonacci(40));
        assertArrayEquals(lengths, tree.length);
    }

    @Test
    void bothPricesCountTheExtraBitsOfLengthCodes() {
        int[] counts = new int[Rfc1951.LENGTH_LITERAL_CODES];
        counts['a'] = 10;
        counts[Rfc1951.END_OF_BLOCK] = 1;
        counts[Rfc1951.LITERALS + 1 + 27] = 3; // length code 284: 5 extra bits
        HuffmanTree tree = built(literals(), counts);
        assertEquals(10L * tree.length['a'] + tree.length[256] + 3L * (tree.length[284] + 5), tree.optimalBits);
        assertEquals(10L * 8 + 7 + 3L * (8 + 5), tree.fixedBits);
    }

    static void assertMoreFrequentIsNeverLonger(HuffmanTree tree) {
        for (int a = 0; a <= tree.maxSymbol; a++) {
            for (int b = 0; b <= tree.maxSymbol; b++) {
                if (tree.frequency[a] > tree.frequency[b] && tree.frequency[b] > 0) {
                    assertTrue(tree.length[a] <= tree.length[b], "symbol " + a + " is more frequent than " + b);
                }
            }
        }
    }

    /** The prices are what the symbols cost: in this code and in the fixed one, extra bits included. */
    static void assertPriceIsTheCodesCost(HuffmanTree tree) {
        long own = 0;
        long fixed = 0;
        for (int n = 0; n < tree.frequency.length; n++) {
            int extra = extraBits(tree, n);
            own += (long) tree.frequency[n] * (tree.length[n] + extra);
            if (tree.frequency.length != Rfc1951.CODE_LENGTH_CODES) {
                int[] fixedLengths = tree.frequency.length == Rfc1951.DISTANCE_CODES ? Rfc1951.FIXED_DISTANCE_LENGTHS
                        : Rfc1951.FIXED_LENGTH_LITERAL_LENGTHS;
                fixed += (long) tree.frequency[n] * (fixedLengths[n] + extra);
            }
        }
        assertEquals(own, tree.optimalBits);
        if (tree.frequency.length != Rfc1951.CODE_LENGTH_CODES) {
            assertEquals(fixed, tree.fixedBits);
        }
    }

    static int extraBits(HuffmanTree tree, int n) {
        return switch (tree.frequency.length) {
            case Rfc1951.LENGTH_LITERAL_CODES -> n > Rfc1951.LITERALS ? Rfc1951.LENGTH_EXTRA_BITS[n - Rfc1951.LITERALS - 1] : 0;
            case Rfc1951.DISTANCE_CODES -> Rfc1951.DISTANCE_EXTRA_BITS[n];
            default -> Rfc1951.CODE_LENGTH_EXTRA_BITS[n];
        };
    }

    /** The code's own bits, without extra bits. */
    static long codeBits(HuffmanTree tree) {
        long bits = 0;
        for (int n = 0; n < tree.frequency.length; n++) {
            bits += (long) tree.frequency[n] * tree.length[n];
        }
        return bits;
    }

    /** An optimal prefix code's cost (the sum of every merge) and depth, by the textbook merge of the two least. */
    static long[] optimalCostAndDepth(int[] counts) {
        PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        for (int count : counts) {
            if (count > 0) {
                queue.add(new long[] {count, 0});
            }
        }
        long cost = 0;
        while (queue.size() > 1) {
            long[] a = queue.poll();
            long[] b = queue.poll();
            cost += a[0] + b[0];
            queue.add(new long[] {a[0] + b[0], Math.max(a[1], b[1]) + 1});
        }
        return new long[] {cost, queue.isEmpty() ? 0 : queue.peek()[1]};
    }

    static int reverse(int value, int bits) {
        return Integer.reverse(value) >>> (32 - bits);
    }
}
