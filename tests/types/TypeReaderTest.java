package types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import datadir.DataFile;
import errors.ErrorCode;
import errors.PrezipException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every field of a type is checked when the table is loaded, and a bad one is named. */
class TypeReaderTest {
    static ContentTypes load(String types) {
        return ContentTypes.load(new DataFile(null, ContentTypes.FILE, ("{\"types\": [" + types + "]}").getBytes(StandardCharsets.UTF_8)));
    }

    static String type(String signatures) {
        return "{\"name\": \"t\", \"description\": \"a t\", \"family\": \"image\", \"mime\": \"image/t\", \"extensions\": [\"t\"],"
                + " \"signatures\": [" + signatures + "], \"source\": \"https://example.org/t\"}";
    }

    static void refused(String types, String field) {
        PrezipException e = assertThrows(PrezipException.class, () -> load(types));
        assertEquals(ErrorCode.PZ_CONTENT_TYPES_INVALID, e.code());
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }

    @Test
    void aGoodTypeLoadsWithItsWildcardsAndChecks() {
        ContentTypes table = load(type("{\"offset\": 0, \"hex\": \"ab??cd\"}, {\"offset\": -4, \"hex\": \"00ff\"}, {\"zip\": {\"entries\": [\"*.x\"]}}"));
        Signature s = table.types().get(0).signatures().get(0);
        assertEquals(3, s.bytes().length);
        assertEquals(0, s.mask()[1]);
        assertEquals(1, table.plan().fixedPlaces().size());
    }

    @Test
    void aSignatureAcrossTheHeadsEndIsCapturedAndMatched() {
        ContentTypes table = load(type("{\"offset\": " + (ContentTypes.HEAD_BYTES - 4) + ", \"hex\": \"0102030405060708\"}"));
        byte[] file = new byte[2 * ContentTypes.HEAD_BYTES];
        for (int i = 0; i < 8; i++) {
            file[ContentTypes.HEAD_BYTES - 4 + i] = (byte) (i + 1);
        }
        for (int chunk : new int[] {1, 7, ContentTypes.HEAD_BYTES - 2, file.length}) {
            Sniffer sniffer = table.sniffer(file.length);
            for (int at = 0; at < file.length; at += chunk) {
                sniffer.feed(file, at, Math.min(chunk, file.length - at));
            }
            assertEquals("t", sniffer.finish() == null ? null : sniffer.finish().name(), "fed in chunks of " + chunk);
        }
        file[ContentTypes.HEAD_BYTES + 3] = 0;
        Sniffer other = table.sniffer(file.length);
        other.feed(file, 0, file.length);
        assertEquals(null, other.finish(), "its last byte differs");
    }

    @Test
    void theZipEndCheckAloneKeepsAZipsLastBytes() {
        ContentTypes table = load(type("{\"offset\": 0, \"hex\": \"504b0304\", \"check\": \"zip-end\"}"));
        byte[] zip = support.TypeSamples.zip(java.util.Map.of("a.txt", "x"));
        Sniffer sniffer = table.sniffer(zip.length);
        sniffer.feed(zip, 0, zip.length);
        assertEquals("t", sniffer.finish() == null ? null : sniffer.finish().name());
    }

    @Test
    void badFieldsAreNamed() {
        refused(type("{\"offset\": 0, \"hex\": \"abc\"}"), "hex");
        refused(type("{\"offset\": 0, \"hex\": \"zz\"}"), "hex");
        refused(type("{\"offset\": 70000, \"hex\": \"ab\"}"), "offset");
        refused(type("{\"offset\": -9223372036854775808, \"hex\": \"ab\"}"), "offset");
        refused(type("{\"offset\": 3.7, \"hex\": \"ab\"}"), "offset");
        refused(type("{\"offset\": -1, \"hex\": \"abcd\"}"), "offset");
        refused(type("{\"offset\": 0, \"hex\": \"ab\", \"check\": \"magic\"}"), "check");
        refused(type("{\"zip\": {}}"), "zip");
        refused(type("{\"zip\": {\"entries\": [\"a*b\"]}}"), "entries");
        refused(type(""), "signatures");
        refused(type("{\"offset\": 0, \"hex\": \"ab\"}").replace("image\"", "pictures\""), "family");
        refused(type("{\"offset\": 0, \"hex\": \"ab\"}").replace("https://example.org/t", "see the spec"), "source");
        refused(type("{\"offset\": 0, \"hex\": \"ab\"}") + "," + type("{\"offset\": 0, \"hex\": \"cd\"}"), "named twice");
        refused("", "types");
    }
}
