package cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.HookTrees;
import support.TempTrees;

class RunRecordTest {
    @TempDir
    Path tmp;

    @Test
    void aRunEndsWithUtcTimesItsDurationAndWhoRanItWhere() {
        Path present = TempTrees.file(tmp, "bans.json", "{}");
        Instant start = Instant.now();
        RunRecord run = new RunRecord.Started(start, System.nanoTime(), List.of("--project-id", "p1"), true, false,
                List.of(RunRecord.Input.of("global_bans", present, null), RunRecord.Input.of("secrets_allow", tmp.resolve("none.json"), null)))
                .end();
        assertEquals(start.toString(), run.startedAt());
        assertTrue(run.endedAt().endsWith("Z") && !Instant.parse(run.endedAt()).isBefore(start));
        assertTrue(run.durationMs() >= 0);
        assertFalse(run.host().isBlank());
        assertEquals(System.getProperty("user.name"), run.user());
        assertEquals(Toolkit.VERSION, run.toolkitVersion());
        assertEquals(TempTrees.sha256("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)), run.inputs().get(0).sha256());
        assertNull(run.inputs().get(1).sha256(), "an absent input is named, with no digest");

        JsonNode json = HookTrees.parseJson(Json.write(run));
        assertTrue(json.has("started_at") && json.has("allow_unknown") && json.has("content_scanned"), "snake_case: " + json);
        assertEquals(json, HookTrees.parseJson(Json.write(Json.MAPPER.convertValue(json, RunRecord.class))), "reads back");
    }
}
