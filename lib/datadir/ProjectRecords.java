package datadir;

import com.fasterxml.jackson.databind.JsonNode;
import errors.ErrorCode;
import errors.IoErrors;
import io.AtomicFiles;
import io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import json.Json;
import json.JsonFields;
import json.JsonTree;

/**
 * A project's record file, {@code DATA/projects/ID_NAME.json} ({@code {projectId, LIST: [...]}}): what an
 * operator's command added for one project (secret approvals, accepted containers), each entry with who, when
 * and why. Read bounded and held to its project; written whole, atomically.
 */
public final class ProjectRecords {
    private ProjectRecords() {}

    /**
     * The file's list as read: its bytes' sha256, the list, and the checker that names a bad entry's field in
     * the file (with the file's error code).
     */
    public record Read(String sha256, JsonNode list, JsonFields fields) {}

    /**
     * Reads the file; null when there is none (a link is read as one and refused by {@link DataFile}).
     *
     * @param listShape what the list holds, for the message when it is missing
     */
    public static Read read(Path file, ProjectId id, String listField, String listShape, ErrorCode invalid) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        DataFile read = DataFile.of(file, invalid, JsonTree.DATA_FILE_MAX_BYTES);
        JsonNode root = JsonTree.parse(read.bytes(), file, invalid);
        JsonFields fields = new JsonFields(file, invalid);
        fields.object(root, "(top level)");
        if (!id.value().equals(fields.requiredString(root, "projectId"))) {
            throw fields.fail("projectId", "is not '" + id + "'");
        }
        JsonNode list = root.get(listField);
        if (list == null || !list.isArray()) {
            throw fields.fail(listField, "is required (" + listShape + ")");
        }
        return new Read(read.sha256(), list, fields);
    }

    /** Writes the file whole (its folder made if needed); returns the sha256 of the bytes written. */
    public static String write(Path file, Object content) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw IoErrors.toPrezip(e, "creating the projects folder", file.getParent());
        }
        byte[] bytes = Json.bytes(content);
        AtomicFiles.write(file, bytes);
        return Sha256.hex(bytes);
    }
}
