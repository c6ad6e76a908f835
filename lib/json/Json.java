//DEPS com.fasterxml.jackson.core:jackson-databind:2.17.2

package json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import errors.ErrorCode;
import errors.PrezipException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** The toolkit's one JSON output configuration: stable key order, pretty, no nulls, a final newline (files are read by {@link JsonTree}). */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // Map keys sorted so the same report always prints the same bytes.
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            // Exact decimals kept from files the toolkit updates are written as read, never as 1.2E+4.
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private Json() {}

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new PrezipException(ErrorCode.PZ_INTERNAL, "cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /** The same text as {@link #write}, encoded straight to UTF-8 (no char[] copy of a large manifest). */
    public static byte[] bytes(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array does not fail", e);
        }
        return out.toByteArray();
    }

    /** The same bytes as {@link #bytes}, streamed to {@code out} (left open). */
    public static void writeTo(Object value, OutputStream out) throws IOException {
        try {
            STREAMING.writeValue(out, value);
        } catch (JsonProcessingException e) {
            throw new PrezipException(ErrorCode.PZ_INTERNAL, "cannot serialize " + value.getClass().getSimpleName(), e);
        }
        out.write('\n');
    }

    /** The mapper's writer that leaves the caller's stream open (for the final newline, and its owner). */
    private static final ObjectWriter STREAMING = MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
}
