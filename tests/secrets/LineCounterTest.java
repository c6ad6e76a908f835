package secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineCounterTest {
    @Test
    void linesAndColumnsAfterDropsAreThoseOfTheWholeStream() {
        // Bytes near a newline's (0x0A with its top bit, 0x0B, 0x09) would fool a wrong zero-byte test.
        byte[] alphabet = {'\n', 'a', ' ', (byte) 0x8A, 0x0B, 0x09, (byte) 0xFF, 0x00, 0x7F};
        Random random = new Random(11);
        byte[] stream = new byte[50_000];
        for (int i = 0; i < stream.length; i++) {
            stream[i] = alphabet[random.nextInt(alphabet.length)];
        }
        LineCounter lines = new LineCounter();
        int base = 0;
        while (base < stream.length) {
            byte[] buffer = Arrays.copyOfRange(stream, base, stream.length);
            for (int probe = 0; probe < 20; probe++) {
                int at = random.nextInt(buffer.length);
                assertEquals(lineOf(stream, base + at), lines.lineOf(buffer, at), "line at " + (base + at));
                assertEquals(columnOf(stream, base + at), lines.columnOf(buffer, base, at), "column at " + (base + at));
            }
            int drop = Math.min(buffer.length, random.nextInt(3_000));
            lines.countDropped(buffer, base, drop);
            base += Math.max(1, drop);
        }
    }

    static long lineOf(byte[] stream, int at) {
        long line = 1;
        for (int i = 0; i < at; i++) {
            line += stream[i] == '\n' ? 1 : 0;
        }
        return line;
    }

    static long columnOf(byte[] stream, int at) {
        int start = at;
        while (start > 0 && stream[start - 1] != '\n') {
            start--;
        }
        return at - start + 1;
    }
}
