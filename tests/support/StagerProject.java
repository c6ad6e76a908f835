package support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh project for each CLI test of the stager: an empty content folder, a data folder with the repo's
 * bans and presets and the project's allowlist, an output folder and the zip path in it. Test classes
 * extend it and name the project, its allowed extensions and the zip.
 */
public abstract class StagerProject {
    @TempDir
    public Path tmp;
    public Path content;
    public Path data;
    public Path out;
    public Path zip;

    private final String projectId;
    private final List<String> allowed;
    private final String zipName;

    public StagerProject(String projectId, List<String> allowed, String zipName) {
        this.projectId = projectId;
        this.allowed = List.copyOf(allowed);
        this.zipName = zipName;
    }

    @BeforeEach
    protected void createProject() throws IOException {
        content = Files.createDirectories(tmp.resolve("content"));
        data = HookTrees.dataDir(tmp, projectId, allowed);
        out = Files.createDirectories(tmp.resolve("out"));
        zip = out.resolve(zipName);
    }

    /** The stager on this project, writing to (or reporting about) {@link #zip}. */
    protected CliRun stager(String... extra) {
        return CliRun.stager(TempTrees.args(projectId, content, data, zip, extra));
    }
}
