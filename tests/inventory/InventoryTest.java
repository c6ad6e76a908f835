package inventory;

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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import report.StagerReport;
import support.TempTrees;

/** The allowlist a content folder's extensions make, its overrides added later, and the data folder it needs. */
class InventoryTest {
    static final ProjectId ID = new ProjectId("p1");

    @TempDir
    Path tmp;
    Path content;
    Path data;

    @BeforeEach
    void setUp() throws IOException {
        content = Files.createDirectories(tmp.resolve("content"));
        data = TempTrees.dataDir(tmp);
    }

    Inventory.Request take(List<String> overrides, boolean reinventory) {
        return new Inventory.Request(ID, content, overrides, "from the test", reinventory, new DataDir(data), false);
    }

    Inventory.Request add(String... overrides) {
        return new Inventory.Request(ID, null, List.of(overrides), null, false, new DataDir(data), false);
    }

    Path allowlist() {
        return TempTrees.allowlistFile(data, "p1");
    }

    static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    @Test
    void takeWritesTheExtensionsFoundAndTheOverrides() {
        TempTrees.file(content, "a.png", "1");
        TempTrees.file(content, "sub/b.PNG", "22");
        TempTrees.file(content, "c.txt", "333");
        Inventory.Result result = Inventory.take(take(List.of("psd"), false));
        JsonNode written = TempTrees.readJson(allowlist());
        assertEquals(List.of("png", "txt"), strings(written.get("allowedExtensions")));
        assertEquals(List.of("psd"), strings(written.get("clientWhitelistOverrides")));
        assertEquals("from the test", written.get("notes").asText());
        assertEquals(allowlist().toString(), result.allowlistFile());
        assertNull(result.priorCopy());
        assertEquals(Map.of("png", new StagerReport.ExtensionTotal(2, 3), "txt", new StagerReport.ExtensionTotal(1, 3)),
                result.byExtension());
        assertEquals(List.of(), result.neverShips());
    }

    @Test
    void anAllowlistedTypeTheBansRefuseIsListedAsNeverShipping() {
        TempTrees.file(content, "tools/run.exe", "MZ");
        TempTrees.file(content, "a.png", "1");
        Inventory.Result result = Inventory.take(take(List.of("bat"), false));
        assertEquals(List.of(new Inventory.NeverShips("bat", "executables"), new Inventory.NeverShips("exe", "executables")),
                result.neverShips());
        assertEquals(List.of("exe", "png"), strings(TempTrees.readJson(allowlist()).get("allowedExtensions")));
    }

    @Test
    void reinventoryKeepsThePriorCopyAndWithoutItNothingIsReplaced() {
        TempTrees.file(content, "a.png", "1");
        Inventory.take(take(List.of(), false));
        byte[] first = TempTrees.readBytes(allowlist());
        TempTrees.file(content, "b.txt", "2");
        assertEquals(ErrorCode.PZ_ALLOWLIST_EXISTS,
                assertThrows(PrezipException.class, () -> Inventory.take(take(List.of(), false))).code());
        assertArrayEquals(first, TempTrees.readBytes(allowlist()));

        Inventory.Result result = Inventory.take(take(List.of(), true));
        Path prior = data.resolve("projects/p1_allowed_ext.1.json");
        assertEquals(prior.toString(), result.priorCopy());
        assertArrayEquals(first, TempTrees.readBytes(prior));
        assertEquals(List.of("png", "txt"), strings(TempTrees.readJson(allowlist()).get("allowedExtensions")));
    }

    @Test
    void addOverridesAddsOnlyTheExtensionsNotAllowedYet() {
        TempTrees.writeAllowlist(data, "p1", List.of("png"), List.of("psd"));
        Inventory.Added added = Inventory.addOverrides(add("png", "exr", "psd", "exr", "bat"));
        assertEquals(List.of("png", "exr", "psd", "exr", "bat"), added.asked());
        assertEquals(List.of("bat", "exr"), added.added());
        assertEquals(data.resolve("projects/p1_allowed_ext.1.json").toString(), added.result().priorCopy());
        JsonNode written = TempTrees.readJson(allowlist());
        assertEquals(List.of("png"), strings(written.get("allowedExtensions")));
        assertEquals(List.of("bat", "exr", "psd"), strings(written.get("clientWhitelistOverrides")));
        assertNull(added.result().byExtension(), "nothing was scanned");
        assertEquals(List.of(new Inventory.NeverShips("bat", "executables")), added.result().neverShips());
    }

    @Test
    void addOverridesWritesNothingWhenEveryExtensionIsAllowedAlready() {
        TempTrees.writeAllowlist(data, "p1", List.of("png"), List.of("psd"));
        Map<String, String> before = TempTrees.snapshot(data);
        Inventory.Added added = Inventory.addOverrides(add("psd", "png"));
        assertEquals(List.of(), added.added());
        assertNull(added.result().priorCopy());
        assertEquals(before, TempTrees.snapshot(data));
    }

    @Test
    void aMissingDataFolderIsAnErrorUnlessItIsToBeCreated() {
        TempTrees.file(content, "a.png", "1");
        DataDir typo = new DataDir(tmp.resolve("dta"));
        Inventory.Request taking = new Inventory.Request(ID, content, List.of(), null, false, typo, false);
        assertEquals(ErrorCode.PZ_DATA_DIR_INVALID, assertThrows(PrezipException.class, () -> Inventory.take(taking)).code());
        Inventory.Request adding = new Inventory.Request(ID, null, List.of("psd"), null, false, typo, false);
        assertEquals(ErrorCode.PZ_DATA_DIR_INVALID, assertThrows(PrezipException.class, () -> Inventory.addOverrides(adding)).code());
        assertFalse(Files.exists(typo.root()));

        Inventory.take(new Inventory.Request(ID, content, List.of(), null, false, typo, true));
        assertTrue(Files.isRegularFile(typo.allowlistFile(ID)));
    }

    @Test
    void validExtensionsAreNormalized() {
        assertEquals(List.of("png", "tif"), Inventory.validExtensions(List.of(".PNG", " Tif "), "--override"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b", "x y", "", "a/b", " .Raw.EXT"})
    void anythingButOneExtensionIsAUsageErrorNamingTheOption(String bad) {
        PrezipException refused = assertThrows(PrezipException.class,
                () -> Inventory.validExtensions(List.of("png", bad), "--add-override"));
        assertEquals(ErrorCode.PZ_USAGE, refused.code());
        assertEquals("--add-override '" + bad + "' is not a single extension (no dots, slashes or spaces)", refused.getMessage());
    }
}
