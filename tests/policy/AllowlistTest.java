package policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import datadir.ProjectId;
import errors.ErrorCode;
import errors.PrezipException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowlistTest {
    static final Path FILE = Path.of("data/projects/p1_allowed_ext.json");
    static final ProjectId P1 = new ProjectId("p1");

    private static Allowlist parse(String json) throws Exception {
        JsonNode root = Json.MAPPER.readTree(json);
        return Allowlist.parse(FILE, root, P1);
    }

    private static PrezipException invalid(String json) throws Exception {
        JsonNode root = Json.MAPPER.readTree(json);
        PrezipException e = assertThrows(PrezipException.class, () -> Allowlist.parse(FILE, root, P1));
        assertEquals(ErrorCode.PZ_ALLOWLIST_INVALID, e.code());
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("p1_allowed_ext.json"), "names the file: " + e.getMessage());
        return e;
    }

    @Test
    void parsesTheSchemaExample() throws Exception {
        Allowlist a = parse("""
                {"projectId": "p1", "snapshotAt": "2025-10-06T16:20:00Z", "sourcePath": "../../mojo1",
                 "allowedExtensions": ["png", "yaml"], "clientWhitelistOverrides": [], "notes": "Initial"}""");
        assertEquals("p1", a.projectId());
        assertEquals("2025-10-06T16:20:00Z", a.snapshotAt());
        assertEquals("../../mojo1", a.sourcePath());
        assertEquals(List.of("png", "yaml"), a.allowedExtensions());
        assertEquals(List.of(), a.clientWhitelistOverrides());
        assertEquals("Initial", a.notes());
        assertEquals(Set.of("png", "yaml"), a.eligibleExtensions());
    }

    @Test
    void normalizesSortsAndDeduplicatesExtensions() throws Exception {
        Allowlist a = parse("""
                {"projectId": "p1", "allowedExtensions": ["YAML", ".png", "png", " Txt "],
                 "clientWhitelistOverrides": [".PDF", "docx", "pdf"]}""");
        assertEquals(List.of("png", "txt", "yaml"), a.allowedExtensions());
        assertEquals(List.of("docx", "pdf"), a.clientWhitelistOverrides());
        assertEquals(Set.of("png", "txt", "yaml", "docx", "pdf"), a.eligibleExtensions());
    }

    @Test
    void optionalFieldsMayBeAbsent() throws Exception {
        Allowlist a = parse("{\"projectId\": \"p1\", \"allowedExtensions\": [\"png\"]}");
        assertEquals(List.of(), a.clientWhitelistOverrides());
        assertNull(a.notes());
        assertNull(a.snapshotAt());
        assertNull(a.sourcePath());
        assertEquals(Set.of("png"), a.eligibleExtensions());
    }

    @Test
    void eligibleExtensionsCannotBeModified() throws Exception {
        Allowlist a = parse("{\"projectId\": \"p1\", \"allowedExtensions\": [\"png\"]}");
        assertThrows(UnsupportedOperationException.class, () -> a.eligibleExtensions().add("exe"));
        assertThrows(UnsupportedOperationException.class, () -> a.allowedExtensions().add("exe"));
    }

    @Test
    void projectIdMustMatchTheFile() throws Exception {
        PrezipException e = invalid("{\"projectId\": \"other\", \"allowedExtensions\": [\"png\"]}");
        assertTrue(e.getMessage().contains("'projectId'"), e.getMessage());
        assertTrue(e.getMessage().contains("other"), e.getMessage());
    }

    @Test
    void projectIdIsRequired() throws Exception {
        assertTrue(invalid("{\"allowedExtensions\": [\"png\"]}").getMessage().contains("'projectId'"));
        assertTrue(invalid("{\"projectId\": 1, \"allowedExtensions\": [\"png\"]}").getMessage().contains("'projectId'"));
    }

    @Test
    void allowedExtensionsIsARequiredListOfStrings() throws Exception {
        assertTrue(invalid("{\"projectId\": \"p1\"}").getMessage().contains("'allowedExtensions'"));
        assertTrue(invalid("{\"projectId\": \"p1\", \"allowedExtensions\": \"png\"}").getMessage().contains("'allowedExtensions'"));
        assertTrue(invalid("{\"projectId\": \"p1\", \"allowedExtensions\": [\"png\", 3]}").getMessage().contains("'allowedExtensions[1]'"));
    }

    @Test
    void overridesMustBeAListOfStrings() throws Exception {
        assertTrue(invalid("{\"projectId\": \"p1\", \"allowedExtensions\": [], \"clientWhitelistOverrides\": \"pdf\"}")
                .getMessage().contains("'clientWhitelistOverrides'"));
        assertTrue(invalid("{\"projectId\": \"p1\", \"allowedExtensions\": [], \"clientWhitelistOverrides\": [true]}")
                .getMessage().contains("'clientWhitelistOverrides[0]'"));
    }

    @Test
    void textFieldsMustBeStrings() throws Exception {
        assertTrue(invalid("{\"projectId\": \"p1\", \"allowedExtensions\": [], \"notes\": 5}").getMessage().contains("'notes'"));
        assertTrue(invalid("{\"projectId\": \"p1\", \"allowedExtensions\": [], \"snapshotAt\": []}").getMessage().contains("'snapshotAt'"));
    }

    @Test
    void topLevelMustBeAnObject() throws Exception {
        assertTrue(invalid("[\"png\"]").getMessage().contains("(top level)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ".", "tar.gz", "a/b", "a\\\\b", "my ext", "x\\u0000"})
    void rejectsValuesThatAreNotExtensions(String bad) throws Exception {
        PrezipException e = invalid("{\"projectId\": \"p1\", \"allowedExtensions\": [\"png\", \"" + bad + "\"]}");
        assertTrue(e.getMessage().contains("'allowedExtensions[1]'"), e.getMessage());
        PrezipException o = invalid("{\"projectId\": \"p1\", \"allowedExtensions\": [], \"clientWhitelistOverrides\": [\"" + bad + "\"]}");
        assertTrue(o.getMessage().contains("'clientWhitelistOverrides[0]'"), o.getMessage());
    }
}
