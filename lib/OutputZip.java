import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks the --output-zip argument before any work is done. */
final class OutputZip {
    private OutputZip() {}

    /**
     * @param contentRoot the content dir, already resolved
     * @param mustExist whether the zip's folder must exist (a commit writes there; a dry-run does not)
     * @return the zip's absolute, normalized path
     */
    static Path validate(Path outputZip, Path contentRoot, boolean mustExist) {
        Path zip = outputZip.toAbsolutePath().normalize();
        if (zip.getFileName() == null || Files.isDirectory(zip)) {
            throw new PrezipException(ErrorCode.PZ_USAGE, "--output-zip " + outputZip + " must name a file, not a folder");
        }
        Path parent = zip.getParent();
        Path realParent = realOrSelf(parent);
        if (realParent.startsWith(contentRoot)) {
            throw new PrezipException(ErrorCode.PZ_OUTPUT_INSIDE_CONTENT, "--output-zip " + zip + " is inside the content dir "
                    + contentRoot + ": " + ErrorCode.PZ_OUTPUT_INSIDE_CONTENT.advice());
        }
        if (mustExist && !Files.isDirectory(parent)) {
            throw new PrezipException(ErrorCode.PZ_OUTPUT_DIR_MISSING, "the output folder " + parent + " does not exist: "
                    + ErrorCode.PZ_OUTPUT_DIR_MISSING.advice());
        }
        return zip;
    }

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
