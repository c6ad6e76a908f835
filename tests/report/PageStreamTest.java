package report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The report page's writer: text out in chunks, every character whole, a failed write unchecked. */
class PageStreamTest {

    /** What a piece of a page writes, as text: how the section tests render one section alone. */
    static String text(Consumer<PageStream> write) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PageStream out = new PageStream(bytes);
        write.accept(out);
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** An output stream that keeps each write apart. */
    static final class Writes extends OutputStream {
        final List<byte[]> writes = new ArrayList<>();

        @Override
        public void write(int b) {
            writes.add(new byte[] {(byte) b});
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes.add(java.util.Arrays.copyOfRange(b, off, off + len));
        }

        byte[] all() {
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            writes.forEach(joined::writeBytes);
            return joined.toByteArray();
        }
    }

    @Test
    void stringsCharactersAndNumbersAreWrittenAsText() {
        assertEquals("a=1, b=-2: x\n", text(out -> out.append("a=").append(1).append(", b=").append(-2L).append(": ").append('x').append('\n')));
    }

    @Test
    void nothingIsWrittenBeforeAChunkIsFullOrTheStreamIsFlushed() {
        Writes writes = new Writes();
        PageStream out = new PageStream(writes);
        out.append("x".repeat(PageStream.FLUSH_CHARS - 1));
        assertEquals(0, writes.writes.size(), "less than a chunk stays in memory");
        out.append("y");
        assertEquals(1, writes.writes.size(), "a full chunk is written");
        assertEquals(PageStream.FLUSH_CHARS, writes.writes.get(0).length);
        out.append("z").flush();
        assertEquals(2, writes.writes.size());
        assertArrayEquals("z".getBytes(StandardCharsets.UTF_8), writes.writes.get(1));
    }

    @Test
    void aSurrogatePairAtAChunkBoundaryIsNeverSplit() {
        Writes writes = new Writes();
        PageStream out = new PageStream(writes);
        String emoji = "\uD83D\uDE00";
        // The pair's high half is the chunk's last character: the whole string goes out together.
        String text = "a".repeat(PageStream.FLUSH_CHARS - 1) + emoji + "caf\u00e9";
        out.append(text).flush();
        for (byte[] chunk : writes.writes) {
            assertEquals(-1, new String(chunk, StandardCharsets.UTF_8).indexOf('\uFFFD'), "each write is valid UTF-8 on its own");
        }
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), writes.all());
    }

    @Test
    void aFailedWriteIsUnchecked() {
        PageStream out = new PageStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        });
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> out.append("x".repeat(PageStream.FLUSH_CHARS)));
        assertEquals("disk full", e.getCause().getMessage());
    }
}
