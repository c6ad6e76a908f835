package support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import zip.ChecksumFile;
import zip.ZipManifest;
import zip.ZipPolicyV1;

/**
 * What verify_zip --rebuild is tested on: a delivery the stager commits from a tree with every kind of
 * entry (a text deflated in blocks, past 4 MiB; a STORED image; small texts), and the same delivery with
 * one entry recompressed as another zip tool would (same content, other deflate bytes), its zip digest
 * updated in the manifest and in {@code ZIP.sha256}, so that every check but the rebuild passes.
 */
public final class RebuildTrees {
    public static final String PROJECT = "rb1";
    /** Deflated in blocks: past the threshold by three blocks and a byte. */
    public static final String LARGE = "plates/plate_0001.txt";
    public static final String STORED = "images/logo.png";
    public static final String SMALL = "notes/readme.txt";
    /** Offset of a central header's compressed-size field. */
    static final int CENTRAL_COMPRESSED_SIZE_AT = 20;

    private RebuildTrees() {}

    /** Writes the tree under {@code dir/content}, commits it to {@code dir/out/delivery.zip}, and returns the delivery. */
    public static VerifyFixtures.Built commit(Path dir) {
        Path content = dir.resolve("content");
        try {
            Files.createDirectories(content.resolve("plates"));
            Files.write(content.resolve(LARGE), TempTrees.compressibleText(
                    (int) ZipPolicyV1.BLOCK_DEFLATE_MIN_BYTES + 3 * ZipPolicyV1.DEFLATE_BLOCK_BYTES + 1));
            Files.createDirectories(content.resolve("images"));
            Files.write(content.resolve(STORED), VerifyFixtures.PNG);
            TempTrees.file(content, SMALL, "Read me first. ".repeat(200) + "Then the plates.\n");
            TempTrees.file(content, "config/scene.yaml", "scene: 1\nframes: 240\n");
            Files.createDirectories(dir.resolve("out"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path data = TempTrees.dataDir(dir, PROJECT, List.of("png", "txt", "yaml"));
        Path zip = dir.resolve("out").resolve("delivery.zip");
        CliRun run = CliRun.stager(TempTrees.args(PROJECT, content, data, zip, "--commit"));
        assertEquals(0, run.exitCode(), run.describe());
        return new VerifyFixtures.Built(content, data, zip, ZipManifest.pathFor(zip));
    }

    /**
     * Rewrites the zip with entry {@code name}'s content deflated again at {@code level} as one stream,
     * every other byte as it was but the offsets that follow; then re-records the zip's size and sha256 in
     * its manifest and checksum file. Returns the new zip's bytes.
     */
    public static byte[] recompress(Path zip, String name, int level) {
        byte[] original = TempTrees.readBytes(zip);
        List<ZipTamper.Entry> entries = entriesAsTheyAre(zip, original);
        // The rewrite alone changes nothing: only the one entry's data will differ.
        assertArrayEquals(original, ZipTamper.write(entries), "the zip rewritten as it is");
        ZipTamper.Entry target = entries.stream().filter(e -> e.nameString().equals(name)).findFirst().orElseThrow();
        byte[] again = ZipTamper.deflate(target.content, level);
        assertFalse(Arrays.equals(again, target.rawData), "level " + level + " deflates " + name + " to other bytes");
        target.rawData = again;
        byte[] rewritten = ZipTamper.write(entries);
        ZipTamper.writeBytes(zip, rewritten);
        ZipTamper.refreshZipDigest(zip);
        ZipTamper.writeBytes(ChecksumFile.pathFor(zip), ChecksumFile.content(zip, TempTrees.sha256(rewritten)));
        return rewritten;
    }

    /** The zip's entries in zip order, each with its content and its data exactly as the zip holds it. */
    static List<ZipTamper.Entry> entriesAsTheyAre(Path zip, byte[] bytes) {
        List<ZipTamper.Entry> entries = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> each = file.entries();
            while (each.hasMoreElements()) {
                ZipEntry e = each.nextElement();
                ZipTamper.Entry entry = ZipTamper.Entry.v1(e.getName(), file.getInputStream(e).readAllBytes());
                int central = ZipTamper.centralHeaderOffset(bytes, e.getName());
                int compressed = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(central + CENTRAL_COMPRESSED_SIZE_AT);
                int data = ZipTamper.dataOffset(bytes, e.getName());
                entry.rawData = Arrays.copyOfRange(bytes, data, data + compressed);
                entries.add(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
