package zip;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * An eligible file copied into staging, with the digest taken while it was copied. {@code relativePath}
 * is its entry name (the source path composed, {@link scan.EntryName}), where it sits under the staging root. A commit holds one of these per file until the manifest is
 * written, so the digest's 32 bytes are four longs in the record itself (no array object beside it:
 * 24 bytes less a file), made hex only when written out.
 */
public record StagedFile(String relativePath, long size, long sha256a, long sha256b, long sha256c, long sha256d) {

    /** @param sha256 the 32 bytes of the file's SHA-256 */
    public static StagedFile of(String relativePath, long size, byte[] sha256) {
        ByteBuffer digest = ByteBuffer.wrap(sha256);
        return new StagedFile(relativePath, size, digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
    }

    public byte[] sha256() {
        return ByteBuffer.allocate(32).putLong(sha256a).putLong(sha256b).putLong(sha256c).putLong(sha256d).array();
    }

    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256());
    }
}
