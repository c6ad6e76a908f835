package policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import datadir.DataDir;
import datadir.ProjectId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import provenance.RunRecord;
import support.TempTrees;

class RunPolicyTest {
    @TempDir
    Path tmp;

    @Test
    void loadsEveryInputOnceAndNamesEachWithItsDigest() throws IOException {
        Path data = TempTrees.dataDir(tmp, "p1", List.of("txt"));
        Files.createDirectories(data.resolve("policies"));
        Files.copy(TempTrees.repoRoot().resolve("data/policies/strict.json"), data.resolve("policies/strict.json"));
        RunPolicy plain = RunPolicy.load(new DataDir(data), new ProjectId("p1"), null, CompanionMode.OFF, false, p -> false);
        assertNull(plain.appliedPreset());
        assertEquals(List.of("allowlist", "global_bans", "secret_rules", "secrets_allow", "content_types", "containers"),
                plain.inputs().stream().map(RunRecord.Input::role).toList());
        assertEquals(TempTrees.sha256(TempTrees.readBytes(data.resolve("projects/p1_allowed_ext.json"))), plain.inputs().get(0).sha256());
        assertEquals(TempTrees.sha256(TempTrees.readBytes(data.resolve("global_bans.json"))), plain.inputs().get(1).sha256());
        assertNull(plain.inputs().get(3).sha256(), "no approvals yet: recorded as absent");

        RunPolicy strict = RunPolicy.load(new DataDir(data), new ProjectId("p1"), "strict", CompanionMode.OFF, false, p -> false);
        assertEquals("strict", strict.appliedPreset().name());
        assertEquals("preset", strict.inputs().get(2).role());
        assertEquals(CompanionMode.STRICT, strict.companionMode(), "the preset tightens what was asked");
        assertTrue(strict.forbidEmptyDirs());
        assertTrue(strict.bans().typeBan("zip").isPresent() && plain.bans().typeBan("zip").isEmpty(), "and adds its bans");
    }
}
