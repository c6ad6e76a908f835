package policy;

import com.fasterxml.jackson.databind.JsonNode;
import datadir.ProjectId;
import errors.ErrorCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import json.JsonFields;
import scan.Extensions;

/**
 * A project's allowlist, as in allowed_ext_schema.md. Field names are the schema's, so Jackson writes
 * the file the Python scripts wrote.
 */
public record Allowlist(
        String projectId,
        String snapshotAt,
        String sourcePath,
        List<String> allowedExtensions,
        List<String> clientWhitelistOverrides,
        String notes) {

    public Allowlist {
        allowedExtensions = sortedUnique(allowedExtensions);
        clientWhitelistOverrides = sortedUnique(clientWhitelistOverrides);
    }

    /** Eligible extension set = allowedExtensions ∪ clientWhitelistOverrides (schema, "Usage in pre-zip stager"). */
    public Set<String> eligibleExtensions() {
        Set<String> all = new TreeSet<>(allowedExtensions);
        all.addAll(clientWhitelistOverrides);
        return Set.copyOf(all);
    }

    private static List<String> sortedUnique(List<String> extensions) {
        return List.copyOf(new TreeSet<>(extensions == null ? List.of() : extensions));
    }

    /** Parses and validates an allowlist file; every failure names the file and the field. */
    static Allowlist parse(Path file, JsonNode root, ProjectId expected) {
        JsonFields fields = new JsonFields(file, ErrorCode.PZ_ALLOWLIST_INVALID);
        fields.object(root, "(top level)");
        String projectId = fields.requiredString(root, "projectId");
        if (!projectId.equals(expected.value())) {
            throw fields.fail("projectId", "is '" + projectId + "' but the file is for '" + expected + "'");
        }
        return new Allowlist(
                projectId,
                fields.optionalString(root, "snapshotAt"),
                fields.optionalString(root, "sourcePath"),
                validExtensions(fields, "allowedExtensions", fields.strings(root, "allowedExtensions", true)),
                validExtensions(fields, "clientWhitelistOverrides", fields.strings(root, "clientWhitelistOverrides", false)),
                fields.optionalString(root, "notes"));
    }

    private static List<String> validExtensions(JsonFields fields, String field, List<String> raw) {
        for (int i = 0; i < raw.size(); i++) {
            if (!Extensions.isValid(Extensions.normalize(raw.get(i)))) {
                throw fields.fail(field + "[" + i + "]", "'" + raw.get(i) + "' is not an extension (no dots, slashes or spaces)");
            }
        }
        return raw.stream().map(Extensions::normalize).toList();
    }
}
