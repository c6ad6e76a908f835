package zip;

import java.util.HexFormat;

/**
 * An eligible file copied into staging, with the digest taken while it was copied. It sits at its
 * relative path under the staging root; the digest is kept as its 32 bytes (hex only when written out),
 * as a commit holds one of these per file until the manifest is written.
 */
public record StagedFile(String relativePath, long size, byte[] sha256) {
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }
}
