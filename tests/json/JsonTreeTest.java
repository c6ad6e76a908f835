package json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import errors.ErrorCode;
import errors.PrezipException;
import io.BoundedFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Data files read without databind give the trees databind's readTree gives, and refuse what it would. */
class JsonTreeTest {
    @TempDir
    Path tmp;

    JsonNode parse(String json) {
        return JsonTree.parse(json.getBytes(StandardCharsets.UTF_8), tmp.resolve("f.json"), ErrorCode.PZ_BANS_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"a\": [1, 2147483648, 123456789012345678901234567890, 1.5, -0.0, true, false, null, \"x\\u00e9\"]}",
            "{\"groups\": [{\"name\": \"n\", \"notes\": \"\", \"bannedTypes\": [], \"nested\": {\"k\": {}}}]}",
            "[]", "\"text\"", "42", "{\"dup\": 1, \"dup\": 2}", "  {\"ws\" :\n [ ] }  "})
    void buildsTheTreeDatabindWould(String json) throws Exception {
        assertEquals(Json.MAPPER.readTree(json), parse(json));
    }

    @Test
    void numbersKeepTheirKind() {
        JsonNode values = parse("[1, 2147483648, 123456789012345678901234567890, 1.5]");
        assertTrue(values.get(0).isInt());
        assertTrue(values.get(1).isLong());
        assertTrue(values.get(2).isBigInteger());
        assertTrue(values.get(3).isDouble());
    }

    @Test
    void emptyContentIsAMissingNodeThatSchemaChecksRefuse() {
        assertTrue(parse("").isMissingNode());
        PrezipException e = assertThrows(PrezipException.class,
                () -> new JsonFields(tmp.resolve("f.json"), ErrorCode.PZ_BANS_INVALID).object(parse("  "), "(top level)"));
        assertEquals(ErrorCode.PZ_BANS_INVALID, e.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": }", "{\"a\": 1", "{'a': 1}", "[1, 2,]", "{\"a\": 1} {\"b\": 2}", "{} x", "nul"})
    void malformedOrTrailingContentIsTheNamedConfigurationError(String json) {
        PrezipException e = assertThrows(PrezipException.class, () -> parse(json));
        assertEquals(ErrorCode.PZ_BANS_INVALID, e.code());
        assertTrue(e.getMessage().contains("f.json: not valid JSON ("), e.getMessage());
    }

    @Test
    void aMissingFileIsNamedAndAFolderIsNoFile() throws Exception {
        PrezipException missing = assertThrows(PrezipException.class,
                () -> JsonTree.read(tmp.resolve("none.json"), ErrorCode.PZ_ALLOWLIST_INVALID));
        assertEquals(ErrorCode.PZ_ALLOWLIST_INVALID, missing.code());
        assertTrue(missing.getMessage().endsWith("none.json: file not found"), missing.getMessage());

        Path folder = Files.createDirectories(tmp.resolve("folder.json"));
        PrezipException notAFile = assertThrows(PrezipException.class, () -> JsonTree.read(folder, ErrorCode.PZ_ALLOWLIST_INVALID));
        assertEquals(ErrorCode.PZ_ALLOWLIST_INVALID, notAFile.code(), "a configuration error, named, not an I/O failure");
    }

    @Test
    void aFifoAFolderOrADeviceIsRefusedByNameAndNeverRead() throws Exception {
        // A FIFO at a data file's path hung the run forever before (issue 16); /dev/zero never ends.
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (Path notAFile : java.util.List.of(tmp, Path.of("/dev/zero"))) {
                PrezipException e = assertThrows(PrezipException.class, () -> JsonTree.read(notAFile, ErrorCode.PZ_BANS_INVALID));
                assertEquals(ErrorCode.PZ_BANS_INVALID, e.code());
                assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
            }
            if (support.TempTrees.canMakeFifo()) {
                Path fifo = support.TempTrees.fifo(tmp.resolve("global_bans.json"));
                assertTrue(assertThrows(PrezipException.class, () -> JsonTree.read(fifo, ErrorCode.PZ_BANS_INVALID))
                        .getMessage().contains("not a regular file"));
            }
        });
    }

    @Test
    void aFileLargerThanItsBoundIsRefusedBeforeItIsRead() throws Exception {
        Path big = tmp.resolve("big.json");
        try (var out = Files.newOutputStream(big)) {
            out.write(new byte[(int) JsonTree.DATA_FILE_MAX_BYTES + 1]);
        }
        PrezipException e = assertThrows(PrezipException.class, () -> JsonTree.read(big, ErrorCode.PZ_ALLOWLIST_INVALID));
        assertEquals(ErrorCode.PZ_ALLOWLIST_INVALID, e.code());
        assertTrue(e.getMessage().contains("more than"), e.getMessage());
        assertEquals(3, BoundedFiles.readBytes(support.TempTrees.writeString(tmp.resolve("s.json"), "[1]"), ErrorCode.PZ_BANS_INVALID, 3).length);
    }
}
