package io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Sha256Test {
    @Test
    void itIsSha256OfFips180() {
        // FIPS 180-2, appendix B.1: the one-block message "abc".
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HexFormat.of().formatHex(Sha256.newDigest().digest("abc".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void everyCallGivesADigestOfItsOwn() {
        // Digests are stateful and not thread-safe: staging threads must never share one.
        MessageDigest first = Sha256.newDigest();
        first.update((byte) 1);
        MessageDigest second = Sha256.newDigest();
        assertNotSame(first, second);
        assertEquals(HexFormat.of().formatHex(Sha256.newDigest().digest()), HexFormat.of().formatHex(second.digest()));
    }

    @Test
    void aFileIsReadWholeThroughItsBuffer(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        byte[] bytes = new byte[200_000];
        new java.util.Random(3).nextBytes(bytes);
        java.nio.file.Path file = java.nio.file.Files.write(tmp.resolve("f"), bytes);
        Sha256.OfFile read = Sha256.ofFile(file);
        assertEquals(HexFormat.of().formatHex(Sha256.newDigest().digest(bytes)), read.hex());
        assertEquals(200_000, read.size());
    }
}
