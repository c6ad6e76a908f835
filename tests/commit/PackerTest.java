package commit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import java.util.zip.ZipFile;
import net.lingala.zip4j.io.outputstream.ZipOutputStream;
import net.lingala.zip4j.model.FileHeader;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.CompressionLevel;
import net.lingala.zip4j.model.enums.CompressionMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scan.PathOrder;
import scan.TreeScanner;
import support.CliRun;
import support.TempTrees;
import zip.DeterministicZipWriter;
import zip.ZipPolicyV1;

/** The parallel packer makes the same bytes as the serial writer, and both the same as one Zip4j stream. */
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

    /** Per-entry records stitched under one central directory equal what a single Zip4j stream writes. */
    @Test
    void stitchedRecordsEqualOneZip4jStream() throws IOException {
        Path content = tree();
        List<DeterministicZipWriter.Source> sources = sources(content);
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        DeterministicZipWriter.write(sources, ours, ZipPolicyV1.DEFAULT_EPOCH_MS);

        ByteArrayOutputStream reference = new ByteArrayOutputStream();
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        try (ZipOutputStream zip = new ZipOutputStream(reference, null,
                new net.lingala.zip4j.model.Zip4jConfig(StandardCharsets.UTF_8, 1 << 16, true), new net.lingala.zip4j.model.ZipModel())) {
            for (DeterministicZipWriter.Source source : sources) {
                ZipParameters p = new ZipParameters();
                p.setFileNameInZip(source.name());
                p.setCompressionMethod(ZipPolicyV1.isStored(source.name()) ? CompressionMethod.STORE : CompressionMethod.DEFLATE);
                p.setCompressionLevel(CompressionLevel.HIGHER);
                p.setEntrySize(source.size());
                p.setLastModifiedFileTime(ZipPolicyV1.DEFAULT_EPOCH_MS);
                p.setUnixMode(true);
                zip.putNextEntry(p);
                zip.write(Files.readAllBytes(source.file()));
                FileHeader header = zip.closeEntry();
                header.setExternalFileAttributes(new byte[] {0, 0, (byte) 0xA4, (byte) 0x81});
            }
        } finally {
            TimeZone.setDefault(saved);
        }
        assertEquals(6, ZipPolicyV1.DEFLATE_LEVEL, "the reference stream above uses level 6 (HIGHER)");
        assertArrayEquals(reference.toByteArray(), ours.toByteArray());
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
