package json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import errors.ErrorCode;
import errors.PrezipException;
import io.BoundedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads the toolkit's data files into JSON trees with jackson-core's parser alone. Building the
 * databind ObjectMapper costs about 0.15 s of a run's start (hundreds of classes), and a dry-run needs
 * nothing of it: it only reads the allowlist, the bans and a preset.
 */
public final class JsonTree {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTree() {}

    /** The most a data file (allowlist, bans, preset, approvals) may hold: they are kilobytes; this is room to grow. */
    public static final long DATA_FILE_MAX_BYTES = 16L << 20;

    /**
     * Reads a JSON data file of at most {@link #DATA_FILE_MAX_BYTES}; a missing, oversized or malformed
     * file, or one that is no regular file, is a configuration error named by {@code invalid}.
     */
    public static JsonNode read(Path file, ErrorCode invalid) {
        return parse(BoundedFiles.readBytes(file, invalid, DATA_FILE_MAX_BYTES), file, invalid);
    }

    /** A parser over a stream from {@link BoundedFiles#open}, for files read value by value. */
    public static JsonParser parser(InputStream in) throws IOException {
        return FACTORY.createParser(in);
    }

    /**
     * The value at the parser's current token as a tree, counted against {@code valuesLeft[0]} (shared by
     * the calls for one file): the parts of a streamed file that should be small are refused the moment
     * the bound is passed, before the rest is read or built.
     */
    public static JsonNode readValue(JsonParser parser, long[] valuesLeft, long maxValues, Path file, ErrorCode invalid)
            throws IOException {
        try {
            return value(parser, valuesLeft);
        } catch (TooManyValues e) {
            throw new PrezipException(invalid, file + ": more than " + maxValues + " values where a few are expected");
        }
    }

    /** The budget of {@link #readValue} is spent. */
    private static final class TooManyValues extends RuntimeException {
        TooManyValues() {
            super(null, null, false, false);
        }
    }

    /**
     * Parses bytes already read from {@code file} (named in the error). Empty content is a missing node,
     * which the schema checks reject; content after the first value is refused, not ignored.
     */
    public static JsonNode parse(byte[] bytes, Path file, ErrorCode invalid) {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            if (parser.nextToken() == null) {
                return MissingNode.getInstance();
            }
            JsonNode root = value(parser, new long[] {Long.MAX_VALUE});
            if (parser.nextToken() != null) {
                throw new PrezipException(invalid, file + ": not valid JSON (content after the top-level value, at line "
                        + parser.currentLocation().getLineNr() + ")");
            }
            return root;
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new PrezipException(invalid, file + ": not valid JSON (" + why + ")");
        }
    }

    /**
     * The value at the parser's current token, as ObjectMapper.readTree would build it (last duplicate key
     * wins). Recursion follows nesting, which jackson-core caps (1,000 levels); {@code left[0]} counts the
     * values still allowed, and past zero nothing more is read.
     */
    private static JsonNode value(JsonParser parser, long[] left) throws IOException {
        if (--left[0] < 0) {
            throw new TooManyValues();
        }
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    object.set(field, value(parser, left));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser, left));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            // The parser yields no other token where a value starts.
            default -> throw new IllegalStateException("unexpected " + parser.currentToken());
        };
    }
}
