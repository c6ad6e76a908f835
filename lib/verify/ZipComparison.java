package verify;

import io.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Where a rebuilt zip is written: nowhere. Each byte range written is compared with the zip file's bytes
 * at the same offset (read ahead in one fixed window, as the writes come in order) and hashed. The first
 * difference is kept with the part being written then, an entry's record or the central directory and
 * end records; past it the outcome is known, and bytes are only counted.
 */
final class ZipComparison extends OutputStream {
    /** The zip's bytes read ahead at once: a few reads per MiB, whatever the size of the writes. */
    static final int READ_AHEAD_BYTES = 1 << 18;

    /**
     * The first offset at which the rebuilt zip and the zip file differ.
     *
     * @param entry the entry whose record was being written there, or null for the central directory and
     *              end records, or for bytes of the zip past the rebuilt zip's end
     * @param partStart where that entry's record (or the central directory) starts
     */
    record Difference(long offset, String entry, long partStart) {}

    /** Reading the zip file failed: an I/O error of the verification, not a difference nor a source's fault. */
    static final class ZipReadFailed extends IOException {
        ZipReadFailed(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final FileChannel zip;
    private final long zipSize;
    private final ByteBuffer ahead = ByteBuffer.allocate(READ_AHEAD_BYTES);
    /** The zip file's offset of {@code ahead}'s first byte; {@code ahead.limit()} bytes of it are read. */
    private long aheadStart;
    private final MessageDigest sha256 = Sha256.newDigest();
    private long position;
    private String entry;
    private long partStart;
    private Difference first;

    ZipComparison(FileChannel zip) throws IOException {
        this.zip = zip;
        this.zipSize = zip.size();
        ahead.limit(0);
    }

    /** The bytes written from now on are the record of this entry. */
    void startEntry(String name) {
        entry = name;
        partStart = position;
    }

    /** The bytes written from now on are the central directory and the end records. */
    void startDirectory() {
        startEntry(null);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
        if (first == null) {
            sha256.update(bytes, off, len);
            compare(bytes, off, len);
        }
        position += len;
    }

    private void compare(byte[] bytes, int off, int len) throws IOException {
        long at = position;
        int done = 0;
        while (done < len) {
            if (at < aheadStart || at >= aheadStart + ahead.limit()) {
                readAhead(at);
                if (ahead.limit() == 0) {
                    first = new Difference(at, entry, partStart); // the zip file ends here; the rebuilt zip goes on
                    return;
                }
            }
            int from = (int) (at - aheadStart);
            int n = Math.min(len - done, ahead.limit() - from);
            int mismatch = Arrays.mismatch(bytes, off + done, off + done + n, ahead.array(), from, from + n);
            if (mismatch >= 0) {
                first = new Difference(at + mismatch, entry, partStart);
                return;
            }
            done += n;
            at += n;
        }
    }

    private void readAhead(long at) throws IOException {
        ahead.clear();
        aheadStart = at;
        try {
            while (ahead.hasRemaining()) {
                int n = zip.read(ahead, aheadStart + ahead.position());
                if (n < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new ZipReadFailed(e);
        }
        ahead.flip();
    }

    /**
     * Once the whole rebuilt zip is written: the first difference, or null when it is the zip file byte
     * for byte (the zip holding more bytes past its end is a difference there).
     */
    Difference difference() {
        if (first == null && position < zipSize) {
            return new Difference(position, null, position);
        }
        return first;
    }

    /** Whether a difference has been found already: the rest need not be built. */
    boolean differs() {
        return first != null;
    }

    /** Bytes of the rebuilt zip written so far. */
    long size() {
        return position;
    }

    /** The rebuilt zip's sha256 in lowercase hex; only meaningful when nothing differs (hashing stops at a difference). */
    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
