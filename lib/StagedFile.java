import java.nio.file.Path;

/** An eligible file copied into staging, with the digest taken while it was copied. */
record StagedFile(String relativePath, Path stagedPath, long size, String sha256Hex) {}
