package json;

import com.fasterxml.jackson.databind.JsonNode;
import errors.ErrorCode;
import errors.PrezipException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Schema checks for the toolkit's data files: every failure names the file and the field. */
public final class JsonFields {
    private final Path file;
    private final ErrorCode invalid;

    public JsonFields(Path file, ErrorCode invalid) {
        this.file = file;
        this.invalid = invalid;
    }

    public JsonNode object(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw fail(where, "must be a JSON object");
        }
        return node;
    }

    public String requiredString(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual()) {
            throw fail(field, "must be a string");
        }
        return node.asText();
    }

    public String optionalString(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw fail(field, "must be a string");
        }
        return node.asText();
    }

    /** A list of strings; absent means empty unless {@code required}. */
    public List<String> strings(JsonNode parent, String field, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw fail(field, "is required (a list of strings)");
            }
            return List.of();
        }
        if (!node.isArray()) {
            throw fail(field, "must be a list of strings");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw fail(field + "[" + i + "]", "must be a string");
            }
            values.add(node.get(i).asText());
        }
        return values;
    }

    public PrezipException fail(String field, String problem) {
        return new PrezipException(invalid, file + ": field '" + field + "' " + problem);
    }
}
