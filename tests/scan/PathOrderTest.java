package scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PathOrderTest {
    /** Characters from every UTF-8 length class, and both sides of the surrogate range. */
    private static final int[] CODE_POINTS = {'/', '.', '-', 'A', 'a', 'z', 0x7F, 0xE9, 0x7FF, 0x800, 0xD7FF,
            0xE000, 0xFB01, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};

    private static int byBytes(String a, String b) {
        return Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ordersAsTheUnsignedUtf8BytesOfRandomNames() {
        Random random = new Random(6);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = random.nextInt(6); n >= 0; n--) {
                name.appendCodePoint(CODE_POINTS[random.nextInt(CODE_POINTS.length)]);
            }
            names.add(name.toString());
        }
        for (int i = 0; i + 1 < names.size(); i++) {
            String a = names.get(i);
            String b = names.get(i + 1);
            assertEquals(byBytes(a, b), Integer.signum(PathOrder.UTF8_BYTES.compare(a, b)), a + " vs " + b);
        }
    }

    @Test
    void supplementaryCharactersSortAfterTheEndOfTheBasicPlane() {
        assertEquals(-1, Integer.signum(PathOrder.UTF8_BYTES.compare("\uFFFD.txt", "\uD83D\uDE00.txt")));
        assertEquals(1, Integer.signum(PathOrder.UTF8_BYTES.compare("\uD83D\uDE00.txt", "\uE000.txt")));
        assertEquals(-1, Integer.signum("\uD83D\uDE00.txt".compareTo("\uE000.txt")), "String.compareTo differs here");
    }

    @Test
    void aPrefixComesFirstAndEqualNamesTie() {
        assertEquals(-1, Integer.signum(PathOrder.UTF8_BYTES.compare("a", "a/b")));
        assertEquals(-1, Integer.signum(PathOrder.UTF8_BYTES.compare("a.txt", "a/b")));
        assertEquals(0, PathOrder.UTF8_BYTES.compare("d/\u00e9.txt", "d/\u00e9.txt"));
    }
}
