package policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import datadir.DataDir;
import datadir.ProjectId;
import errors.ErrorCode;
import errors.PrezipException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.TempTrees;

class AllowlistStoreTest {
    @TempDir
    Path tmp;

    static Allowlist allowlist(String id, List<String> exts, String notes) {
        return new Allowlist(id, "2025-10-06T16:20:00Z", "/src/content", exts, List.of("pdf"), notes);
    }

    @Test
    void loadOfAMissingAllowlistSaysToRunInventory() {
        AllowlistStore store = new AllowlistStore(new DataDir(tmp));
        PrezipException e = assertThrows(PrezipException.class, () -> store.load(new ProjectId("mojo9")));
        assertEquals(ErrorCode.PZ_ALLOWLIST_MISSING, e.code());
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("inventory"), e.getMessage());
        assertTrue(e.getMessage().contains("mojo9"), e.getMessage());
    }

    @Test
    void saveThenLoadRoundTrips() {
        AllowlistStore store = new AllowlistStore(new DataDir(tmp.resolve("data")));
        Path prior = store.save(allowlist("p1", List.of("yaml", "png"), "hello"), false);
        assertNull(prior);
        Path file = tmp.resolve("data/projects/p1_allowed_ext.json");
        assertTrue(Files.isRegularFile(file), "creates DATA/projects as needed");
        Allowlist back = store.load(new ProjectId("p1"));
        assertEquals(List.of("png", "yaml"), back.allowedExtensions());
        assertEquals(List.of("pdf"), back.clientWhitelistOverrides());
        assertEquals("hello", back.notes());
        assertEquals("2025-10-06T16:20:00Z", back.snapshotAt());
        assertEquals("/src/content", back.sourcePath());
    }

    @Test
    void writesExactlyTheSchemaFields() throws Exception {
        AllowlistStore store = new AllowlistStore(new DataDir(tmp));
        store.save(allowlist("p1", List.of("png"), "n"), false);
        JsonNode root = Json.MAPPER.readTree(tmp.resolve("projects/p1_allowed_ext.json").toFile());
        List<String> names = new ArrayList<>();
        root.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("projectId", "snapshotAt", "sourcePath", "allowedExtensions", "clientWhitelistOverrides", "notes"),
                names);
    }

    @Test
    void refusesToOverwriteAndLeavesTheFileByteIdentical() {
        AllowlistStore store = new AllowlistStore(new DataDir(tmp));
        store.save(allowlist("p1", List.of("png"), "first"), false);
        Path file = tmp.resolve("projects/p1_allowed_ext.json");
        byte[] before = TempTrees.readBytes(file);
        PrezipException e = assertThrows(PrezipException.class,
                () -> store.save(allowlist("p1", List.of("exe"), "second"), false));
        assertEquals(ErrorCode.PZ_ALLOWLIST_EXISTS, e.code());
        assertEquals(1, e.exitCode());
        assertArrayEquals(before, TempTrees.readBytes(file));
        assertEquals(List.of("p1_allowed_ext.json"), TempTrees.list(tmp.resolve("projects")));
    }

    @Test
    void reinventoryKeepsEachPriorCopyUnderTheNextFreeNumber() {
        AllowlistStore store = new AllowlistStore(new DataDir(tmp));
        Path file = tmp.resolve("projects/p1_allowed_ext.json");
        store.save(allowlist("p1", List.of("png"), "v1"), false);
        byte[] v1 = TempTrees.readBytes(file);

        Path prior1 = store.save(allowlist("p1", List.of("png", "txt"), "v2"), true);
        assertEquals(tmp.resolve("projects/p1_allowed_ext.1.json"), prior1);
        assertArrayEquals(v1, TempTrees.readBytes(prior1));
        byte[] v2 = TempTrees.readBytes(file);
        assertEquals("v2", store.load(new ProjectId("p1")).notes());

        Path prior2 = store.save(allowlist("p1", List.of("yaml"), "v3"), true);
        assertEquals(tmp.resolve("projects/p1_allowed_ext.2.json"), prior2);
        assertArrayEquals(v2, TempTrees.readBytes(prior2));
        assertArrayEquals(v1, TempTrees.readBytes(prior1), "older copies are never touched");
        assertEquals(List.of("yaml"), store.load(new ProjectId("p1")).allowedExtensions());

        assertEquals(List.of("p1_allowed_ext.1.json", "p1_allowed_ext.2.json", "p1_allowed_ext.json"),
                TempTrees.list(tmp.resolve("projects")), "no temp files left behind");
    }

    @Test
    void reinventoryWithoutAnExistingFileJustWrites() {
        AllowlistStore store = new AllowlistStore(new DataDir(tmp));
        assertNull(store.save(allowlist("p1", List.of("png"), null), true));
        assertEquals(List.of("p1_allowed_ext.json"), TempTrees.list(tmp.resolve("projects")));
    }

    @Test
    void projectsDoNotSeeEachOther() {
        AllowlistStore store = new AllowlistStore(new DataDir(tmp));
        store.save(allowlist("p1", List.of("png"), null), false);
        store.save(allowlist("p2", List.of("txt"), null), false);
        assertEquals(List.of("png"), store.load(new ProjectId("p1")).allowedExtensions());
        assertEquals(List.of("txt"), store.load(new ProjectId("p2")).allowedExtensions());
        assertThrows(PrezipException.class, () -> store.load(new ProjectId("p3")));
    }

    @Test
    void malformedFileIsInvalidNotMissing() {
        TempTrees.writeString(tmp.resolve("projects/p1_allowed_ext.json"), "{\"projectId\": \"p1\", ");
        PrezipException e = assertThrows(PrezipException.class,
                () -> new AllowlistStore(new DataDir(tmp)).load(new ProjectId("p1")));
        assertEquals(ErrorCode.PZ_ALLOWLIST_INVALID, e.code());
        assertFalse(e.getMessage().isBlank());
    }
}
