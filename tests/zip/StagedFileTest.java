package zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StagedFileTest {
    @Test
    void theDigestComesBackAsItsBytesAndItsHex() {
        byte[] digest = new byte[32];
        new Random(3).nextBytes(digest);
        digest[0] = (byte) 0xff;
        digest[31] = 0;
        StagedFile staged = StagedFile.of("a/b.txt", 12, digest);
        assertArrayEquals(digest, staged.sha256());
        assertEquals(HexFormat.of().formatHex(digest), staged.sha256Hex());
        assertEquals(StagedFile.of("a/b.txt", 12, digest.clone()), staged, "equal digests, equal records");
    }
}
