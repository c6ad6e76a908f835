package datadir;

import errors.ErrorCode;
import errors.PrezipException;
import io.BoundedFiles;
import io.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A data file as it was read: from the data folder, or the toolkit's built-in copy when the data folder
 * has none (the shipped global bans, presets and secret rules travel inside each command's jar, so a
 * data folder that holds only {@code projects/} works). The digest is of the very bytes parsed.
 *
 * @param path where it was read from, or null for the built-in copy
 * @param name its name under the data folder, e.g. {@code policies/strict.json}
 */
public record DataFile(Path path, String name, byte[] bytes) {
    /** How provenance and messages name a built-in file: never a path that could be mistaken for one on disk. */
    public static final String BUILT_IN_PREFIX = "built-in:";

    public boolean builtIn() {
        return path == null;
    }

    /** The path, or {@code built-in:NAME}: what reports, provenance and error messages show. */
    public String shown() {
        return builtIn() ? BUILT_IN_PREFIX + name : path.toAbsolutePath().normalize().toString();
    }

    /** What parse errors name: the file's path, or the built-in name (a built-in file is tested, so this is for completeness). */
    public Path label() {
        return builtIn() ? Path.of(shown()) : path;
    }

    public String sha256() {
        return Sha256.hex(bytes);
    }

    /** A file at a path (no built-in fallback), read within the data-file bounds of {@link BoundedFiles#readBytes}. */
    public static DataFile of(Path file, ErrorCode invalid, long maxBytes) {
        return new DataFile(file, file.getFileName().toString(), BoundedFiles.readBytes(file, invalid, maxBytes));
    }

    /**
     * {@code DATA/name} if the data folder has anything at that name (read as {@link BoundedFiles#readBytes}
     * reads: through a link to a regular file, as an operator may share one ban list; a folder, FIFO or
     * device there is refused, never skipped for the built-in copy), else the built-in copy, else null.
     */
    static DataFile inFolderOrBuiltIn(Path root, String name, ErrorCode invalid, long maxBytes) {
        Path file = root.resolve(name);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new DataFile(file, name, BoundedFiles.readBytes(file, invalid, maxBytes));
        }
        try (InputStream in = DataFile.class.getResourceAsStream("/" + BUILT_IN_FOLDER + "/" + name)) {
            return in == null ? null : new DataFile(null, name, in.readAllBytes());
        } catch (IOException e) {
            throw new PrezipException(ErrorCode.PZ_INTERNAL, "cannot read the built-in " + name + ": " + e.getMessage(), e);
        }
    }

    /** Where each command's jar holds the shipped data files (the //FILES lines of the command scripts). */
    static final String BUILT_IN_FOLDER = "data";
}
