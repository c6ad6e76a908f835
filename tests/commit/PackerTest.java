package commit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scan.PathOrder;
import scan.TreeScanner;
import support.CliRun;
import support.TempTrees;
import zip.DeterministicZipWriter;
import zip.ZipLayout;
import zip.ZipPolicyV1;

/** The parallel packer makes the same bytes as the serial writer, record by record as a streaming reader reads them. */
class PackerTest {
    @TempDir
    Path tmp;

    /** Text, incompressible images (STORED), an empty file, a non-ASCII name, one file above the inline limit. */
    Path tree() throws IOException {
        Path content = tmp.resolve("content");
        Random random = new Random(7);
        for (int i = 0; i < 60; i++) {
            byte[] image = new byte[1000 + random.nextInt(50_000)];
            random.nextBytes(image);
            Files.createDirectories(content.resolve("img"));
            Files.write(content.resolve("img/p" + i + ".png"), image);
            TempTrees.file(content, "doc/t" + i + ".txt", "line " + i + "\n".repeat(1 + random.nextInt(3000)));
        }
        TempTrees.file(content, "empty.txt", "");
        TempTrees.file(content, "café/ünïcode.txt", "non-ASCII names");
        byte[] big = new byte[(int) Packer.INLINE_LIMIT + 12345];
        random.nextBytes(big);
        Files.write(content.resolve("big.txt"), big);
        return content;
    }

    byte[] commit(Path content, Path data, String out, int threads) throws IOException {
        Path zip = Files.createDirectories(tmp.resolve(out)).resolve("p.zip");
        CliRun run = CliRun.stager("--project-id", "p", "--content-dir", content.toString(), "--data-dir", data.toString(),
                "--output-zip", zip.toString(), "--commit", "--threads", String.valueOf(threads));
        assertEquals(0, run.exitCode(), run.describe());
        return Files.readAllBytes(zip);
    }

    @Test
    void anyThreadCountGivesTheSerialWritersBytes() throws IOException {
        Path content = tree();
        Path data = TempTrees.dataDir(tmp.resolve("data"), "p", List.of("png", "txt"));
        byte[] one = commit(content, data, "t1", 1);
        byte[] two = commit(content, data, "t2", 2);
        byte[] eight = commit(content, data, "t8", 8);
        assertArrayEquals(one, two);
        assertArrayEquals(one, eight);

        ByteArrayOutputStream serial = new ByteArrayOutputStream();
        DeterministicZipWriter.write(sources(content), serial, ZipPolicyV1.DEFAULT_EPOCH_MS);
        assertArrayEquals(serial.toByteArray(), one);

        try (ZipFile zip = new ZipFile(tmp.resolve("t2/p.zip").toFile())) {
            List<String> names = Collections.list(zip.entries()).stream().map(e -> e.getName()).toList();
            assertEquals(123, names.size());
            assertTrue(names.contains("big.txt") && names.contains("café/ünïcode.txt"));
            assertArrayEquals(Files.readAllBytes(content.resolve("big.txt")), zip.getInputStream(zip.getEntry("big.txt")).readAllBytes());
        }
    }

    /**
     * Walked from the first byte as a streaming reader walks it: each local header holds the entry's CRC and
     * sizes, its data is the file (STORED) or one deflate stream of the whole file (whatever the chunks it
     * was fed in), and the next header follows at once; after the last entry comes the central directory.
     */
    @Test
    void everyLocalRecordSaysItsSizesAndIsFollowedByTheNext() throws IOException {
        Path content = tree();
        byte[] bigImage = new byte[(int) Packer.INLINE_LIMIT + 777];
        new Random(11).nextBytes(bigImage);
        Files.write(content.resolve("img/big.png"), bigImage);
        Path data = TempTrees.dataDir(tmp.resolve("data"), "p", List.of("png", "txt"));
        ByteBuffer zip = ByteBuffer.wrap(commit(content, data, "walk", 4)).order(ByteOrder.LITTLE_ENDIAN);
        List<DeterministicZipWriter.Source> sources = sources(content);
        int at = 0;
        for (DeterministicZipWriter.Source source : sources) {
            assertEquals(ZipLayout.LOCAL_HEADER_SIGNATURE, zip.getInt(at), source.name());
            assertEquals(ZipLayout.FLAGS, zip.getShort(at + 6), "only bit 11, no data descriptor: " + source.name());
            byte[] bytes = Files.readAllBytes(source.file());
            CRC32 crc = new CRC32();
            crc.update(bytes);
            assertEquals((int) crc.getValue(), zip.getInt(at + 14), source.name());
            byte[] expected = ZipPolicyV1.isStored(source.name()) ? bytes : deflated(bytes);
            assertEquals(expected.length, zip.getInt(at + 18), source.name());
            assertEquals(bytes.length, zip.getInt(at + 22), source.name());
            int nameLength = zip.getShort(at + 26);
            assertEquals(0, zip.getShort(at + 28), "no extra field: " + source.name());
            byte[] name = new byte[nameLength];
            zip.get(at + 30, name);
            assertEquals(source.name(), new String(name, StandardCharsets.UTF_8));
            byte[] stored = new byte[expected.length];
            zip.get(at + 30 + nameLength, stored);
            assertArrayEquals(expected, stored, source.name());
            at += 30 + nameLength + expected.length;
        }
        assertEquals(ZipLayout.CENTRAL_HEADER_SIGNATURE, zip.getInt(at));
        try (var left = Files.list(tmp.resolve("walk"))) {
            assertEquals(List.of("p.zip", "p.zip.contents.sha256", "p.zip.manifest.json", "p.zip.report.html", "p.zip.report.json", "p.zip.sha256"),
                    left.filter(p -> !p.equals(OutputLock.lockFileFor(p.resolveSibling("p.zip"))))
                            .map(p -> p.getFileName().toString()).sorted().toList(), "no staging or record file left");
        }
    }

    /**
     * The v1 deflate of a file, written here from the README's words and not from the writer: one stream,
     * or above the threshold 128 KiB blocks, each with the 32 KiB before it as its dictionary, sync-flushed,
     * the last finished.
     */
    static byte[] deflated(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        int block = bytes.length > ZipPolicyV1.BLOCK_DEFLATE_MIN_BYTES ? 128 * 1024 : Math.max(bytes.length, 1);
        for (int start = 0; start < bytes.length || start == 0; start += block) {
            boolean last = start + block >= bytes.length;
            Deflater deflater = new Deflater(ZipPolicyV1.DEFLATE_LEVEL, true);
            if (start > 0) {
                deflater.setDictionary(bytes, start - 32 * 1024, 32 * 1024);
            }
            deflater.setInput(bytes, start, Math.min(block, bytes.length - start));
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
            } else {
                int n;
                do {
                    n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                    out.write(buffer, 0, n);
                } while (n == buffer.length);
            }
            deflater.end();
            if (last) {
                break;
            }
        }
        return out.toByteArray();
    }

    static List<DeterministicZipWriter.Source> sources(Path content) throws IOException {
        List<DeterministicZipWriter.Source> sources = new ArrayList<>();
        try (var files = Files.walk(content)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                sources.add(new DeterministicZipWriter.Source(TreeScanner.relative(content, file), file, Files.size(file)));
            }
        }
        sources.sort((a, b) -> PathOrder.UTF8_BYTES.compare(a.name(), b.name()));
        return sources;
    }
}
