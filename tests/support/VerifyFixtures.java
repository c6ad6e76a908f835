package support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import zip.ZipManifest;

/** A standard content tree, the zip prezip_stager commits from it, and hand-made variants of that zip. */
public final class VerifyFixtures {
    public static final String PROJECT = "vz1";
    static final List<String> ALLOWED = List.of("png", "txt", "yaml");
    /** Bytes of a tiny PNG (STORED by v1); nothing decodes them, they only need to be binary. */
    public static final byte[] PNG = java.util.HexFormat.of().parseHex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    + "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2a9fd2f0000000049454e44ae426082");

    private VerifyFixtures() {}

    /** What the stager made: the tree, its data dir, the zip and the manifest. */
    public record Built(Path content, Path data, Path zip, Path manifest) {}

    /** The eligible files of {@link #contentTree}, with their bytes, in v1 order. */
    static List<String[]> eligibleFiles() {
        return List.of(
                new String[] {"config/scene.yaml", "scene: 1\n"},
                new String[] {"config/settings.yaml", "quality: high\nfps: 30\n"},
                new String[] {"images/logo.png", null},
                new String[] {"notes/readme.txt", "Read me first. ".repeat(40)});
    }

    /** The eligible files plus a hidden one and a banned one, which the stager leaves out. */
    static Path contentTree(Path root) {
        try {
            for (String[] file : eligibleFiles()) {
                if (file[1] == null) {
                    Files.createDirectories(root.resolve(file[0]).getParent());
                    Files.write(root.resolve(file[0]), PNG);
                } else {
                    TempTrees.file(root, file[0], file[1]);
                }
            }
            TempTrees.file(root, ".env", "SECRET=1\n");
            TempTrees.file(root, "notes/build.log", "built\n");
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs prezip_stager --commit on the standard tree under {@code dir}. */
    public static Built stagerZip(Path dir) {
        Path content = contentTree(dir.resolve("content"));
        Path data = TempTrees.dataDir(dir, PROJECT, ALLOWED);
        Path zip = dir.resolve("out").resolve("delivery.zip");
        try {
            Files.createDirectories(zip.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CliRun run = CliRun.stager("--project-id", PROJECT, "--content-dir", content.toString(), "--data-dir", data.toString(),
                "--output-zip", zip.toString(), "--allow-unknown", "--commit");
        assertEquals(0, run.exitCode(), run.describe());
        return new Built(content, data, zip, ZipManifest.pathFor(zip));
    }

    /** The standard tree's entries as v1 writes them, for hand-made zips. */
    public static List<ZipTamper.Entry> v1Entries() {
        List<ZipTamper.Entry> entries = new ArrayList<>();
        for (String[] file : eligibleFiles()) {
            entries.add(file[1] == null ? ZipTamper.Entry.v1(file[0], PNG) : ZipTamper.Entry.v1(file[0], file[1]));
        }
        return entries;
    }

    /** Writes {@code dir/name} from {@code inZip} and a manifest listing {@code inManifest}; returns the zip. */
    public static Path craft(Path dir, String name, List<ZipTamper.Entry> inZip, List<ZipTamper.Entry> inManifest) {
        Path zip = ZipTamper.writeZip(dir.resolve(name), inZip);
        ZipTamper.writeManifest(zip, inManifest);
        return zip;
    }

    /** A zip and a matching manifest of these entries (the manifest hides nothing: only the zip is off). */
    public static Path craft(Path dir, String name, List<ZipTamper.Entry> entries) {
        return craft(dir, name, entries, entries);
    }

    /** A zip and manifest as toolkit 1.0.0 described them: the manifest's toolkit_version is 1.0.0. */
    public static Path craftBefore110(Path dir, String name, List<ZipTamper.Entry> entries) {
        Path zip = craft(dir, name, entries, entries);
        ZipTamper.editManifest(ZipManifest.pathFor(zip),
                root -> ((ObjectNode) root.at("/metadata/toolchain")).put("toolkit_version", "1.0.0"));
        return zip;
    }

    /** The standard entries with one changed (by name). */
    public static List<ZipTamper.Entry> v1EntriesWith(String name, UnaryOperator<ZipTamper.Entry> change) {
        List<ZipTamper.Entry> entries = new ArrayList<>();
        for (ZipTamper.Entry e : v1Entries()) {
            entries.add(e.nameString().equals(name) ? change.apply(e) : e);
        }
        return entries;
    }

    /** Patches a copy of a zip (and re-records its digest in a copied manifest, so only the patch shows). */
    public static Path patched(Path zip, Path target, java.util.function.Consumer<byte[]> patch) {
        byte[] bytes = TempTrees.readBytes(zip);
        patch.accept(bytes);
        ZipTamper.writeBytes(target, bytes);
        try {
            Files.copy(ZipManifest.pathFor(zip), ZipManifest.pathFor(target), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ZipTamper.refreshZipDigest(target);
        return target;
    }
}
