package deflate;

/**
 * The symbols of the block being built, and how the block is written once it ends: stored, with the fixed
 * code or with a code of its own, whichever classic zlib's pricing picks (stored only while the block's
 * bytes are still in the window, fixed when it costs no more than the block's own code). A symbol is a
 * literal byte or a (distance, length) match.
 */
final class BlockWriter {
    /**
     * Symbols a block holds before it is written: zlib's {@code lit_bufsize - 1} at its default memory
     * level 8. zlib 1.2 ends a block only here or at a flush (its earlier "does this block still pay off"
     * guess is compiled out), so this decides where every block ends.
     */
    static final int SYMBOLS_PER_BLOCK = (1 << 14) - 1;

    private static final int[] FIXED_LITERAL_CODES = HuffmanTree.codesOf(Rfc1951.FIXED_LENGTH_LITERAL_LENGTHS);
    private static final int[] FIXED_DISTANCE_CODES = HuffmanTree.codesOf(Rfc1951.FIXED_DISTANCE_LENGTHS);
    /** Bits of the 3 block-header bits, 5+5+4 counts of a dynamic block's header, and the stored block's 2 lengths in bytes. */
    private static final int BLOCK_TYPE_BITS = 3;
    private static final int DYNAMIC_COUNT_BITS = 5 + 5 + 4;
    private static final int STORED_LENGTH_BYTES = 4;
    /** Bits per code-length code length in a dynamic header. */
    private static final int CODE_LENGTH_LENGTH_BITS = 3;
    /** A dynamic header always sends at least this many code-length code lengths. */
    private static final int MIN_CODE_LENGTH_CODES = 4;

    /** Per symbol: distance << 8 | byte, distance 0 for a literal, else the match length minus 3 in the byte. */
    private final int[] symbols = new int[SYMBOLS_PER_BLOCK];
    private int count;
    private final HuffmanTree literals = new HuffmanTree(Rfc1951.LENGTH_LITERAL_CODES, Rfc1951.MAX_CODE_BITS,
            Rfc1951.FIXED_LENGTH_LITERAL_LENGTHS, Rfc1951.LENGTH_EXTRA_BITS, Rfc1951.LITERALS + 1);
    private final HuffmanTree distances = new HuffmanTree(Rfc1951.DISTANCE_CODES, Rfc1951.MAX_CODE_BITS,
            Rfc1951.FIXED_DISTANCE_LENGTHS, Rfc1951.DISTANCE_EXTRA_BITS, 0);
    private final HuffmanTree codeLengths = new HuffmanTree(Rfc1951.CODE_LENGTH_CODES, Rfc1951.MAX_CODE_LENGTH_BITS,
            null, Rfc1951.CODE_LENGTH_EXTRA_BITS, 0);

    BlockWriter() {
        clear();
    }

    /** Starts an empty block. */
    void clear() {
        literals.clear();
        distances.clear();
        literals.frequency[Rfc1951.END_OF_BLOCK] = 1;
        count = 0;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Adds a literal; true when the block is full and must be written now. */
    boolean literal(int value) {
        symbols[count++] = value;
        literals.frequency[value]++;
        return count == SYMBOLS_PER_BLOCK;
    }

    /** Adds a match; true when the block is full and must be written now. */
    boolean match(int distance, int lengthMinus3) {
        symbols[count++] = distance << 8 | lengthMinus3;
        literals.frequency[Rfc1951.LITERALS + 1 + Rfc1951.lengthCode(lengthMinus3)]++;
        distances.frequency[Rfc1951.distanceCode(distance - 1)]++;
        return count == SYMBOLS_PER_BLOCK;
    }

    /**
     * Writes the block and starts the next.
     *
     * @param window the bytes the block covers start at {@code start} here, when {@code start >= 0} (else they
     *               left the window and the block cannot be stored)
     * @param length how many input bytes the block covers
     */
    void write(byte[] window, int start, int length, boolean last, BitSink out) {
        literals.build();
        distances.build();
        int codeLengthCodes = buildCodeLengthTree();
        long ownBits = literals.optimalBits + distances.optimalBits + codeLengths.optimalBits
                + (long) CODE_LENGTH_LENGTH_BITS * codeLengthCodes + DYNAMIC_COUNT_BITS;
        long ownBytes = (ownBits + BLOCK_TYPE_BITS + 7) >> 3;
        long fixedBytes = (literals.fixedBits + distances.fixedBits + BLOCK_TYPE_BITS + 7) >> 3;
        long bestCodedBytes = Math.min(ownBytes, fixedBytes);
        int lastBit = last ? 1 : 0;
        if (start >= 0 && length + STORED_LENGTH_BYTES <= bestCodedBytes) {
            writeStored(window, start, length, last, out);
        } else if (fixedBytes <= ownBytes) {
            out.writeBits(Rfc1951.FIXED_BLOCK << 1 | lastBit, BLOCK_TYPE_BITS);
            writeSymbols(FIXED_LITERAL_CODES, Rfc1951.FIXED_LENGTH_LITERAL_LENGTHS, FIXED_DISTANCE_CODES,
                    Rfc1951.FIXED_DISTANCE_LENGTHS, out);
        } else {
            out.writeBits(Rfc1951.DYNAMIC_BLOCK << 1 | lastBit, BLOCK_TYPE_BITS);
            writeCodeLengths(codeLengthCodes, out);
            writeSymbols(literals.code, literals.length, distances.code, distances.length, out);
        }
        clear();
        if (last) {
            out.alignToByte();
        }
    }

    /** A stored block: its header, the byte boundary, its length and complement, the bytes. */
    static void writeStored(byte[] from, int start, int length, boolean last, BitSink out) {
        out.writeBits(Rfc1951.STORED_BLOCK << 1 | (last ? 1 : 0), BLOCK_TYPE_BITS);
        out.alignToByte();
        out.writeShort(length);
        out.writeShort(~length);
        out.writeBytes(from, start, length);
    }

    private void writeSymbols(int[] literalCodes, int[] literalLengths, int[] distanceCodes, int[] distanceLengths,
                              BitSink out) {
        for (int i = 0; i < count; i++) {
            int symbol = symbols[i];
            int distance = symbol >>> 8;
            int value = symbol & 0xFF;
            if (distance == 0) {
                out.writeBits(literalCodes[value], literalLengths[value]);
                continue;
            }
            int lengthCode = Rfc1951.lengthCode(value);
            int symbolIndex = Rfc1951.LITERALS + 1 + lengthCode;
            int lengthBits = literalLengths[symbolIndex];
            int extra = Rfc1951.LENGTH_EXTRA_BITS[lengthCode];
            out.writeBits(literalCodes[symbolIndex] | (value - Rfc1951.LENGTH_BASE[lengthCode]) << lengthBits,
                    lengthBits + extra);
            int distanceCode = Rfc1951.distanceCode(distance - 1);
            int distanceBits = distanceLengths[distanceCode];
            out.writeBits(distanceCodes[distanceCode] | (distance - 1 - Rfc1951.DISTANCE_BASE[distanceCode]) << distanceBits,
                    distanceBits + Rfc1951.DISTANCE_EXTRA_BITS[distanceCode]);
        }
        out.writeBits(literalCodes[Rfc1951.END_OF_BLOCK], literalLengths[Rfc1951.END_OF_BLOCK]);
    }

    /**
     * Counts the code-length symbols both codes' lengths are sent as and builds their code; returns how
     * many of its lengths the header sends (trailing zeros in {@link Rfc1951#CODE_LENGTH_ORDER} cut, at least 4).
     */
    private int buildCodeLengthTree() {
        codeLengths.clear();
        runs(literals.length, literals.maxSymbol, null);
        runs(distances.length, distances.maxSymbol, null);
        codeLengths.build();
        int sent = Rfc1951.CODE_LENGTH_CODES;
        while (sent > MIN_CODE_LENGTH_CODES && codeLengths.length[Rfc1951.CODE_LENGTH_ORDER[sent - 1]] == 0) {
            sent--;
        }
        return sent;
    }

    private void writeCodeLengths(int codeLengthCodes, BitSink out) {
        out.writeBits(literals.maxSymbol + 1 - (Rfc1951.LITERALS + 1), 5);
        out.writeBits(distances.maxSymbol + 1 - 1, 5);
        out.writeBits(codeLengthCodes - MIN_CODE_LENGTH_CODES, 4);
        for (int i = 0; i < codeLengthCodes; i++) {
            out.writeBits(codeLengths.length[Rfc1951.CODE_LENGTH_ORDER[i]], CODE_LENGTH_LENGTH_BITS);
        }
        runs(literals.length, literals.maxSymbol, out);
        runs(distances.length, distances.maxSymbol, out);
    }

    /**
     * One code's lengths 0..maxSymbol as runs, zlib's way (repeat codes for 3-6 copies of the previous length,
     * 3-10 or 11-138 zeros, runs of a length cut at 6 after its first copy): counted into the code-length
     * code's frequencies when {@code out} is null, else sent with that code.
     */
    private void runs(int[] lengths, int maxSymbol, BitSink out) {
        int previous = -1;
        int next = lengths[0];
        int run = 0;
        int maxRun = next == 0 ? 138 : 7;
        int minRun = next == 0 ? 3 : 4;
        for (int n = 0; n <= maxSymbol; n++) {
            int current = next;
            next = n < maxSymbol ? lengths[n + 1] : -1;
            if (++run < maxRun && current == next) {
                continue;
            }
            if (run < minRun) {
                for (; run > 0; run--) {
                    emit(current, 0, out);
                }
            } else if (current != 0) {
                if (current != previous) {
                    emit(current, 0, out);
                    run--;
                }
                emit(Rfc1951.REPEAT_PREVIOUS, run - 3, out);
            } else if (run <= 10) {
                emit(Rfc1951.REPEAT_ZERO_SHORT, run - 3, out);
            } else {
                emit(Rfc1951.REPEAT_ZERO_LONG, run - 11, out);
            }
            run = 0;
            previous = current;
            if (next == 0) {
                maxRun = 138;
                minRun = 3;
            } else if (current == next) {
                maxRun = 6;
                minRun = 3;
            } else {
                maxRun = 7;
                minRun = 4;
            }
        }
    }

    private void emit(int symbol, int extraValue, BitSink out) {
        if (out == null) {
            codeLengths.frequency[symbol]++;
            return;
        }
        int bits = codeLengths.length[symbol];
        out.writeBits(codeLengths.code[symbol] | extraValue << bits, bits + Rfc1951.CODE_LENGTH_EXTRA_BITS[symbol]);
    }
}
