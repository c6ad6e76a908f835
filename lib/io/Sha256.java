package io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the digest of every manifest entry, zip checksum and policy file the toolkit writes or checks. */
public final class Sha256 {
    /** One read of a file of any size: large enough that per-call overhead vanishes, small enough for L2. */
    private static final int FILE_BUFFER_BYTES = 1 << 16;

    private Sha256() {}

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The sha256 of bytes in lowercase hex. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    /** A file's sha256 (lowercase hex) and how many bytes it held. */
    public record OfFile(String hex, long size) {}

    /** Reads a whole file through one fixed buffer, whatever its size. */
    public static OfFile ofFile(Path file, OpenOption... options) throws IOException {
        MessageDigest sha256 = newDigest();
        long size = 0;
        byte[] buffer = new byte[FILE_BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file, options)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
                size += n;
            }
        }
        return new OfFile(HexFormat.of().formatHex(sha256.digest()), size);
    }
}
