package support;

import console.Progress;
import datadir.DataDir;
import datadir.ProjectId;
import delivery.DeliveryRequest;
import delivery.Notice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A prezip_stager request for the tests that drive lib/delivery without picocli: the command's defaults
 * (a dry-run, --companions warn, no preset, key or page), an option set by the method of its name, and
 * what the run says kept in {@link #notices}, in order.
 */
public final class StagerRequest {
    public final List<Notice> notices = new ArrayList<>();
    private final String projectId;
    private final Path content;
    private final Path data;
    private final Path zip;
    private boolean commit;
    private boolean allowUnknown;
    private boolean forbidEmptyDirs;
    private String companions = "warn";
    private Path html;
    private Path since;
    private boolean noReuse;

    public StagerRequest(String projectId, Path content, Path data, Path zip) {
        this.projectId = projectId;
        this.content = content;
        this.data = data;
        this.zip = zip;
    }

    public StagerRequest commit() {
        commit = true;
        return this;
    }

    public StagerRequest allowUnknown() {
        allowUnknown = true;
        return this;
    }

    public StagerRequest forbidEmptyDirs() {
        forbidEmptyDirs = true;
        return this;
    }

    public StagerRequest companions(String mode) {
        companions = mode;
        return this;
    }

    public StagerRequest since(Path previous) {
        since = previous;
        return this;
    }

    public StagerRequest noReuse() {
        noReuse = true;
        return this;
    }

    public StagerRequest html(Path page) {
        html = page;
        return this;
    }

    public DeliveryRequest build() {
        return new DeliveryRequest(new ProjectId(projectId), content, zip, commit, allowUnknown, forbidEmptyDirs, false, null,
                companions, null, 2, html, false, new DataDir(data), "", List.of("--project-id", projectId),
                label -> Progress.NONE, notices::add, since, noReuse);
    }

    /** The notices of one kind, their text. */
    public List<String> said(Notice.Kind kind) {
        return notices.stream().filter(n -> n.kind() == kind).map(Notice::text).toList();
    }
}
