package zip;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import errors.ErrorCode;
import errors.PrezipException;
import io.BoundedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import json.Json;
import json.JsonTree;
import policy.PolicyPreset;
import provenance.RunRecord;

/**
 * {@code <zip>.manifest.json}: the policy the zip was built with, the preset applied (if any), the run
 * that made it (its provenance; absent in manifests before 1.2.0), every entry's digest, the zip's own.
 */
// Fields a later v1 toolkit adds are ignored: only a schema_version change may break readers.
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ZipManifest(ZipPackagingMetadataV1 metadata, PolicyPreset.Applied policy, RunRecord run,
                          List<ZipEntryV1> entries, long zipBytes, String zipSha256) {

    public ZipManifest {
        entries = entries == null || entries instanceof ZipEntryV1.StagedView ? entries : List.copyOf(entries);
    }

    /**
     * The most a zip's manifest may hold: an entry costs the zip at least 76 bytes and twice its name,
     * the manifest about 200 and its name once, so 4 bytes of manifest per byte of zip (plus room) is
     * every real manifest, and a 2.5 GB file beside a small zip is refused before it is read.
     */
    public static long maxBytesFor(long zipBytes) {
        return MANIFEST_FLOOR_BYTES + 4 * Math.min(zipBytes, Long.MAX_VALUE / 8);
    }

    /** See {@link #maxBytesFor}: room for the metadata, provenance and a few entries whatever the zip. */
    static final long MANIFEST_FLOOR_BYTES = 16L << 20;

    public static Path pathFor(Path zip) {
        return zip.resolveSibling(zip.getFileName() + ".manifest.json");
    }

    /**
     * Reads a manifest, handing each entry to {@code eachEntry} as it is parsed and keeping none: its
     * entries are never a tree (about ten times the file) nor a list (about its size), so a manifest of
     * millions of entries is read in a small heap. The rest is a few values, refused past
     * {@link #MAX_OTHER_VALUES}. The result's entries are an empty list when the file has an entries
     * array, null when it has none. The schema version is checked before any entry's error is reported,
     * so a manifest of an unknown version is named as such rather than as a malformed file (entries
     * already handed over are then to be dropped).
     */
    public static ZipManifest read(Path file, long maxBytes, Consumer<ZipEntryV1> eachEntry) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        boolean hasEntries = false;
        String entryError = null;
        long[] valuesLeft = {MAX_OTHER_VALUES};
        try (InputStream in = BoundedFiles.open(file, ErrorCode.PZ_MANIFEST_INVALID, maxBytes);
             JsonParser parser = JsonTree.parser(in)) {
            // A key given twice ("entries" again, after a first list) is refused, never merged or overwritten.
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken top = parser.nextToken();
            if (top == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    if (parser.nextToken() == JsonToken.START_ARRAY && field.equals("entries")) {
                        hasEntries = true;
                        entryError = readEntries(parser, eachEntry);
                    } else {
                        root.set(field, JsonTree.readValue(parser, valuesLeft, MAX_OTHER_VALUES, file, ErrorCode.PZ_MANIFEST_INVALID));
                    }
                }
            } else if (top != null) {
                parser.skipChildren();
            }
            if (top != null && parser.nextToken() != null) {
                throw new PrezipException(ErrorCode.PZ_MANIFEST_INVALID, file
                        + ": not valid JSON (content after the top-level value, at line " + parser.currentLocation().getLineNr() + ")");
            }
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            throw new PrezipException(ErrorCode.PZ_MANIFEST_INVALID, file + ": not valid JSON (" + why + ")");
        }
        JsonNode version = root.path("metadata").path("schema_version");
        if (!version.isInt() || version.intValue() != ZipPolicyV1.SCHEMA_VERSION) {
            throw new PrezipException(ErrorCode.PZ_MANIFEST_VERSION, file + ": metadata.schema_version is "
                    + (version.isMissingNode() ? "missing" : version.toString()) + "; this verifier knows only "
                    + ZipPolicyV1.SCHEMA_VERSION);
        }
        if (entryError != null) {
            throw new PrezipException(ErrorCode.PZ_MANIFEST_INVALID, file + ": " + entryError);
        }
        try {
            ZipManifest rest = Json.MAPPER.treeToValue(root, ZipManifest.class);
            return new ZipManifest(rest.metadata(), rest.policy(), rest.run(), hasEntries ? List.of() : null,
                    rest.zipBytes(), rest.zipSha256());
        } catch (JsonProcessingException e) {
            throw new PrezipException(ErrorCode.PZ_MANIFEST_INVALID, file + ": " + e.getOriginalMessage());
        }
    }

    /** Metadata, policy and provenance together are a few dozen values; this is room for long argument lists. */
    public static final long MAX_OTHER_VALUES = 100_000;

    /**
     * Binds the entries array at the parser, one entry at a time; returns the first value of the wrong
     * kind, or null.
     */
    private static String readEntries(JsonParser parser, Consumer<ZipEntryV1> eachEntry) throws IOException {
        String[] error = {null};
        for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
            if (parser.isExpectedStartObjectToken()) {
                eachEntry.accept(readEntry(parser, i, error));
            } else {
                parser.skipChildren();
                error[0] = error[0] != null ? error[0] : "entries[" + i + "] is not an object";
            }
        }
        return error[0];
    }

    /**
     * The entry object whose start the parser is at, keeping the first value of the wrong kind in
     * {@code error[0]}. Unknown fields are skipped, as databind would.
     */
    private static ZipEntryV1 readEntry(JsonParser parser, int index, String[] error) throws IOException {
        String path = null;
        String digest = null;
        String mode = null;
        long bytes = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            boolean text = value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NULL;
            boolean wholeNumber = value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
            boolean known = true;
            switch (field) {
                case "relative_path" -> path = text ? parser.getValueAsString() : null;
                case "sha256_or_blake3" -> digest = text ? parser.getValueAsString() : null;
                case "normalized_mode" -> mode = text ? parser.getValueAsString() : null;
                case "uncompressed_bytes" -> bytes = wholeNumber ? parser.getLongValue() : 0;
                default -> known = false;
            }
            boolean number = field.equals("uncompressed_bytes");
            if (known && error[0] == null && !(number ? wholeNumber : text)) {
                error[0] = "entries[" + index + "]." + field + " is not " + (number ? "a whole number" : "a string");
            }
            parser.skipChildren();
        }
        // The mode is one value in every real manifest: shared, not kept once per entry.
        return new ZipEntryV1(path, digest, bytes, ZipPolicyV1.NORMALIZED_MODE.equals(mode) ? ZipPolicyV1.NORMALIZED_MODE : mode);
    }

    /**
     * A manifest's entries pulled one at a time, for a reader that walks two sorted lists side by side
     * (two deliveries compared, a zip's directory and its manifest): only the current entry is held. Read
     * the manifest with {@link #read} first (version, metadata, every entry's kinds); this pass stops at
     * the first entry of the wrong kind, as the file then changed since.
     */
    public static final class EntryReader implements java.io.Closeable {
        private final Path file;
        private final InputStream in;
        private final JsonParser parser;
        private boolean inEntries;
        private int index;

        /** Opens the manifest and finds its entries array (none: no entries). */
        public EntryReader(Path file, long maxBytes) {
            this.file = file;
            this.in = BoundedFiles.open(file, ErrorCode.PZ_MANIFEST_INVALID, maxBytes);
            try {
                parser = JsonTree.parser(in);
                if (parser.nextToken() == JsonToken.START_OBJECT) {
                    while (!inEntries && parser.nextToken() == JsonToken.FIELD_NAME) {
                        String field = parser.currentName();
                        inEntries = parser.nextToken() == JsonToken.START_ARRAY && field.equals("entries");
                        if (!inEntries) {
                            parser.skipChildren();
                        }
                    }
                }
            } catch (IOException e) {
                close();
                throw invalid(e);
            }
        }

        /** The next entry in the file's order, or null after the last. */
        public ZipEntryV1 next() {
            if (!inEntries) {
                return null;
            }
            try {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    inEntries = false;
                    if (parser.currentToken() == JsonToken.END_ARRAY) {
                        return null;
                    }
                    throw new PrezipException(ErrorCode.PZ_MANIFEST_INVALID, file + ": entries[" + index + "] is not an object");
                }
                String[] error = {null};
                ZipEntryV1 entry = readEntry(parser, index++, error);
                if (error[0] != null) {
                    throw new PrezipException(ErrorCode.PZ_MANIFEST_INVALID, file + ": " + error[0]);
                }
                return entry;
            } catch (IOException e) {
                throw invalid(e);
            }
        }

        private PrezipException invalid(IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            return new PrezipException(ErrorCode.PZ_MANIFEST_INVALID, file + ": not valid JSON (" + why + ")");
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                // Read only: nothing to lose.
            }
        }
    }
}
