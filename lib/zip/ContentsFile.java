package zip;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code <zip>.contents.sha256}: every entry's sha256 in sha256sum's format, one line per entry in zip
 * order, the entry's name as the path. A client checks what it extracted with coreutils alone:
 * {@code unzip -q d.zip -d d && (cd d && sha256sum -c ../d.zip.contents.sha256)}.
 */
public final class ContentsFile {
    /** Two spaces: sha256sum's separator for a file read in binary mode (no {@code *}, which some tools read as part of the name). */
    private static final String SEPARATOR = "  ";
    /** The lines are written through a buffer of this size: a manifest of 100,000 entries makes about 10 MB of them. */
    private static final int BUFFER_BYTES = 1 << 16;

    private ContentsFile() {}

    public static Path pathFor(Path zip) {
        return zip.resolveSibling(zip.getFileName() + ".contents.sha256");
    }

    /** Writes the lines of these manifest entries, in their order, to {@code out} (left open). */
    public static void write(List<ZipEntryV1> entries, OutputStream out) throws IOException {
        OutputStream buffered = new BufferedOutputStream(out, BUFFER_BYTES);
        for (ZipEntryV1 entry : entries) {
            buffered.write(line(entry));
        }
        buffered.flush();
    }

    /** The line of one manifest entry: its sha256 (the hex of {@code sha256:<hex>}) and its path. */
    public static byte[] line(ZipEntryV1 entry) {
        return line(entry.relativePath(), entry.sha256OrBlake3().substring(ZipEntryV1.SHA256_PREFIX.length()));
    }

    /**
     * sha256sum's line for a name: {@code <hex>  <name>\n}. A name holding a backslash, a line feed or a
     * carriage return is escaped as GNU coreutils 9 writes and reads it: the line starts with a backslash,
     * and those characters are written {@code \\}, {@code \n}, {@code \r} (macOS's {@code shasum} reads the
     * first two, not the third). The stager ships none of them (a backslash is a Windows folder separator,
     * the others control characters); a manifest from elsewhere may hold them.
     */
    static byte[] line(String name, String sha256Hex) {
        boolean escaped = name.indexOf('\\') >= 0 || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0;
        String shown = escaped ? name.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r") : name;
        return ((escaped ? "\\" : "") + sha256Hex + SEPARATOR + shown + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
