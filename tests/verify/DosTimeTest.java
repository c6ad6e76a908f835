package verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import zip.ZipPolicyV1;

/** DosTime: the DOS fields v1 writes for an instant, and how a message shows them. */
class DosTimeTest {
    @Test
    void dosTimeIsTheInstantAsUtcWallClock() {
        assertArrayEquals(new int[] {(0 << 9) | (1 << 5) | 1, 0}, DosTime.fields(ZipPolicyV1.DEFAULT_EPOCH_MS));
        int[] max = DosTime.fields(ZipPolicyV1.MAX_EPOCH_MS);
        assertEquals("2107-12-31 23:59:58", DosTime.describe(max[0], max[1]));
    }
}
