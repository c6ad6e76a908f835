package support;

import java.util.ArrayList;
import java.util.List;

/**
 * The blocks of a raw DEFLATE stream, read as RFC 1951 describes them: each block's type, whether it is the
 * last, how many symbols it holds (literals and matches; the end-of-block code not counted) and how many
 * bytes it inflates to. java.util.zip.Inflater cannot say where blocks end; the tests need to, because
 * where classic zlib ends its blocks is part of its output. A reader of its own, independent of the encoder.
 */
public final class DeflateBlocks {
    public static final int STORED = 0;
    public static final int FIXED = 1;
    public static final int DYNAMIC = 2;
    private static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    private static final int MAX_BITS = 15;

    /**
     * One block: its type (0 stored, 1 fixed, 2 dynamic), its BFINAL bit, its symbols, its inflated bytes, and
     * where it ends in the stream (the byte after its last bit).
     */
    public record Block(int type, boolean last, int symbols, int bytes, int end) {}

    private final byte[] in;
    private int position;
    private long bitBuffer;
    private int bitCount;

    private DeflateBlocks(byte[] in) {
        this.in = in;
    }

    /** Every block up to the last, or to the stream's end (a sync-flushed stream has no last block). */
    public static List<Block> read(byte[] stream) {
        DeflateBlocks reader = new DeflateBlocks(stream);
        List<Block> blocks = new ArrayList<>();
        while (!reader.atEnd()) {
            Block block = reader.block();
            blocks.add(block);
            if (block.last()) {
                break;
            }
        }
        return blocks;
    }

    private boolean atEnd() {
        return position >= in.length && bitCount < 8 && (bitBuffer & ((1L << bitCount) - 1)) == 0;
    }

    private Block block() {
        boolean last = bits(1) == 1;
        int type = bits(2);
        return switch (type) {
            case STORED -> stored(last);
            case FIXED -> coded(FIXED, last, fixedLiterals(), fixedDistances());
            case DYNAMIC -> dynamic(last);
            default -> throw new IllegalArgumentException("block type 3 at byte " + position);
        };
    }

    private Block stored(boolean last) {
        bitBuffer = 0;
        bitCount = 0;
        int length = bits16();
        int complement = bits16();
        if ((length ^ 0xFFFF) != complement) {
            throw new IllegalArgumentException("stored length " + length + " without its complement at byte " + position);
        }
        if (position + length > in.length) {
            throw new IllegalArgumentException("stored block past the stream's end");
        }
        position += length;
        return new Block(STORED, last, length, length, position);
    }

    private Block dynamic(boolean last) {
        int literalCodes = bits(5) + 257;
        int distanceCodes = bits(5) + 1;
        int codeLengthCodes = bits(4) + 4;
        int[] codeLengthLengths = new int[19];
        for (int i = 0; i < codeLengthCodes; i++) {
            codeLengthLengths[CODE_LENGTH_ORDER[i]] = bits(3);
        }
        Code codeLengthCode = new Code(codeLengthLengths);
        int[] lengths = new int[literalCodes + distanceCodes];
        for (int n = 0; n < lengths.length; ) {
            int symbol = decode(codeLengthCode);
            if (symbol < 16) {
                lengths[n++] = symbol;
                continue;
            }
            int repeat = symbol == 16 ? 3 + bits(2) : symbol == 17 ? 3 + bits(3) : 11 + bits(7);
            if (symbol == 16 && n == 0 || n + repeat > lengths.length) {
                throw new IllegalArgumentException("a repeat code out of place at byte " + position);
            }
            int value = symbol == 16 ? lengths[n - 1] : 0;
            for (int k = 0; k < repeat; k++) {
                lengths[n++] = value;
            }
        }
        return coded(DYNAMIC, last, new Code(java.util.Arrays.copyOf(lengths, literalCodes)),
                new Code(java.util.Arrays.copyOfRange(lengths, literalCodes, lengths.length)));
    }

    private Block coded(int type, boolean last, Code literals, Code distances) {
        int symbols = 0;
        int bytes = 0;
        while (true) {
            int symbol = decode(literals);
            if (symbol == 256) {
                return new Block(type, last, symbols, bytes, position - bitCount / 8);
            }
            symbols++;
            if (symbol < 256) {
                bytes++;
                continue;
            }
            int code = symbol - 257;
            if (code > 28) {
                throw new IllegalArgumentException("length symbol " + symbol);
            }
            int length = code == 28 ? 258 : lengthBase(code) + bits(lengthExtra(code));
            int distanceCode = decode(distances);
            if (distanceCode > 29) {
                throw new IllegalArgumentException("distance symbol " + distanceCode);
            }
            int distance = distanceBase(distanceCode) + bits(distanceExtra(distanceCode));
            if (distance > 32_768) {
                throw new IllegalArgumentException("distance " + distance);
            }
            bytes += length;
        }
    }

    /** Length codes 0-27 (symbols 257-284): four of each extra-bit count from 0 up, 0 extra for the first eight. */
    static int lengthExtra(int code) {
        return code < 8 ? 0 : code / 4 - 1;
    }

    static int lengthBase(int code) {
        return base(3, code, DeflateBlocks::lengthExtra);
    }

    /** Distance codes: two of each extra-bit count, none for the first four. */
    static int distanceExtra(int code) {
        return code < 4 ? 0 : code / 2 - 1;
    }

    static int distanceBase(int code) {
        return base(1, code, DeflateBlocks::distanceExtra);
    }

    /** A code's first value: each code before it covers as many values as its extra bits can say. */
    private static int base(int first, int code, java.util.function.IntUnaryOperator extraBits) {
        int base = first;
        for (int c = 0; c < code; c++) {
            base += 1 << extraBits.applyAsInt(c);
        }
        return base;
    }

    private static Code fixedLiterals() {
        int[] lengths = new int[288];
        for (int n = 0; n < 288; n++) {
            lengths[n] = n < 144 ? 8 : n < 256 ? 9 : n < 280 ? 7 : 8;
        }
        return new Code(lengths);
    }

    private static Code fixedDistances() {
        int[] lengths = new int[30];
        java.util.Arrays.fill(lengths, 5);
        return new Code(lengths);
    }

    /** A canonical code by its lengths: how many codes of each length, and the symbols in code order. */
    private static final class Code {
        final int[] countPerLength = new int[MAX_BITS + 1];
        final int[] symbols;

        Code(int[] lengths) {
            int used = 0;
            for (int length : lengths) {
                countPerLength[length]++;
                used += length > 0 ? 1 : 0;
            }
            symbols = new int[used];
            int[] next = new int[MAX_BITS + 2];
            for (int length = 1; length <= MAX_BITS; length++) {
                next[length + 1] = next[length] + countPerLength[length];
            }
            for (int symbol = 0; symbol < lengths.length; symbol++) {
                if (lengths[symbol] > 0) {
                    symbols[next[lengths[symbol]]++] = symbol;
                }
            }
        }
    }

    /** Reads a code bit by bit, most significant first: codes of a length are consecutive from their first. */
    private int decode(Code code) {
        int value = 0;
        int first = 0;
        int index = 0;
        for (int length = 1; length <= MAX_BITS; length++) {
            value |= bits(1);
            int count = code.countPerLength[length];
            if (value - first < count) {
                return code.symbols[index + value - first];
            }
            index += count;
            first = (first + count) << 1;
            value <<= 1;
        }
        throw new IllegalArgumentException("no code matches at byte " + position);
    }

    private int bits(int count) {
        while (bitCount < count) {
            if (position >= in.length) {
                throw new IllegalArgumentException("the stream ends inside a block");
            }
            bitBuffer |= (long) (in[position++] & 0xFF) << bitCount;
            bitCount += 8;
        }
        int value = (int) (bitBuffer & ((1L << count) - 1));
        bitBuffer >>>= count;
        bitCount -= count;
        return value;
    }

    private int bits16() {
        int low = bits(8);
        return low | bits(8) << 8;
    }
}
