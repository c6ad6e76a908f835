package verify;

import io.Sha256;
import java.io.IOException;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/** A file's sha256 (lowercase hex) and byte count, read through one fixed buffer. */
record FileDigest(String sha256Hex, long size) {

    static FileDigest of(Path file, OpenOption... options) throws IOException {
        Sha256.OfFile read = Sha256.ofFile(file, options);
        return new FileDigest(read.hex(), read.size());
    }
}
