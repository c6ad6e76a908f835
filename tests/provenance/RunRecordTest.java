package provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import json.Json;
import org.junit.jupiter.api.Test;
import support.HookTrees;

class RunRecordTest {
    @Test
    void aRunEndsWithUtcTimesItsDurationAndWhoRanItWhere() {
        Instant start = Instant.now();
        List<RunRecord.Input> inputs = List.of(new RunRecord.Input("global_bans", "/d/global_bans.json", "ab".repeat(32), null),
                new RunRecord.Input("secrets_allow", "/d/p1_secrets_allow.json", null, null));
        RunRecord run = new RunRecord.Started(start, System.nanoTime(), List.of("--project-id", "p1"), true, false, inputs,
                () -> new RunRecord.Deflater("jdk", "the JVM's zlib writes classic zlib's bytes")).end();
        assertEquals(start.toString(), run.startedAt());
        assertTrue(run.endedAt().endsWith("Z") && !Instant.parse(run.endedAt()).isBefore(start));
        assertTrue(run.durationMs() >= 0);
        assertFalse(run.host().isBlank());
        assertEquals(System.getProperty("user.name"), run.user());
        assertEquals(Toolkit.VERSION, run.toolkitVersion());
        assertEquals(inputs, run.inputs());
        assertEquals("jdk", run.deflater().name());
        assertEquals(null, run.deflater().notice(), "the JDK's Deflater needs no notice");

        JsonNode json = HookTrees.parseJson(Json.write(run));
        assertTrue(json.has("started_at") && json.has("allow_unknown") && json.has("content_scanned"), "snake_case: " + json);
        assertEquals(json, HookTrees.parseJson(Json.write(Json.MAPPER.convertValue(json, RunRecord.class))), "reads back");
        assertEquals("jdk", json.at("/deflater/name").asText());
    }

    @Test
    void theToolkitsEncoderIsSaidInOneLineThatTheBytesAreTheSame() {
        String notice = new RunRecord.Deflater(RunRecord.Deflater.TOOLKIT, "PREZIP_DEFLATER=toolkit").notice();
        assertTrue(notice.contains("toolkit's own encoder (PREZIP_DEFLATER=toolkit)") && notice.contains("same") && !notice.contains("\n"),
                notice);
    }

    @Test
    void aRecordWrittenBeforeTheDeflaterWasRecordedReadsWithNone() {
        RunRecord old = Json.MAPPER.convertValue(HookTrees.parseJson("{\"started_at\": \"2026-01-01T00:00:00Z\", \"toolkit_version\": \"1.3.0\"}"),
                RunRecord.class);
        assertEquals(null, old.deflater());
    }
}
