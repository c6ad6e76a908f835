package inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import datadir.DataFile;
import errors.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scan.TreeScanner;
import support.TempTrees;
import support.TypeSamples;
import types.ContentTypes;

/**
 * The inventory's look at what the files are: per extension, how many are not what it says and the first
 * of them (in path order); honest files, text, hidden files and files without an extension say nothing.
 */
class TypeSurveyTest {
    /** The shipped table, as the inventory reads it. */
    static final ContentTypes TABLE = ContentTypes.load(DataFile.of(TempTrees.repoRoot().resolve("data/" + ContentTypes.FILE),
            ErrorCode.PZ_CONTENT_TYPES_INVALID, json.JsonTree.DATA_FILE_MAX_BYTES));

    @TempDir
    Path content;

    private void write(String path, byte[] bytes) throws IOException {
        Path file = content.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    @Test
    void eachExtensionNotAllWhatItSaysIsCountedWithItsFirstFile() throws IOException {
        write("img/a.png", TypeSamples.image("png"));
        write("img/b.png", TypeSamples.javaBinary());
        write("img/c.png", TypeSamples.image("jpeg"));
        write("photo.jpg", TypeSamples.image("jpeg"));
        write("notes.txt", "#!/bin/sh\necho plain text\n".getBytes());
        write(".hidden/x.png", TypeSamples.javaBinary());
        write("README", TypeSamples.javaBinary());
        write("escape.p\u001b[2Jng", TypeSamples.javaBinary()); // no allowlist can hold that extension: not surveyed
        List<Inventory.Mismatched> found = TypeSurvey.of(TreeScanner.scan(content), TABLE);
        assertEquals(1, found.size(), found.toString());
        Inventory.Mismatched png = found.get(0);
        assertEquals("png", png.extension());
        assertEquals(2, png.files(), "the ELF and the JPEG");
        assertEquals(3, png.of(), "hidden files are not counted");
        assertEquals("img/b.png", png.example());
        assertEquals("an ELF executable or shared library, named .png", png.detail());
    }

    @Test
    void honestFilesSayNothing() throws IOException {
        write("a.png", TypeSamples.image("png"));
        write("b.gif", TypeSamples.image("gif"));
        write("c.txt", "hello\n".getBytes());
        assertEquals(List.of(), TypeSurvey.of(TreeScanner.scan(content), TABLE));
    }
}
