package report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Page text on its way to a stream, appended like a StringBuilder and written out every
 * {@link #FLUSH_CHARS}. Only whole appended strings are flushed, so a surrogate pair is never split.
 * A failed write is thrown as {@link UncheckedIOException}, so that sections need not declare it; the
 * page's writer unwraps it.
 */
final class PageStream {
    /** Characters held before they are written: a chunk, so a page of any size never sits whole in memory. */
    static final int FLUSH_CHARS = 1 << 16;
    private final StringBuilder text = new StringBuilder(FLUSH_CHARS * 2);
    private final OutputStream out;

    PageStream(OutputStream out) {
        this.out = out;
    }

    PageStream append(String s) {
        text.append(s);
        return spill();
    }

    PageStream append(char c) {
        text.append(c);
        return spill();
    }

    /** Numbers (an int widens to this); deliberately no append(Object), so nothing prints as a toString by accident. */
    PageStream append(long n) {
        text.append(n);
        return spill();
    }

    private PageStream spill() {
        return text.length() >= FLUSH_CHARS ? flush() : this;
    }

    PageStream flush() {
        try {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        text.setLength(0);
        return this;
    }
}
