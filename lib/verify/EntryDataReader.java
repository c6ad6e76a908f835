package verify;

import io.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Streams one entry's data through CRC-32 and sha256 (and, when asked, the credential scan) with fixed buffers, and never produces more than
 * the declared size plus one byte: a deflate bomb costs one buffer of work, not its inflated size.
 * One reader serves every entry of a zip; close it to free the native inflater.
 */
final class EntryDataReader implements AutoCloseable {
    /** Large enough that per-call overhead vanishes, small enough to stay in L2. */
    static final int BUFFER_BYTES = 1 << 16;

    enum Status {
        /** Exactly the declared number of bytes, and the compressed data was used up exactly. */
        COMPLETE,
        /** Decoding went past the declared size; reading stopped at declared + 1. */
        EXCEEDED,
        /** The data ended before the declared size. */
        SHORT,
        /** Not decodable: invalid deflate data, or compressed bytes left over / missing. */
        CORRUPT
    }

    /** What reading gave: sha256 and CRC are of the bytes produced, meaningful when COMPLETE. */
    record Outcome(Status status, long produced, long crc, String sha256Hex, String problem) {}

    private final FileChannel channel;
    private final byte[] input = new byte[BUFFER_BYTES];
    private final byte[] output = new byte[BUFFER_BYTES];
    private final Inflater inflater = new Inflater(true);

    EntryDataReader(FileChannel channel) {
        this.channel = channel;
    }

    /** What an entry's bytes are fed to as they are decoded: the credential scan, the type detector. */
    interface Sink {
        void feed(byte[] bytes, int offset, int count);
    }

    /** @param scanner fed every byte produced (within the declared size), or null */
    Outcome read(int method, long dataOffset, long compressedSize, long declaredSize, Sink scanner) throws IOException {
        return method == ZipStructure.METHOD_STORED
                ? stored(dataOffset, compressedSize, declaredSize, scanner)
                : deflated(dataOffset, compressedSize, declaredSize, scanner);
    }

    /**
     * The entry's data as a stream (inflated when DEFLATED), for a reader that pulls: an Office container
     * scanned one level deep. Call only on an entry {@link #read} found COMPLETE, so its size is bounded.
     */
    InputStream open(int method, long dataOffset, long compressedSize) {
        InputStream raw = new InputStream() {
            private long position = dataOffset;
            private long left = compressedSize;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                if (left == 0) {
                    return -1;
                }
                int n = channel.read(ByteBuffer.wrap(bytes, offset, (int) Math.min(length, left)), position);
                if (n > 0) {
                    position += n;
                    left -= n;
                }
                return n;
            }
        };
        return method == ZipStructure.METHOD_STORED ? raw : new InflaterInputStream(raw, new Inflater(true), BUFFER_BYTES);
    }

    private Outcome stored(long dataOffset, long compressedSize, long declaredSize, Sink scanner) throws IOException {
        Digests digests = new Digests(scanner);
        long limit = Math.min(compressedSize, declaredSize == Long.MAX_VALUE ? declaredSize : declaredSize + 1);
        long position = dataOffset;
        long produced = 0;
        while (produced < limit) {
            int n = readInput(position, (int) Math.min(input.length, limit - produced));
            if (n < 0) {
                return new Outcome(Status.CORRUPT, produced, 0, null, "the file ends inside the entry's data: truncated");
            }
            digests.update(input, (int) Math.min(n, Math.max(0, declaredSize - produced)));
            produced += n;
            position += n;
        }
        if (produced > declaredSize) {
            return new Outcome(Status.EXCEEDED, produced, 0, null, null);
        }
        if (produced < declaredSize) {
            return new Outcome(Status.SHORT, produced, 0, null, null);
        }
        return digests.complete(produced);
    }

    private Outcome deflated(long dataOffset, long compressedSize, long declaredSize, Sink scanner) throws IOException {
        inflater.reset();
        Digests digests = new Digests(scanner);
        long limit = declaredSize == Long.MAX_VALUE ? declaredSize : declaredSize + 1;
        long position = dataOffset;
        long unread = compressedSize;
        long produced = 0;
        try {
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    if (unread == 0) {
                        return new Outcome(Status.CORRUPT, produced, 0, null,
                                "the deflate stream does not end within the entry's " + compressedSize + " compressed bytes");
                    }
                    int n = readInput(position, (int) Math.min(input.length, unread));
                    if (n < 0) {
                        return new Outcome(Status.CORRUPT, produced, 0, null, "the file ends inside the entry's data: truncated");
                    }
                    position += n;
                    unread -= n;
                    inflater.setInput(input, 0, n);
                }
                int room = (int) Math.min(output.length, limit - produced);
                if (room == 0) {
                    return new Outcome(Status.EXCEEDED, produced, 0, null, null);
                }
                long consumedBefore = inflater.getBytesRead();
                int got = inflater.inflate(output, 0, room);
                digests.update(output, (int) Math.min(got, Math.max(0, declaredSize - produced)));
                produced += got;
                if (inflater.needsDictionary()) {
                    return new Outcome(Status.CORRUPT, produced, 0, null, "the deflate stream asks for a preset dictionary");
                }
                if (got == 0 && !inflater.finished() && !inflater.needsInput() && inflater.getBytesRead() == consumedBefore) {
                    return new Outcome(Status.CORRUPT, produced, 0, null, "the deflate stream makes no progress");
                }
            }
        } catch (DataFormatException e) {
            return new Outcome(Status.CORRUPT, produced, 0, null, "invalid deflate data (" + e.getMessage() + ")");
        }
        if (produced > declaredSize) {
            return new Outcome(Status.EXCEEDED, produced, 0, null, null);
        }
        long leftOver = unread + inflater.getRemaining();
        if (leftOver > 0) {
            return new Outcome(Status.CORRUPT, produced, 0, null, "the deflate stream ends " + leftOver
                    + " bytes before the entry's declared compressed size (bytes hidden after the stream)");
        }
        if (produced < declaredSize) {
            return new Outcome(Status.SHORT, produced, 0, null, null);
        }
        return digests.complete(produced);
    }

    /** Reads up to {@code length} bytes of input at {@code position}; -1 at end of file. */
    private int readInput(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(input, 0, length);
        int total = 0;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + total);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
        }
        return total;
    }

    @Override
    public void close() {
        inflater.end();
    }

    private static final class Digests {
        private final CRC32 crc = new CRC32();
        private final MessageDigest sha256 = Sha256.newDigest();
        private final Sink scanner;

        Digests(Sink scanner) {
            this.scanner = scanner;
        }

        void update(byte[] bytes, int length) {
            if (length > 0) {
                crc.update(bytes, 0, length);
                sha256.update(bytes, 0, length);
                if (scanner != null) {
                    scanner.feed(bytes, 0, length);
                }
            }
        }

        Outcome complete(long produced) {
            return new Outcome(Status.COMPLETE, produced, crc.getValue(), HexFormat.of().formatHex(sha256.digest()), null);
        }
    }
}
