package deflate;

/**
 * The fixed parts of DEFLATE (RFC 1951, section 3.2.5 to 3.2.7): how lengths and distances map to codes and
 * extra bits, the fixed Huffman code lengths, and the order in which a dynamic block sends its code-length
 * code. Nothing here is a choice of ours: every encoder and decoder shares these values.
 */
final class Rfc1951 {
    /** Literal bytes take codes 0-255 of the literal/length alphabet. */
    static final int LITERALS = 256;
    /** The code that ends a block. */
    static final int END_OF_BLOCK = 256;
    /** Codes a block may use: 256 literals, end of block, 29 length codes (286 and 287 are never sent). */
    static final int LENGTH_LITERAL_CODES = 286;
    /** The fixed code has lengths for all 288 codes, 286 and 287 included. */
    static final int FIXED_LENGTH_LITERAL_CODES = 288;
    static final int DISTANCE_CODES = 30;
    /** The code-length alphabet: lengths 0-15, then the three repeat codes. */
    static final int CODE_LENGTH_CODES = 19;
    /** Repeat the previous length 3-6 times (2 extra bits). */
    static final int REPEAT_PREVIOUS = 16;
    /** Repeat a zero length 3-10 times (3 extra bits). */
    static final int REPEAT_ZERO_SHORT = 17;
    /** Repeat a zero length 11-138 times (7 extra bits). */
    static final int REPEAT_ZERO_LONG = 18;
    /** No literal/length or distance code is longer. */
    static final int MAX_CODE_BITS = 15;
    /** No code-length code is longer. */
    static final int MAX_CODE_LENGTH_BITS = 7;
    static final int MIN_MATCH = 3;
    static final int MAX_MATCH = 258;
    /** The window a distance can reach. */
    static final int WINDOW_BYTES = 32 << 10;

    /** Block types, as the 2 bits after BFINAL say. */
    static final int STORED_BLOCK = 0;
    static final int FIXED_BLOCK = 1;
    static final int DYNAMIC_BLOCK = 2;

    /** Extra bits of length codes 257-285. */
    static final int[] LENGTH_EXTRA_BITS = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5,
            5, 5, 0};
    /** Extra bits of distance codes 0-29. */
    static final int[] DISTANCE_EXTRA_BITS = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11,
            11, 12, 12, 13, 13};
    /** Extra bits of code-length codes 0-18. */
    static final int[] CODE_LENGTH_EXTRA_BITS = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7};
    /** The order a dynamic block sends the code-length code's lengths in (rarely used ones last, so they can be cut). */
    static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    /** Per length code (0-28, i.e. symbol 257 + code), the smallest match length minus 3 it stands for. */
    static final int[] LENGTH_BASE = new int[29];
    /** Per distance code, the smallest distance minus 1 it stands for. */
    static final int[] DISTANCE_BASE = new int[DISTANCE_CODES];
    /** Per match length minus 3 (0-255), its length code (0-28). */
    private static final byte[] LENGTH_CODE = new byte[256];
    /** Per distance minus 1 below 256, its code; above, per (distance - 1) >> 7: two tables cover all 32 Ki. */
    private static final byte[] DISTANCE_CODE = new byte[512];

    /** The fixed code's lengths (section 3.2.6). */
    static final int[] FIXED_LENGTH_LITERAL_LENGTHS = new int[FIXED_LENGTH_LITERAL_CODES];
    static final int[] FIXED_DISTANCE_LENGTHS = new int[DISTANCE_CODES];

    static {
        int length = 0;
        for (int code = 0; code < 28; code++) {
            LENGTH_BASE[code] = length;
            for (int n = 0; n < 1 << LENGTH_EXTRA_BITS[code]; n++) {
                LENGTH_CODE[length++] = (byte) code;
            }
        }
        // Length 258 has a code of its own (285) though 227 + 31 would reach it with code 284's extra bits.
        LENGTH_BASE[28] = MAX_MATCH - MIN_MATCH;
        LENGTH_CODE[MAX_MATCH - MIN_MATCH] = 28;
        int distance = 0;
        for (int code = 0; code < DISTANCE_CODES; code++) {
            DISTANCE_BASE[code] = distance;
            for (int n = 0; n < 1 << DISTANCE_EXTRA_BITS[code]; n++, distance++) {
                if (distance < 256) {
                    DISTANCE_CODE[distance] = (byte) code;
                } else if ((distance & 127) == 0) {
                    DISTANCE_CODE[256 + (distance >> 7)] = (byte) code;
                }
            }
        }
        for (int n = 0; n < FIXED_LENGTH_LITERAL_CODES; n++) {
            FIXED_LENGTH_LITERAL_LENGTHS[n] = n < 144 ? 8 : n < 256 ? 9 : n < 280 ? 7 : 8;
        }
        java.util.Arrays.fill(FIXED_DISTANCE_LENGTHS, 5);
    }

    private Rfc1951() {}

    /** The length code (0-28) of a match length minus 3. */
    static int lengthCode(int lengthMinus3) {
        return LENGTH_CODE[lengthMinus3];
    }

    /** The distance code (0-29) of a distance minus 1. */
    static int distanceCode(int distanceMinus1) {
        return distanceMinus1 < 256 ? DISTANCE_CODE[distanceMinus1] : DISTANCE_CODE[256 + (distanceMinus1 >> 7)];
    }
}
