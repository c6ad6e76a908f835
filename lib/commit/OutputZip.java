package commit;

import errors.ErrorCode;
import errors.IoErrors;
import errors.PrezipException;
import io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import policy.NameSafety;

/** Checks the --output-zip argument before any work is done. */
public final class OutputZip {
    private OutputZip() {}

    /**
     * @param contentRoot the content dir, already resolved
     * @param commit whether the zip's folder must exist (a commit writes there; a dry-run does not)
     * @param mkdirs whether a commit may create a missing folder (never silently: the operator asked)
     * @return the zip's absolute, normalized path
     */
    public static Path validate(Path outputZip, Path contentRoot, boolean commit, boolean mkdirs) {
        Path zip = outputZip.toAbsolutePath().normalize();
        if (zip.getFileName() == null || Files.isDirectory(zip)) {
            throw new PrezipException(ErrorCode.PZ_USAGE, "--output-zip " + outputZip + " must name a file, not a folder");
        }
        if (!zip.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ZIP_SUFFIX)) {
            throw new PrezipException(ErrorCode.PZ_USAGE, "--output-zip " + outputZip + " must end in " + ZIP_SUFFIX
                    + ": the report, manifest and checksum are named after it, and the client opens it by its suffix");
        }
        var unsafe = NameSafety.problem(zip.getFileName().toString());
        if (unsafe.isPresent()) {
            // The client unpacks and checks this name too (sha256sum -c reads it from a line).
            throw new PrezipException(ErrorCode.PZ_USAGE, "--output-zip name " + unsafe.get());
        }
        Path parent = zip.getParent();
        Path realParent = realOrSelf(parent);
        if (realParent.startsWith(contentRoot)) {
            throw new PrezipException(ErrorCode.PZ_OUTPUT_INSIDE_CONTENT, "--output-zip " + zip + " is inside the content dir "
                    + contentRoot + ": " + ErrorCode.PZ_OUTPUT_INSIDE_CONTENT.advice());
        }
        // A dry-run fails here exactly as the commit would, and creates nothing.
        if (!Files.isDirectory(parent)) {
            if (!mkdirs) {
                throw new PrezipException(ErrorCode.PZ_OUTPUT_DIR_MISSING, "the output folder " + parent + " does not exist: "
                        + ErrorCode.PZ_OUTPUT_DIR_MISSING.advice());
            }
            if (commit) {
                try {
                    Files.createDirectories(parent);
                } catch (IOException e) {
                    throw IoErrors.toPrezip(e, "creating the output folder", parent);
                }
            }
        }
        AtomicFiles.requireWritableFolderFor(zip, "the output zip");
        return zip;
    }

    /** What an output zip's name ends in (in any case). */
    static final String ZIP_SUFFIX = ".zip";

    /** The real path of the deepest existing ancestor, with the rest appended. */
    private static Path realOrSelf(Path dir) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return dir;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(dir));
        } catch (IOException e) {
            return dir;
        }
    }
}
