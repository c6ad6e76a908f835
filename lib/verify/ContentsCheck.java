package verify;

import errors.ErrorCode;
import errors.PrezipException;
import io.BoundedFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import zip.ContentsFile;
import zip.ZipEntryV1;
import zip.ZipManifest;

/**
 * VZ_CONTENTS_FILE: {@code <zip>.contents.sha256}, the lines a client runs {@code sha256sum -c} with on
 * what it extracted, must say what the manifest says: one line per manifest entry, in its order, each
 * exactly as {@link ContentsFile} writes it. Checked when the file is beside the zip (every delivery
 * since toolkit 1.4.0 has one; a zip sent without it has nothing to disagree). The manifest's entries
 * stream past the file's bytes: neither is held, and the file is read no further than the manifest's bound.
 */
final class ContentsCheck {
    private final Findings findings;

    ContentsCheck(Findings findings) {
        this.findings = findings;
    }

    /** @param maxBytes the bound the manifest is read to, which a file of shorter lines about the same entries keeps too */
    void check(Path zip, Path manifest, long maxBytes) throws IOException {
        Path file = ContentsFile.pathFor(zip);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        findings.ran(VerifyCheck.VZ_CONTENTS_FILE);
        if (!attributes.isRegularFile()) {
            findings.archive(VerifyCheck.VZ_CONTENTS_FILE, file + " is not a regular file (a link, folder or device is never read)");
            return;
        }
        String mismatch;
        try (InputStream in = new BufferedInputStream(BoundedFiles.open(file, ErrorCode.PZ_VERIFY_FAILED, maxBytes))) {
            Lines lines = new Lines(in);
            ZipManifest.read(manifest, maxBytes, lines::compare);
            mismatch = lines.mismatch != null ? lines.mismatch
                    : in.read() >= 0 ? "it has more lines than the manifest's " + lines.count + " entries" : null;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (PrezipException e) {
            mismatch = e.getMessage();
        }
        if (mismatch != null) {
            findings.archive(VerifyCheck.VZ_CONTENTS_FILE, file.getFileName() + " does not list the manifest's entries: " + mismatch
                    + "; sha256sum -c with it would not check what the manifest lists");
        }
    }

    /** The file read alongside the manifest's entries, up to the first line that differs. */
    private static final class Lines {
        private final InputStream in;
        int count;
        String mismatch;

        Lines(InputStream in) {
            this.in = in;
        }

        void compare(ZipEntryV1 entry) {
            if (mismatch != null || ManifestCheck.problemOf(entry) != null) {
                return; // past the first difference the lines are shifted; an entry changed since it was validated is not compared
            }
            count++;
            byte[] expected = ContentsFile.line(entry);
            byte[] actual;
            try {
                actual = in.readNBytes(expected.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!Arrays.equals(expected, actual)) {
                mismatch = "line " + count + " should be '" + shown(expected) + "' (" + VerifyFinding.quote(entry.relativePath())
                        + "), it is " + (actual.length == 0 ? "missing" : "'" + shown(actual) + "'");
            }
        }

        /** A line as a message quotes it: up to its end, its characters made printable. */
        private static String shown(byte[] line) {
            int end = 0;
            while (end < line.length && line[end] != '\n') {
                end++;
            }
            return VerifyFinding.quote(new String(line, 0, end, StandardCharsets.UTF_8));
        }
    }
}
