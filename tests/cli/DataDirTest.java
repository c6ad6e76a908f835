package cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import support.TempTrees;

class DataDirTest {
    @TempDir
    Path tmp;

    @Test
    void explicitDirWins() {
        assertEquals(tmp, DataDir.resolve(tmp).root());
    }

    static boolean noDataDirVariable() {
        String env = System.getenv(DataDir.ENV_VARIABLE);
        return env == null || env.isBlank();
    }

    @Test
    @EnabledIf("noDataDirVariable")
    void defaultIsDataBesideTheCatalog() {
        assertEquals(TempTrees.repoRoot().resolve("data").toAbsolutePath().normalize(),
                DataDir.resolve(null).root().toAbsolutePath().normalize());
    }

    @Test
    void filesLiveWhereTheContractSays() {
        DataDir d = new DataDir(tmp);
        assertEquals(tmp.resolve("projects"), d.projectsDir());
        assertEquals(tmp.resolve("projects").resolve("mojo1_allowed_ext.json"), d.allowlistFile(new ProjectId("mojo1")));
        assertEquals(tmp.resolve("global_bans.json"), d.globalBansFile());
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
