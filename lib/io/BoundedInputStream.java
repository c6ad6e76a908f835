package io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/** A stream that throws the given error on the read that would pass {@code maxBytes}, instead of returning it. */
final class BoundedInputStream extends FilterInputStream {
    private final Supplier<? extends RuntimeException> tooLong;
    private long left;

    BoundedInputStream(InputStream in, long maxBytes, Supplier<? extends RuntimeException> tooLong) {
        super(in);
        this.left = maxBytes;
        this.tooLong = tooLong;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? -1 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // One byte past the bound is asked for, so a file of exactly maxBytes ends cleanly.
        int n = super.read(buffer, offset, (int) Math.min(length, Math.max(left + 1, 1)));
        count(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, left + 1));
        count(skipped);
        return skipped;
    }

    private void count(long n) {
        if (n > 0 && (left -= n) < 0) {
            throw tooLong.get();
        }
    }
}
