package deflate;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The toolkit's own DEFLATE encoder: raw streams that are bit for bit what classic zlib (1.2.x, 1.3.x)
 * writes at level 6 with its default window, memory level and strategy, for the calls the toolkit makes
 * (input then a finish; or a preset dictionary, input, then a sync flush or a finish). Written from RFC 1951
 * and zlib's documented algorithm: lazy matching over hash chains of 3-byte strings in a 64 KiB window that
 * slides by 32 KiB, blocks that end when 16,383 symbols are buffered or at a flush, each written stored,
 * fixed or dynamic by price ({@link BlockWriter}).
 *
 * <p>Its output depends only on the input and on where the caller's chunks of input end (as zlib's does),
 * never on buffer sizes or on what the encoder compressed before: state is reset between streams.
 * About 400 KiB of heap per instance.
 */
public final class ClassicZlibEncoder implements RawDeflate {
    private static final int WINDOW = Rfc1951.WINDOW_BYTES;
    private static final int WINDOW_MASK = WINDOW - 1;
    /** The buffer is two windows: input is read into the upper half while the lower half is still history. */
    private static final int BUFFER_BYTES = 2 * WINDOW;
    /** Bytes read past the input's end by the 8-byte comparisons of a match at the buffer's top. */
    private static final int READ_SLACK = Rfc1951.MAX_MATCH + Long.BYTES;
    /** Lookahead kept before matching, so a match of the longest length and the next string's hash fit. */
    private static final int MIN_LOOKAHEAD = Rfc1951.MAX_MATCH + Rfc1951.MIN_MATCH + 1;
    /** The farthest a match may reach: zlib keeps MIN_LOOKAHEAD of the window free, so 32,506, not 32,768. */
    private static final int MAX_DISTANCE = WINDOW - MIN_LOOKAHEAD;
    /** 15-bit hash of 3 bytes (memory level 8): each byte shifted 5 more, so the oldest falls out after 3. */
    private static final int HASH_BITS = 15;
    private static final int HASH_MASK = (1 << HASH_BITS) - 1;
    private static final int HASH_SHIFT = (HASH_BITS + Rfc1951.MIN_MATCH - 1) / Rfc1951.MIN_MATCH;
    /** Position 0 doubles as "no string": a chain never reaches it (as in zlib). */
    private static final int NONE = 0;

    // Level 6 of zlib's configuration table.
    /** A previous match this long or longer searches a quarter of the chain. */
    private static final int GOOD_LENGTH = 8;
    /** A previous match this long or longer is taken without looking for a better one at the next byte. */
    private static final int MAX_LAZY = 16;
    /** A match this long ends the search. */
    private static final int NICE_LENGTH = 128;
    /** Chain entries searched per string. */
    private static final int MAX_CHAIN = 128;
    /** A 3-byte match farther than this costs more than three literals, so it is dropped. */
    private static final int TOO_FAR = 4096;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] window = new byte[BUFFER_BYTES + READ_SLACK];
    /** Per hash, the latest position with it; per position (mod the window), the previous one with its hash. */
    private final char[] head = new char[1 << HASH_BITS];
    private final char[] previous = new char[WINDOW];
    private final BlockWriter block = new BlockWriter();
    private final BitSink out = new BitSink();

    private int start;
    private int lookahead;
    /** Where the current block's input starts in the buffer; negative once it slid out. */
    private int blockStart;
    /** Strings before {@link #start} not yet hashed (the last two of a dictionary). */
    private int insert;
    private int hash;
    private int matchLength;
    private int matchStart;
    private int previousLength;
    private int previousMatch;
    private boolean matchAvailable;

    private byte[] input;
    private int inputPosition;
    private int inputEnd;

    public ClassicZlibEncoder() {
        reset();
    }

    @Override
    public void reset() {
        Arrays.fill(head, (char) NONE);
        start = 0;
        blockStart = 0;
        lookahead = 0;
        insert = 0;
        hash = 0;
        matchLength = previousLength = Rfc1951.MIN_MATCH - 1;
        matchAvailable = false;
        block.clear();
        out.clear();
        input = null;
        inputPosition = inputEnd = 0;
    }

    @Override
    public void setDictionary(byte[] dictionary, int offset, int length) {
        if (length >= WINDOW) {
            Arrays.fill(head, (char) NONE);
            start = 0;
            blockStart = 0;
            insert = 0;
            offset += length - WINDOW;
            length = WINDOW;
        }
        take(dictionary, offset, length);
        fillWindow();
        while (lookahead >= Rfc1951.MIN_MATCH) {
            int last = start + lookahead - (Rfc1951.MIN_MATCH - 1);
            for (int position = start; position < last; position++) {
                insertString(position);
            }
            start = last;
            lookahead = Rfc1951.MIN_MATCH - 1;
            fillWindow();
        }
        start += lookahead;
        blockStart = start;
        insert = lookahead;
        lookahead = 0;
        matchLength = previousLength = Rfc1951.MIN_MATCH - 1;
        matchAvailable = false;
        take(null, 0, 0);
    }

    @Override
    public void write(byte[] bytes, int offset, int length, OutputStream sink) throws IOException {
        take(bytes, offset, length);
        compress(Flush.NONE);
        take(null, 0, 0);
        out.drainTo(sink);
    }

    @Override
    public void syncFlush(OutputStream sink) throws IOException {
        compress(Flush.SYNC);
        BlockWriter.writeStored(window, 0, 0, false, out);
        out.drainTo(sink);
    }

    @Override
    public void finish(OutputStream sink) throws IOException {
        compress(Flush.FINISH);
        out.drainTo(sink);
    }

    @Override
    public void end() {
        // Heap only: nothing to free early.
    }

    private enum Flush { NONE, SYNC, FINISH }

    private void take(byte[] bytes, int offset, int length) {
        input = bytes;
        inputPosition = offset;
        inputEnd = offset + length;
    }

    /**
     * zlib's lazy matching: at each byte, the longest match is looked for; the previous byte's match is
     * emitted only if this one is not longer, else the previous byte goes out as a literal. Stops for more
     * input while the lookahead is short, unless the stream is being flushed or finished.
     */
    private void compress(Flush flush) {
        while (true) {
            if (lookahead < MIN_LOOKAHEAD) {
                fillWindow();
                if (lookahead < MIN_LOOKAHEAD && flush == Flush.NONE) {
                    return;
                }
                if (lookahead == 0) {
                    break;
                }
            }
            int chain = lookahead >= Rfc1951.MIN_MATCH ? insertString(start) : NONE;
            previousLength = matchLength;
            previousMatch = matchStart;
            matchLength = Rfc1951.MIN_MATCH - 1;
            if (chain != NONE && previousLength < MAX_LAZY && start - chain <= MAX_DISTANCE) {
                matchLength = longestMatch(chain);
                if (matchLength == Rfc1951.MIN_MATCH && start - matchStart > TOO_FAR) {
                    matchLength = Rfc1951.MIN_MATCH - 1;
                }
            }
            if (previousLength >= Rfc1951.MIN_MATCH && matchLength <= previousLength) {
                emitPreviousMatch();
            } else if (matchAvailable) {
                if (block.literal(window[start - 1] & 0xFF)) {
                    writeBlock(false);
                }
                start++;
                lookahead--;
            } else {
                matchAvailable = true;
                start++;
                lookahead--;
            }
        }
        if (matchAvailable) {
            block.literal(window[start - 1] & 0xFF);
            matchAvailable = false;
        }
        insert = Math.min(start, Rfc1951.MIN_MATCH - 1);
        if (flush == Flush.FINISH) {
            writeBlock(true);
        } else if (!block.isEmpty()) {
            writeBlock(false);
        }
    }

    /** The previous byte's match is the better one: it goes out, and every string inside it is hashed. */
    private void emitPreviousMatch() {
        int lastToHash = start + lookahead - Rfc1951.MIN_MATCH;
        boolean full = block.match(start - 1 - previousMatch, previousLength - Rfc1951.MIN_MATCH);
        lookahead -= previousLength - 1;
        int end = start + previousLength - 1;
        while (++start < end) {
            if (start <= lastToHash) {
                insertString(start);
            }
        }
        matchAvailable = false;
        matchLength = Rfc1951.MIN_MATCH - 1;
        if (full) {
            writeBlock(false);
        }
    }

    private void writeBlock(boolean last) {
        block.write(window, blockStart, start - blockStart, last, out);
        blockStart = start;
    }

    /** Hashes the string at {@code position} into its chain; returns the chain's previous head. */
    private int insertString(int position) {
        hash = ((hash << HASH_SHIFT) ^ (window[position + Rfc1951.MIN_MATCH - 1] & 0xFF)) & HASH_MASK;
        int chain = head[hash];
        previous[position & WINDOW_MASK] = (char) chain;
        head[hash] = (char) position;
        return chain;
    }

    /**
     * The longest match for the string at {@link #start} along its hash chain, longer than the previous
     * byte's: zlib's search, with its shortcuts (a quarter of the chain after a good match, a candidate
     * rejected on the byte that would make it longer before the rest is compared), as they decide which of
     * equally long matches is found. Never longer than the lookahead.
     */
    private int longestMatch(int candidate) {
        int chainLeft = previousLength >= GOOD_LENGTH ? MAX_CHAIN >> 2 : MAX_CHAIN;
        int best = previousLength;
        int nice = Math.min(NICE_LENGTH, lookahead);
        int limit = start > MAX_DISTANCE ? start - MAX_DISTANCE : NONE;
        byte[] w = window;
        int scan = start;
        byte scanEnd1 = w[scan + best - 1];
        byte scanEnd = w[scan + best];
        do {
            int match = candidate;
            if (w[match + best] != scanEnd || w[match + best - 1] != scanEnd1 || w[match] != w[scan]
                    || w[match + 1] != w[scan + 1]) {
                continue;
            }
            // The third byte is equal when the first two are: the 15-bit hash of 3 bytes determines it.
            int length = Rfc1951.MIN_MATCH + commonPrefix(scan + 3, match + 3, Rfc1951.MAX_MATCH - Rfc1951.MIN_MATCH);
            if (length > best) {
                matchStart = candidate;
                best = length;
                if (length >= nice) {
                    break;
                }
                scanEnd1 = w[scan + best - 1];
                scanEnd = w[scan + best];
            }
        } while ((candidate = previous[candidate & WINDOW_MASK]) > limit && --chainLeft != 0);
        return Math.min(best, lookahead);
    }

    /** How many bytes from {@code a} and {@code b} are equal, at most {@code max}; 8 at a time. */
    private int commonPrefix(int a, int b, int max) {
        int n = 0;
        while (n + Long.BYTES <= max) {
            long difference = (long) LONGS.get(window, a + n) ^ (long) LONGS.get(window, b + n);
            if (difference != 0) {
                return n + (Long.numberOfTrailingZeros(difference) >>> 3);
            }
            n += Long.BYTES;
        }
        while (n < max && window[a + n] == window[b + n]) {
            n++;
        }
        return n;
    }

    /**
     * Reads input into the buffer while the lookahead is short; first slides the upper window down once the
     * position nears the top, moving every chain with it. Strings a dictionary left unhashed are hashed as
     * soon as the bytes after them are there.
     */
    private void fillWindow() {
        do {
            int free = BUFFER_BYTES - lookahead - start;
            if (start >= WINDOW + MAX_DISTANCE) {
                System.arraycopy(window, WINDOW, window, 0, WINDOW - free);
                matchStart -= WINDOW;
                start -= WINDOW;
                blockStart -= WINDOW;
                insert = Math.min(insert, start);
                slide(head);
                slide(previous);
                free += WINDOW;
            }
            if (inputPosition == inputEnd) {
                break;
            }
            int n = Math.min(inputEnd - inputPosition, free);
            System.arraycopy(input, inputPosition, window, start + lookahead, n);
            inputPosition += n;
            lookahead += n;
            if (lookahead + insert >= Rfc1951.MIN_MATCH) {
                int position = start - insert;
                hash = ((window[position] & 0xFF) << HASH_SHIFT ^ (window[position + 1] & 0xFF)) & HASH_MASK;
                while (insert != 0) {
                    insertString(position++);
                    insert--;
                    if (lookahead + insert < Rfc1951.MIN_MATCH) {
                        break;
                    }
                }
            }
        } while (lookahead < MIN_LOOKAHEAD && inputPosition != inputEnd);
    }

    private static void slide(char[] chain) {
        for (int i = 0; i < chain.length; i++) {
            int position = chain[i];
            chain[i] = (char) (position >= WINDOW ? position - WINDOW : NONE);
        }
    }
}
