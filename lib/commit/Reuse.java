package commit;

import errors.IoErrors;
import io.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import scan.EntryName;
import scan.PathOrder;
import scan.ScannedEntry;
import zip.DeterministicZipWriter;
import zip.PreviousEntries;
import zip.StagedFile;
import zip.ZipPolicyV1;

/**
 * A commit's reuse of the zip it replaces: an unchanged file's deflated data copied from there instead
 * of deflated again. A candidate is a DEFLATED previous entry of the same path and size; it is used when
 * the staged file has the previous entry's sha256 and CRC, and its data, read from the previous zip and
 * inflated on the way into the new one, gives exactly the staged file's bytes (size and sha256). Data that
 * does not is dropped, the entry deflated again and named, and no copy from that zip starts after it (one
 * already running on another worker is held to the same check): a tampered zip cannot put bytes in a new
 * delivery.
 */
public final class Reuse {
    /** One read of the previous zip's data: as the writer's buffers. */
    private static final int CHUNK_BYTES = DeterministicZipWriter.BUFFER_BYTES;

    private final PreviousEntries previous;
    /** Set on the first copied entry that failed its check: no more are taken from that zip. */
    private volatile boolean distrusted;
    private final AtomicInteger entries = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong compressedBytes = new AtomicLong();
    private final List<String> deflatedAgain = new ArrayList<>();
    /** Why copying stopped before the last entry (the previous zip could not be read), else null. */
    private volatile String stopped;

    Reuse(PreviousEntries previous) {
        this.previous = previous;
    }

    /**
     * What a commit copied: entries, their bytes and compressed bytes, the entries whose previous data
     * failed its check (deflated again), in v1 order, and why copying stopped early (else null).
     */
    public record Summary(int entries, long bytes, long compressedBytes, List<String> deflatedAgain, String stopped) {
        public Summary {
            deflatedAgain = List.copyOf(deflatedAgain);
        }
    }

    Summary summary() {
        List<String> failed;
        synchronized (deflatedAgain) {
            failed = new ArrayList<>(deflatedAgain);
        }
        failed.sort(PathOrder.UTF8_BYTES);
        return new Summary(entries.get(), bytes.get(), compressedBytes.get(), failed, stopped);
    }

    /**
     * The previous entry this file may copy, or null. Asked for every entry, in v1 order, by one thread:
     * the lookup walks the previous zip's directory in step.
     */
    PreviousEntries.Entry candidate(ScannedEntry entry) {
        // Looked up by the name it ships under, as the previous zip lists it.
        String name = EntryName.of(entry.relativePath());
        // A STORED entry's data is the staged file itself: copying it from elsewhere would save nothing.
        if (distrusted || ZipPolicyV1.isStored(name)) {
            return null;
        }
        try {
            PreviousEntries.Entry found = previous.find(name);
            // An entry claiming more data than deflate can make of the file is not read.
            return found != null && found.size() == entry.size() && found.compressedSize() <= Packer.mostDeflatedBytes(found.size())
                    ? found : null;
        } catch (IOException e) {
            stopUnreadable(e);
            return null;
        }
    }

    /** The previous zip could not be read on: nothing more is taken from it, and the run says why. */
    private void stopUnreadable(IOException e) {
        stopped = "the previous zip could not be read on (" + IoErrors.describe(e) + "): the rest was deflated";
        distrusted = true;
    }

    /** Whether the staged file is the previous entry's content by its digest and CRC (else it changed, same size). */
    static boolean sameContent(PreviousEntries.Entry from, StagedFile staged, DeterministicZipWriter.Entry measured) {
        return staged.size() == from.size() && measured.crc() == from.crc() && staged.sha256Hex().equals(from.sha256());
    }

    /**
     * Copies the previous entry's data into {@code sink}, inflating it on the way; returns whether it gave
     * exactly the staged file's bytes. On true the entry is counted and {@code measured} takes the data's
     * size. On false what reached {@code sink} is to be dropped and the entry deflated; the zip is no
     * longer copied from, and an entry whose data gave other bytes is named.
     */
    boolean copy(PreviousEntries.Entry from, StagedFile staged, DeterministicZipWriter.Entry measured, OutputStream sink)
            throws IOException {
        if (distrusted) {
            return false;
        }
        Copied copied = copyChecked(from, staged, sink);
        if (copied != Copied.SAME) {
            distrusted = true;
            if (copied == Copied.OTHER_BYTES) {
                synchronized (deflatedAgain) {
                    deflatedAgain.add(staged.relativePath());
                }
            }
            return false;
        }
        measured.copiedData(from.compressedSize());
        entries.incrementAndGet();
        bytes.addAndGet(from.size());
        compressedBytes.addAndGet(from.compressedSize());
        return true;
    }

    /** What copying one entry's data found: the staged file's bytes, other bytes, or no bytes (a read failed). */
    private enum Copied { SAME, OTHER_BYTES, UNREADABLE }

    private Copied copyChecked(PreviousEntries.Entry from, StagedFile staged, OutputStream sink) throws IOException {
        Inflater inflater = new Inflater(true);
        try {
            MessageDigest sha256 = Sha256.newDigest();
            ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, Math.max(1, from.compressedSize())));
            byte[] out = new byte[CHUNK_BYTES];
            long produced = 0;
            for (long at = 0; at < from.compressedSize(); ) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), from.compressedSize() - at));
                try {
                    previous.read(from.dataOffset() + at, chunk);
                } catch (IOException e) {
                    stopUnreadable(e);
                    return Copied.UNREADABLE;
                }
                sink.write(chunk.array(), 0, chunk.limit());
                at += chunk.limit();
                inflater.setInput(chunk.array(), 0, chunk.limit());
                // Inflated no further than one byte past the file's size: a bomb stops there.
                for (int n = -1; n != 0 && produced <= staged.size(); produced += n) {
                    n = inflater.inflate(out);
                    sha256.update(out, 0, n);
                }
                if (produced > staged.size() || (inflater.finished() && (inflater.getRemaining() > 0 || at < from.compressedSize()))) {
                    return Copied.OTHER_BYTES; // more than the file, or data after the stream's end
                }
            }
            return inflater.finished() && inflater.getRemaining() == 0 && produced == staged.size()
                    && Arrays.equals(sha256.digest(), staged.sha256()) ? Copied.SAME : Copied.OTHER_BYTES;
        } catch (DataFormatException e) {
            return Copied.OTHER_BYTES;
        } finally {
            inflater.end();
        }
    }
}
