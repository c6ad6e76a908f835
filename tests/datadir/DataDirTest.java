package datadir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import errors.ErrorCode;
import errors.PrezipException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.TempTrees;

class DataDirTest {
    @TempDir
    Path tmp;

    @Test
    void explicitDirWins() {
        assertEquals(tmp, DataDir.resolve(tmp).root());
    }

    /** A folder holding a (fake) copy of the toolkit: its catalog and its main script. */
    Path toolkit(String name) throws Exception {
        Path home = java.nio.file.Files.createDirectories(tmp.resolve(name));
        TempTrees.writeString(home.resolve("jbang-catalog.json"), "{}");
        TempTrees.writeString(home.resolve("prezip_stager.java"), "");
        return home;
    }

    DataDir resolve(java.util.Map<String, String> env, Path cwd) {
        return DataDir.resolve(null, env, tmp.resolve("user-home"), cwd);
    }

    @Test
    void theEnvironmentVariableComesNextThenTheWrappersToolkitHome() throws Exception {
        Path home = toolkit("prezip");
        Path elsewhere = java.nio.file.Files.createDirectories(tmp.resolve("elsewhere"));
        assertEquals(tmp.resolve("d"), resolve(java.util.Map.of(DataDir.ENV_VARIABLE, tmp.resolve("d").toString(),
                DataDir.HOME_VARIABLE, home.toString()), elsewhere).root());
        // From any folder: ./jbang sets PREZIP_HOME to its own folder (issue 17: data followed the working folder).
        assertEquals(home.resolve("data"), resolve(java.util.Map.of(DataDir.HOME_VARIABLE, home.toString()), elsewhere).root());
    }

    @Test
    void withoutTheWrapperTheOneToolkitJBangHasRegisteredAsACatalogIsFound() throws Exception {
        Path home = toolkit("prezip");
        Path elsewhere = java.nio.file.Files.createDirectories(tmp.resolve("elsewhere"));
        TempTrees.writeString(tmp.resolve("user-home/.jbang/jbang-catalog.json"), "{\"catalogs\": {\"prezip\": {\"catalog-ref\": \""
                + home.resolve("jbang-catalog.json") + "\"}, \"other\": {\"catalog-ref\": \"https://example.org/jbang-catalog.json\"}}}");
        assertEquals(home.resolve("data"), resolve(java.util.Map.of(), elsewhere).root());
        // JBANG_DIR moves JBang's own folder, and with it the registered catalogs.
        assertThrows(PrezipException.class, () -> resolve(java.util.Map.of("JBANG_DIR", tmp.resolve("none").toString()), elsewhere));
    }

    @Test
    void aCloneAboveTheWorkingFolderIsItsOwnToolkitWhateverJBangHasRegistered() throws Exception {
        Path registered = toolkit("a");
        Path other = toolkit("b");
        TempTrees.writeString(tmp.resolve("user-home/.jbang/jbang-catalog.json"), "{\"catalogs\": {\"prezip\": {\"catalog-ref\": \""
                + registered.resolve("jbang-catalog.json") + "\"}}}");
        Path inside = java.nio.file.Files.createDirectories(other.resolve("sub"));
        assertEquals(other.resolve("data"), resolve(java.util.Map.of(), inside).root());
    }

    @Test
    void otherwiseTheToolkitAtOrAboveTheWorkingFolderAndNeverTheWorkingFolderItself() throws Exception {
        Path home = toolkit("prezip");
        Path inside = java.nio.file.Files.createDirectories(home.resolve("tests/deeper"));
        assertEquals(home.resolve("data"), resolve(java.util.Map.of(), inside).root());
        Path elsewhere = java.nio.file.Files.createDirectories(tmp.resolve("elsewhere"));
        PrezipException e = assertThrows(PrezipException.class, () -> resolve(java.util.Map.of(), elsewhere));
        assertEquals(ErrorCode.PZ_DATA_DIR_INVALID, e.code());
        assertTrue(e.getMessage().contains("--data-dir"), e.getMessage());
    }

    @Test
    void aShippedFileTheFolderLacksIsTheBuiltInCopyAndOneItHasIsItsOwn() throws Exception {
        DataDir empty = new DataDir(tmp);
        DataFile builtIn = empty.globalBans();
        assertTrue(builtIn.builtIn());
        assertEquals("built-in:global_bans.json", builtIn.shown());
        assertArrayEquals(java.nio.file.Files.readAllBytes(TempTrees.repoGlobalBans()), builtIn.bytes());
        TempTrees.writeString(tmp.resolve("global_bans.json"), "{\"groups\": []}");
        DataFile own = empty.globalBans();
        assertEquals(tmp.resolve("global_bans.json").toAbsolutePath().normalize().toString(), own.shown());
        assertNull(empty.find("policies/nobody-wrote-this.json", ErrorCode.PZ_POLICY_INVALID, 1024));
    }

    @Test
    void everyShippedDataFileIsBuiltInAsItIsInTheRepo() throws Exception {
        DataDir empty = new DataDir(tmp);
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of(DataDir.GLOBAL_BANS, DataDir.SECRET_RULES));
        new policy.PolicyPreset.ShippedNames().forEach(name -> names.add(DataDir.POLICIES + "/" + name + ".json"));
        for (String name : names) {
            DataFile builtIn = empty.file(name, ErrorCode.PZ_IO, 1 << 20);
            assertTrue(builtIn.builtIn(), name);
            assertArrayEquals(java.nio.file.Files.readAllBytes(TempTrees.repoRoot().resolve("data").resolve(name)), builtIn.bytes(), name);
        }
    }

    @Test
    void filesLiveWhereTheContractSays() {
        DataDir d = new DataDir(tmp);
        assertEquals(tmp.resolve("projects"), d.projectsDir());
        assertEquals(tmp.resolve("projects").resolve("mojo1_allowed_ext.json"), d.allowlistFile(new ProjectId("mojo1")));
    }

    @Test
    void requireReadableRejectsAMissingDirectory() {
        DataDir ok = new DataDir(tmp);
        assertSame(ok, ok.requireReadable());
        PrezipException e = assertThrows(PrezipException.class, () -> new DataDir(tmp.resolve("nope")).requireReadable());
        assertEquals(ErrorCode.PZ_DATA_DIR_INVALID, e.code());
        assertEquals(2, e.exitCode());
    }
}
