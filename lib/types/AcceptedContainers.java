package types;

import com.fasterxml.jackson.databind.JsonNode;
import datadir.DataDir;
import datadir.ProjectRecords;
import datadir.ProjectId;
import errors.ErrorCode;
import errors.PrezipException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import scan.Extensions;

/**
 * The extensions a project accepted as naming an archive the table does not know (a {@code .sketch} export,
 * a {@code .cbz}), DATA/projects/ID_containers.json: each with who accepted it, when and why. Written only
 * by {@code prezip_stager --accept-container}; named with its digest in every run's provenance.
 *
 * @param sha256 of the bytes read (or written), null when there is no file
 */
public record AcceptedContainers(Path file, String sha256, List<Accepted> accepted) {
    public record Accepted(String extension, String note, String acceptedBy, String acceptedAt) {}

    /** The file as written. */
    record FileContent(String projectId, List<Accepted> accepted) {}

    public AcceptedContainers {
        accepted = List.copyOf(accepted);
    }

    public static Path pathFor(DataDir data, ProjectId id) {
        return data.projectsDir().resolve(id.value() + "_containers.json");
    }

    public Set<String> extensions() {
        return accepted.stream().map(Accepted::extension).collect(Collectors.toUnmodifiableSet());
    }

    /** The project's accepted extensions; none when the file does not exist. */
    public static AcceptedContainers load(DataDir data, ProjectId id) {
        Path file = pathFor(data, id);
        ProjectRecords.Read read = ProjectRecords.read(file, id, "accepted", "a list of {extension, note, acceptedBy, acceptedAt}",
                ErrorCode.PZ_CONTAINERS_INVALID);
        if (read == null) {
            return new AcceptedContainers(file, null, List.of());
        }
        List<Accepted> accepted = new ArrayList<>();
        for (int i = 0; i < read.list().size(); i++) {
            JsonNode node = read.fields().object(read.list().get(i), "accepted[" + i + "]");
            String extension = Extensions.normalize(read.fields().requiredString(node, "extension"));
            if (!Extensions.isValid(extension)) {
                throw read.fields().fail("accepted[" + i + "].extension", "is no valid extension");
            }
            accepted.add(new Accepted(extension, read.fields().requiredString(node, "note"), read.fields().requiredString(node, "acceptedBy"),
                    read.fields().requiredString(node, "acceptedAt")));
        }
        return new AcceptedContainers(file, read.sha256(), accepted);
    }

    /**
     * Records {@code extension} as accepted for the project (who: the user running it; when: now; why: the
     * note, required); returns the acceptance written.
     */
    public static Accepted accept(DataDir data, ProjectId id, String extension, String note) {
        if (note == null || note.isBlank()) {
            throw new PrezipException(ErrorCode.PZ_USAGE, "--accept-container needs --note TEXT: say why the project ships archives so named");
        }
        String normalized = Extensions.normalize(extension);
        if (!Extensions.isValid(normalized)) {
            throw new PrezipException(ErrorCode.PZ_USAGE, "--accept-container takes one extension, such as sketch or .cbz");
        }
        Accepted one = new Accepted(normalized, note.strip(), System.getProperty("user.name"), java.time.Instant.now().toString());
        load(data, id).with(id, one);
        return one;
    }

    /** Writes the file with one more accepted extension (replacing an earlier acceptance of the same one). */
    public AcceptedContainers with(ProjectId id, Accepted one) {
        List<Accepted> all = new ArrayList<>(accepted.stream().filter(a -> !a.extension().equals(one.extension())).toList());
        all.add(one);
        return new AcceptedContainers(file, ProjectRecords.write(file, new FileContent(id.value(), all)), all);
    }
}
