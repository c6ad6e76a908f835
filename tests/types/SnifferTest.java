package types;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import datadir.DataFile;
import errors.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.TempTrees;
import support.TypeSamples;

/**
 * Real samples are told by the bytes a run reads, however they stream past (one byte at a time, odd chunks,
 * whole), read at their places from a file, or through a stream a zip reader stops early in; cut at every
 * length they end in a type or unknown, never an exception.
 */
class SnifferTest {
    static final ContentTypes TABLE = ContentTypes.load(DataFile.of(TempTrees.repoRoot().resolve("data/" + ContentTypes.FILE),
            ErrorCode.PZ_CONTENT_TYPES_INVALID, json.JsonTree.DATA_FILE_MAX_BYTES));

    @TempDir
    Path tmp;

    static String fed(byte[] bytes, int chunk) {
        Sniffer sniffer = TABLE.sniffer(bytes.length);
        for (int at = 0; at < bytes.length; at += chunk) {
            sniffer.feed(bytes, at, Math.min(chunk, bytes.length - at));
        }
        ContentType type = sniffer.finish();
        return type == null ? null : type.name();
    }

    @Test
    void everySampleIsToldWhateverTheChunksItStreamsIn() {
        for (TypeSamples.Sample sample : TypeSamples.all().values()) {
            for (int chunk : new int[] {1, 7, 500, 1024, 4096, 1 << 20}) {
                assertEquals(sample.type(), fed(sample.bytes(), chunk), sample.type() + " in chunks of " + chunk);
            }
        }
    }

    @Test
    void everySampleIsToldFromItsPlacesInAFileAndThroughAStreamReadInPart() throws IOException {
        for (TypeSamples.Sample sample : TypeSamples.all().values()) {
            Path file = tmp.resolve(sample.type() + "." + sample.extension());
            Files.write(file, sample.bytes());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                assertEquals(sample.type(), TABLE.sniffer(sample.bytes().length).read(channel).name(), sample.type());
            }
            // A reader that stops after its first bytes (as a zip reader does before the central directory): closing reads the rest.
            Sniffer sniffer = TABLE.sniffer(sample.bytes().length);
            try (InputStream in = sniffer.tee(new ByteArrayInputStream(sample.bytes()))) {
                in.read(new byte[100]);
            }
            assertEquals(sample.type(), sniffer.finish().name(), sample.type() + " teed");
        }
    }

    @Test
    void textAndScriptsMatchNoSignature() {
        assertNull(fed("#!/usr/bin/env python3\nprint('hi')\n".getBytes(), 4096));
        assertNull(fed("Not wide enough, true to form: moov along\n".getBytes(), 4096));
        assertNull(fed(new byte[0], 1));
    }

    @Test
    void aJavaClassAndAFatBinaryShareTheirMagicAndAreToldApart() {
        assertEquals("java-class", fed(TypeSamples.ownClass(), 4096));
        assertEquals("mach-o-fat", fed(TypeSamples.machOFat(), 4096));
        assertEquals("mach-o", fed(TypeSamples.machO(true), 4096));
    }

    @Test
    void everySignatureCutAtEveryLengthEndsInATypeOrUnknown() {
        for (TypeSamples.Sample sample : TypeSamples.all().values()) {
            byte[] bytes = sample.bytes();
            // Every length through the head and a little past it, and around the fixed places further in (ISO's at 32 KiB).
            for (int length = 0; length <= bytes.length; length = next(length, bytes.length)) {
                byte[] cut = Arrays.copyOf(bytes, length);
                String type = assertDoesNotThrow(() -> fed(cut, 333), sample.type() + " cut at " + length);
                if (length < 3) {
                    assertNull(type, sample.type() + " cut at " + length);
                }
            }
        }
    }

    private static int next(int length, int size) {
        if (length < 2048 || (length > 32000 && length < 33000) || length >= size - 600) {
            return length + 1;
        }
        return Math.min(size - 600, length + 997);
    }

    @Test
    void aPeHeaderPointingPastTheFileOrNowhereIsNoPe() {
        byte[] pe = TypeSamples.pe();
        java.nio.ByteBuffer.wrap(pe).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0x3C, 0x7FFFFFF0);
        assertNotEquals("pe", fed(pe, 4096));
        byte[] far = Arrays.copyOf(TypeSamples.pe(), 70_000);
        java.nio.ByteBuffer.wrap(far).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0x3C, 65_000);
        far[65_000] = 'P';
        far[65_001] = 'E';
        // Beyond the head: the pointed-to bytes are captured as they stream past.
        assertEquals("pe", fed(far, 4096));
        assertEquals("pe", fed(far, 1));
    }

    @Test
    void aLargeFileCostsItsHeadAndItsFixedPlacesOnly() {
        byte[] big = new byte[8 << 20];
        System.arraycopy(TypeSamples.image("png"), 0, big, 0, 64);
        assertEquals("png", fed(big, 65536));
    }
}
