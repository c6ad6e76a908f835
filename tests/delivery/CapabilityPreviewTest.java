package delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import errors.ErrorCode;
import errors.PrezipException;
import java.time.Instant;
import json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import provenance.Toolkit;
import support.HookTrees;
import zip.ZipPolicyV1;

/** --preview-capability: the metadata record a run would write, for the one capability known. */
class CapabilityPreviewTest {
    @Test
    void zipPackagingIsTheMetadataARunWritesAsSnakeCaseJson() {
        JsonNode preview = HookTrees.parseJson(Json.write(CapabilityPreview.of("zip_packaging")));
        assertEquals(1, preview.get("schema_version").asInt());
        assertEquals(ZipPolicyV1.FORMAT, preview.get("format").asText());
        assertEquals(ZipPolicyV1.fixedEpochMs(), preview.get("fixed_epoch_ms").asLong());
        assertEquals(Instant.ofEpochMilli(ZipPolicyV1.fixedEpochMs()).toString(), preview.get("fixed_time_utc").asText());
        assertEquals(Toolkit.VERSION, preview.get("toolchain").get("toolkit_version").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"zip", "ZIP_PACKAGING", " zip_packaging", ""})
    void anyOtherNameIsRefusedNamingTheKnownOne(String name) {
        PrezipException refused = assertThrows(PrezipException.class, () -> CapabilityPreview.of(name));
        assertEquals(ErrorCode.KC_DRAFT_PREVIEW_UNKNOWN_CAPABILITY, refused.code());
        assertEquals("unknown capability '" + name + "'; known: zip_packaging", refused.getMessage());
    }
}
