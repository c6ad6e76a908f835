package types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A window keeps the bytes of its place whatever the chunks the file streams past in. */
class WindowTest {
    static byte[] counting(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @Test
    void chunksOfAnySizeFillTheSameWindow() {
        byte[] file = counting(200);
        for (int chunk = 1; chunk <= 64; chunk++) {
            Window window = new Window(100, 10);
            for (int at = 0; at < file.length; at += chunk) {
                window.put(at, file, at, Math.min(chunk, file.length - at));
            }
            for (int p = 100; p < 110; p++) {
                assertEquals(p, window.get(p), "chunk " + chunk + ", byte " + p);
            }
        }
    }

    @Test
    void outsideTheWindowIsUnknownAndAChunkElsewhereChangesNothing() {
        Window window = new Window(10, 4);
        window.put(0, counting(8), 0, 8);
        window.put(20, counting(8), 0, 8);
        assertEquals(0, window.get(10), "never filled: zero, as an array is");
        assertEquals(-1, window.get(9));
        assertEquals(-1, window.get(14));
        assertEquals(14, window.end());
    }
}
