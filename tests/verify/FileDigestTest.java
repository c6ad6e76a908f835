package verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.TempTrees;

/** FileDigest: a file's sha256 and size, a link not followed when asked. */
class FileDigestTest {
    @TempDir
    Path tmp;

    @Test
    void aFilesSha256AndSize() throws IOException {
        byte[] bytes = TempTrees.compressibleText(3 * EntryDataReader.BUFFER_BYTES + 17);
        assertEquals(new FileDigest(TempTrees.sha256(bytes), bytes.length), FileDigest.of(TempTrees.write(tmp.resolve("f.txt"), bytes)));
        assertEquals(new FileDigest(TempTrees.sha256(new byte[0]), 0), FileDigest.of(TempTrees.write(tmp.resolve("empty"), new byte[0])));
    }

    @Test
    void aLinkIsNotFollowedWhenItMustNotBe() throws IOException {
        Path target = TempTrees.write(tmp.resolve("target.txt"), new byte[] {'x'});
        Path link = TempTrees.symlink(tmp.resolve("link.txt"), target);
        assertEquals(FileDigest.of(target), FileDigest.of(link));
        assertThrows(IOException.class, () -> FileDigest.of(link, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
    }
}
