package verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.TempTrees;
import support.ZipTamper;

/** ZipStructure: extra blocks split into fields, and reads that stop at the end of the file. */
class ZipStructureTest {
    @TempDir
    Path tmp;

    @Test
    void anExtraBlockIsSplitIntoItsFieldsOrSaysWhereItBreaks() {
        byte[] zip64 = ZipTamper.extraField(ZipStructure.ZIP64_EXTRA_ID, new byte[16]);
        byte[] time = ZipTamper.extraField(0x5455, new byte[] {1, 0, 0, 0, 0});
        byte[] both = Arrays.copyOf(zip64, zip64.length + time.length);
        System.arraycopy(time, 0, both, zip64.length, time.length);
        ZipStructure.Extras extras = ZipStructure.parseExtras(both);
        assertNull(extras.problem());
        assertEquals(List.of(ZipStructure.ZIP64_EXTRA_ID, 0x5455), extras.fields().stream().map(ZipStructure.ExtraField::id).toList());
        assertArrayEquals(new byte[] {1, 0, 0, 0, 0}, extras.find(0x5455).data());
        assertNull(extras.find(0x7875));

        ZipStructure.Extras stray = ZipStructure.parseExtras(Arrays.copyOf(zip64, zip64.length + 3));
        assertEquals("3 stray byte(s) at the end of the extra block", stray.problem());
        assertEquals(1, stray.fields().size(), "the fields before the break are kept");
        assertEquals("extra field 0x0001 declares 16 bytes, only 15 remain",
                ZipStructure.parseExtras(Arrays.copyOf(zip64, zip64.length - 1)).problem());
    }

    @Test
    void aReadPastTheEndOfTheFileIsATruncatedZip() throws Exception {
        Path file = TempTrees.write(tmp.resolve("short.bin"), new byte[10]);
        try (FileChannel channel = FileChannel.open(file)) {
            assertEquals(8, ZipStructure.read(channel, 2, 8).remaining());
            assertEquals("the file ends inside a record at offset 4: truncated",
                    assertThrows(ZipStructure.MalformedZipException.class, () -> ZipStructure.read(channel, 4, 8)).getMessage());
        }
    }

    @Test
    void aNameIsShownDecodedWithInvisibleCharactersEscaped() {
        assertEquals("notes/readme.txt", ZipStructure.Names.display("notes/readme.txt".getBytes(StandardCharsets.UTF_8)));
        assertFalse(ZipStructure.Names.display(new byte[] {'a', 0x1b, '[', '2', 'J'}).contains("\u001b"));
    }
}
