package types;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * One file's bytes as a detector needs them, taken from bytes the run reads anyway: fed as they stream past
 * ({@link #feed}, in any chunks, each byte once) or read at their places from an open channel ({@link #read}).
 * It keeps the head ({@link ContentTypes#HEAD_BYTES} at most), the few bytes at the table's fixed places
 * beyond it, the few a header points to (a PE signature, an MSI's class id), and for a zip its last bytes
 * (its central directory): never the whole file, whatever its size.
 */
public final class Sniffer implements Sample {
    private final ContentTypes table;
    private final long size;
    private final byte[] head;
    private long position;
    private boolean planned;
    /** The table's fixed places beyond the head, the place the header points to, and a zip's last bytes. */
    private Window[] windows = ContentTypes.NO_WINDOWS;
    /** A zip's last bytes (among the windows), or null. */
    private Window tail;
    /** Past this position no window wants bytes: the rest of a large file costs one comparison per chunk. */
    private long needed;
    private long zipFound = -2;

    Sniffer(ContentTypes table, long size) {
        this.table = table;
        this.size = size;
        this.head = new byte[(int) Math.max(0, Math.min(size, ContentTypes.HEAD_BYTES))];
        this.needed = head.length;
    }

    /** The next {@code n} bytes of the file. */
    public void feed(byte[] b, int off, int n) {
        long at = position;
        position += n;
        if (at >= needed) {
            return;
        }
        if (at < head.length) {
            int count = (int) Math.min(n, head.length - at);
            System.arraycopy(b, off, head, (int) at, count);
        }
        if (!planned && position >= head.length) {
            plan();
        }
        for (Window window : windows) {
            window.put(at, b, off, n);
        }
    }

    /** The file's type, once its bytes went through {@link #feed}; null when no signature matched. */
    public ContentType finish() {
        if (!planned) {
            plan();
        }
        return table.detect(this);
    }

    /**
     * Reads what the detector needs of an open file at its places (the head, then each window), for a file
     * the run does not otherwise read, and tells its type (null when none matched).
     */
    public ContentType read(FileChannel channel) throws IOException {
        readInto(channel, head, 0);
        position = head.length;
        plan();
        for (Window window : windows) {
            readInto(channel, window.bytes, window.start);
        }
        position = size;
        return table.detect(this);
    }

    /**
     * A stream over {@code in} that feeds every byte read to this detector, and on close reads the rest into it
     * (a zip reader stops before the central directory): for a file the run reads as a stream.
     */
    public InputStream tee(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    feed(new byte[] {(byte) b}, 0, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    feed(b, off, n);
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                byte[] rest = new byte[REST_BUFFER_BYTES];
                while (position < needed && read(rest, 0, rest.length) >= 0) {
                    // The bytes a window still wants (a zip's listing) come last.
                }
                super.close();
            }
        };
    }

    /** The buffer the rest of a teed stream is read through. */
    private static final int REST_BUFFER_BYTES = 1 << 16;

    private static void readInto(FileChannel channel, byte[] bytes, long at) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                break; // shorter than its size now: what was not read is not captured, and matches nothing
            }
        }
    }

    /** Once the head is in: which bytes beyond it the table's signatures want of this file. */
    private void plan() {
        planned = true;
        Window pointed = table.pointedWindow(this);
        boolean zip = table.keepsZipTail() && isZip();
        long tailStart = Math.max(0, size - ContentTypes.TAIL_BYTES);
        Window[] fixed = table.fixedWindows(size);
        Window[] all = new Window[fixed.length + (pointed != null ? 1 : 0) + (zip ? 1 : 0)];
        System.arraycopy(fixed, 0, all, 0, fixed.length);
        int n = fixed.length;
        if (pointed != null) {
            all[n++] = pointed;
        }
        if (zip) {
            tail = new Window(tailStart, (int) (size - tailStart));
            all[n] = tail;
        }
        windows = all;
        for (Window window : windows) {
            // The bytes so far are all in the head: the plan is made as soon as the head is whole.
            window.put(0, head, 0, (int) Math.min(head.length, position));
            needed = Math.max(needed, window.end());
        }
    }

    boolean isZip() {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6) || (head[2] == 7 && head[3] == 8));
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int byteAt(long at) {
        if (at >= 0 && at < head.length) {
            return head[(int) at] & 0xFF;
        }
        if (at >= position || at < 0) {
            return -1;
        }
        for (Window window : windows) {
            int b = window.get(at);
            if (b >= 0) {
                return b;
            }
        }
        return -1;
    }

    @Override
    public boolean zipEndFound() {
        return tail != null && position >= size && ZipListing.findEndRecord(tail, size) >= 0;
    }

    @Override
    public boolean zipMatches(Signature.ZipRule rule) {
        if (!isZip()) {
            return false;
        }
        if (rule.mimetype() != null && !ZipListing.firstMemberIsMimetype(head, ContentTypes.ascii(rule.mimetype()))) {
            return false;
        }
        long wanted = table.entryMask(rule);
        return wanted == 0 || (listing() & wanted) == wanted;
    }

    /** The wanted names this zip lists: its central directory's when it is in the tail, and its first member's. */
    private long listing() {
        if (zipFound == -2) {
            long central = tail == null || position < size ? -1
                    : ZipListing.centralDirectory(tail, size, table.wantedNames(), table.wantedSuffix());
            zipFound = Math.max(0, central) | ZipListing.firstMember(head, table.wantedNames(), table.wantedSuffix());
        }
        return zipFound;
    }
}
