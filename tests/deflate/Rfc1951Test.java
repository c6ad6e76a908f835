package deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tables against RFC 1951's own (section 3.2.5 to 3.2.7), written out here as the RFC gives them. */
class Rfc1951Test {
    /** Section 3.2.5, the length codes: code, extra bits, the lengths it stands for. */
    static final String LENGTHS = """
            257 0 3     258 0 4     259 0 5     260 0 6     261 0 7     262 0 8     263 0 9     264 0 10
            265 1 11-12 266 1 13-14 267 1 15-16 268 1 17-18
            269 2 19-22 270 2 23-26 271 2 27-30 272 2 31-34
            273 3 35-42 274 3 43-50 275 3 51-58 276 3 59-66
            277 4 67-82 278 4 83-98 279 4 99-114 280 4 115-130
            281 5 131-162 282 5 163-194 283 5 195-226 284 5 227-257
            285 0 258
            """;
    /** Section 3.2.5, the distance codes: code, extra bits, the distances it stands for. */
    static final String DISTANCES = """
            0 0 1   1 0 2   2 0 3   3 0 4   4 1 5-6   5 1 7-8   6 2 9-12   7 2 13-16   8 3 17-24   9 3 25-32
            10 4 33-48   11 4 49-64   12 5 65-96   13 5 97-128   14 6 129-192   15 6 193-256   16 7 257-384
            17 7 385-512   18 8 513-768   19 8 769-1024   20 9 1025-1536   21 9 1537-2048   22 10 2049-3072
            23 10 3073-4096   24 11 4097-6144   25 11 6145-8192   26 12 8193-12288   27 12 12289-16384
            28 13 16385-24576   29 13 24577-32768
            """;

    /** One row of a table: a code, its extra bits, and the first and last value it stands for. */
    record Row(int code, int extraBits, int first, int last) {}

    static List<Row> rows(String table) {
        String[] tokens = table.strip().split("\\s+");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < tokens.length; i += 3) {
            String[] range = tokens[i + 2].split("-");
            int first = Integer.parseInt(range[0]);
            rows.add(new Row(Integer.parseInt(tokens[i]), Integer.parseInt(tokens[i + 1]), first,
                    range.length > 1 ? Integer.parseInt(range[1]) : first));
        }
        return rows;
    }

    @Test
    void everyLengthFrom3To258HasTheRfcsCodeBaseAndExtraBits() {
        List<Row> rows = rows(LENGTHS);
        assertEquals(29, rows.size());
        int covered = 0;
        for (Row row : rows) {
            int code = row.code() - 257;
            assertEquals(row.extraBits(), Rfc1951.LENGTH_EXTRA_BITS[code], "extra bits of length code " + row.code());
            assertEquals(row.first() - 3, Rfc1951.LENGTH_BASE[code], "first length of code " + row.code());
            for (int length = row.first(); length <= row.last(); length++, covered++) {
                assertEquals(code, Rfc1951.lengthCode(length - 3), "length " + length);
                // The extra bits can say how far past the code's first length this one is.
                assertTrue(length - row.first() < 1 << row.extraBits(), "length " + length + " fits its extra bits");
            }
        }
        assertEquals(258 - 3 + 1, covered, "the table covers 3..258 once");
    }

    @Test
    void everyDistanceFrom1To32768HasTheRfcsCodeBaseAndExtraBits() {
        List<Row> rows = rows(DISTANCES);
        assertEquals(Rfc1951.DISTANCE_CODES, rows.size());
        int covered = 0;
        for (Row row : rows) {
            assertEquals(row.extraBits(), Rfc1951.DISTANCE_EXTRA_BITS[row.code()], "extra bits of distance code " + row.code());
            assertEquals(row.first() - 1, Rfc1951.DISTANCE_BASE[row.code()], "first distance of code " + row.code());
            assertEquals(1 << row.extraBits(), row.last() - row.first() + 1, "code " + row.code() + "'s range is its extra bits'");
            for (int distance = row.first(); distance <= row.last(); distance++, covered++) {
                assertEquals(row.code(), Rfc1951.distanceCode(distance - 1), "distance " + distance);
            }
        }
        assertEquals(32_768, covered, "the table covers 1..32768 once");
    }

    @Test
    void theFixedCodeHasTheRfcsLengths() {
        // Section 3.2.6: 0-143 eight bits, 144-255 nine, 256-279 seven, 280-287 eight; every distance five.
        int[][] spans = {{0, 143, 8}, {144, 255, 9}, {256, 279, 7}, {280, 287, 8}};
        for (int[] span : spans) {
            for (int symbol = span[0]; symbol <= span[1]; symbol++) {
                assertEquals(span[2], Rfc1951.FIXED_LENGTH_LITERAL_LENGTHS[symbol], "symbol " + symbol);
            }
        }
        assertEquals(288, Rfc1951.FIXED_LENGTH_LITERAL_LENGTHS.length);
        assertArrayEquals(new int[] {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5},
                Rfc1951.FIXED_DISTANCE_LENGTHS);
    }

    @Test
    void theCodeLengthAlphabetIsTheRfcs() {
        // Section 3.2.7: the order of the code length code's lengths, and the repeat codes' extra bits.
        assertArrayEquals(new int[] {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}, Rfc1951.CODE_LENGTH_ORDER);
        assertEquals(2, Rfc1951.CODE_LENGTH_EXTRA_BITS[Rfc1951.REPEAT_PREVIOUS]);
        assertEquals(3, Rfc1951.CODE_LENGTH_EXTRA_BITS[Rfc1951.REPEAT_ZERO_SHORT]);
        assertEquals(7, Rfc1951.CODE_LENGTH_EXTRA_BITS[Rfc1951.REPEAT_ZERO_LONG]);
        for (int length = 0; length < 16; length++) {
            assertEquals(0, Rfc1951.CODE_LENGTH_EXTRA_BITS[length], "a literal code length has no extra bits");
        }
        assertEquals(256, Rfc1951.END_OF_BLOCK);
        assertEquals(286, Rfc1951.LENGTH_LITERAL_CODES);
    }
}
