package zip;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** {@code <zip>.sha256} in sha256sum's format, so a client can run {@code sha256sum -c ZIP.sha256}. */
public final class ChecksumFile {
    private ChecksumFile() {}

    public static Path pathFor(Path zip) {
        return zip.resolveSibling(zip.getFileName() + ".sha256");
    }

    /** Two spaces: sha256sum's separator for a file read in binary mode. */
    public static byte[] content(Path zip, String sha256Hex) {
        return (sha256Hex + "  " + zip.getFileName() + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
