package verify;

import io.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** A file's sha256 (lowercase hex) and byte count, read through one fixed buffer. */
record FileDigest(String sha256Hex, long size) {

    static FileDigest of(Path file, OpenOption... options) throws IOException {
        MessageDigest sha256 = Sha256.newDigest();
        long size = 0;
        byte[] buffer = new byte[EntryDataReader.BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file, options)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
                size += n;
            }
        }
        return new FileDigest(HexFormat.of().formatHex(sha256.digest()), size);
    }
}
