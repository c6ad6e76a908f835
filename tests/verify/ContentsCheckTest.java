package verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static verify.ZipVerifierTest.assertOnly;
import static verify.ZipVerifierTest.assertValid;
import static verify.ZipVerifierTest.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import support.StagerZipFixture;
import support.TempTrees;
import zip.ContentsFile;
import zip.ZipManifest;

/** ContentsCheck: ZIP.contents.sha256 against the manifest, line for line, as a client's sha256sum -c would read it. */
class ContentsCheckTest extends StagerZipFixture {
    Path contents() {
        return ContentsFile.pathFor(good.zip());
    }

    List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(contents(), StandardCharsets.UTF_8));
    }

    void write(List<String> lines) throws IOException {
        Files.writeString(contents(), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    static VerifyFinding only(ZipVerifier.Result result) {
        assertOnly(result, VerifyCheck.VZ_CONTENTS_FILE);
        assertEquals(1, result.findings().size(), result.findings().toString());
        return result.findings().get(0);
    }

    @Test
    void aFreshDeliverysContentsFileIsCheckedAndAgrees() throws IOException {
        ZipVerifier.Result result = verify(good.zip());
        assertValid(result);
        assertTrue(result.checked().contains(VerifyCheck.VZ_CONTENTS_FILE));
        assertEquals(4, lines().size(), "one line per entry");
    }

    @Test
    void aChangedDigestIsNamedByItsLineAndPath() throws IOException {
        List<String> lines = lines();
        lines.set(2, "0".repeat(64) + lines.get(2).substring(64));
        write(lines);
        String message = only(verify(good.zip())).message();
        assertTrue(message.contains("line 3 should be"), message);
        assertTrue(message.contains("(images/logo.png), it is '" + "0".repeat(64)), message);
    }

    @Test
    void aMissingLineOrAnExtraOneFails() throws IOException {
        List<String> lines = lines();
        write(lines.subList(0, 3));
        assertTrue(only(verify(good.zip())).message().contains("line 4 should be"), "the last line missing");
        List<String> more = new ArrayList<>(lines);
        more.add(lines.get(0));
        write(more);
        assertTrue(only(verify(good.zip())).message().contains("more lines than the manifest's 4 entries"));
        List<String> swapped = new ArrayList<>(List.of(lines.get(1), lines.get(0), lines.get(2), lines.get(3)));
        write(swapped);
        assertTrue(only(verify(good.zip())).message().contains("line 1 should be"), "another order is another file");
    }

    @Test
    void aLinkAtItsPlaceIsNeverFollowed() throws IOException {
        Path elsewhere = TempTrees.file(tmp, "elsewhere.sha256", TempTrees.readString(contents()));
        Files.delete(contents());
        TempTrees.symlink(contents(), elsewhere);
        assertTrue(only(verify(good.zip())).message().contains("not a regular file"));
    }

    @Test
    void withoutAContentsFileTheCheckDoesNotRun() throws IOException {
        Files.delete(contents());
        ZipVerifier.Result result = verify(good.zip());
        assertValid(result);
        assertFalse(result.checked().contains(VerifyCheck.VZ_CONTENTS_FILE));
    }

    @Test
    void aManifestWhoseEntriesAreInvalidIsNotComparedWithIt() throws IOException {
        support.ZipTamper.editManifest(ZipManifest.pathFor(good.zip()), root -> root.remove("entries"));
        ZipVerifier.Result result = verify(good.zip());
        assertFalse(result.checked().contains(VerifyCheck.VZ_CONTENTS_FILE));
        assertTrue(ZipVerifierTest.codes(result).contains(VerifyCheck.VZ_MANIFEST_INVALID));
    }
}
