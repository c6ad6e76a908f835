package types;

import com.fasterxml.jackson.databind.JsonNode;
import datadir.DataDir;
import datadir.DataFile;
import datadir.ProjectId;
import errors.ErrorCode;
import io.AtomicFiles;
import io.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import json.Json;
import json.JsonFields;
import json.JsonTree;
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
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return new AcceptedContainers(file, null, List.of());
        }
        DataFile read = DataFile.of(file, ErrorCode.PZ_CONTAINERS_INVALID, JsonTree.DATA_FILE_MAX_BYTES);
        JsonNode root = JsonTree.parse(read.bytes(), file, ErrorCode.PZ_CONTAINERS_INVALID);
        JsonFields fields = new JsonFields(file, ErrorCode.PZ_CONTAINERS_INVALID);
        fields.object(root, "(top level)");
        if (!id.value().equals(fields.requiredString(root, "projectId"))) {
            throw fields.fail("projectId", "is not '" + id + "'");
        }
        JsonNode list = root.get("accepted");
        if (list == null || !list.isArray()) {
            throw fields.fail("accepted", "is required (a list of {extension, note, acceptedBy, acceptedAt})");
        }
        List<Accepted> accepted = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = fields.object(list.get(i), "accepted[" + i + "]");
            String extension = Extensions.normalize(fields.requiredString(node, "extension"));
            if (!Extensions.isValid(extension)) {
                throw fields.fail("accepted[" + i + "].extension", "is no valid extension");
            }
            accepted.add(new Accepted(extension, fields.requiredString(node, "note"), fields.requiredString(node, "acceptedBy"),
                    fields.requiredString(node, "acceptedAt")));
        }
        return new AcceptedContainers(file, read.sha256(), accepted);
    }

    /** Records {@code extension} as accepted for the project (who: the user running it; when: now), the accepted one last. */
    public static AcceptedContainers accept(DataDir data, ProjectId id, String extension, String note) {
        String normalized = Extensions.normalize(extension);
        if (!Extensions.isValid(normalized)) {
            throw new errors.PrezipException(ErrorCode.PZ_USAGE, "--accept-container takes one extension, such as sketch or .cbz");
        }
        return load(data, id).with(id, new Accepted(normalized, note.strip(), System.getProperty("user.name"),
                java.time.Instant.now().toString()));
    }

    /** Writes the file with one more accepted extension (replacing an earlier acceptance of the same one). */
    public AcceptedContainers with(ProjectId id, Accepted one) {
        List<Accepted> all = new ArrayList<>(accepted.stream().filter(a -> !a.extension().equals(one.extension())).toList());
        all.add(one);
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw errors.IoErrors.toPrezip(e, "creating the projects folder", file.getParent());
        }
        byte[] bytes = Json.bytes(new FileContent(id.value(), all));
        AtomicFiles.write(file, bytes);
        return new AcceptedContainers(file, Sha256.hex(bytes), all);
    }
}
