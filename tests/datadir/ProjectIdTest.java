package datadir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import errors.ErrorCode;
import errors.PrezipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectIdTest {
    static final String ID_64 = "a" + "b".repeat(63);
    static final String ID_65 = "a" + "b".repeat(64);

    @ParameterizedTest
    @ValueSource(strings = {"mojo1", "a", "Z", "0", "A-b_c.d", "a..b", "client.2025-10_final"})
    void acceptsIdsOfTheContractAlphabet(String id) {
        assertEquals(id, new ProjectId(id).value());
        assertEquals(id, new ProjectId(id).toString());
    }

    @Test
    void acceptsExactly64Characters() {
        assertEquals(64, ID_64.length());
        assertEquals(ID_64, new ProjectId(ID_64).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "..", ".", "", ".hidden", "-x", "_x", "a/b", "a\\b", "a b", "abc\n", "x\u0000",
            "caf\u00e9", "a:b", "a*b", " a", "a "})
    void rejectsIdsThatAreNotPlainNames(String id) {
        PrezipException e = assertThrows(PrezipException.class, () -> new ProjectId(id));
        assertEquals(ErrorCode.PZ_BAD_PROJECT_ID, e.code());
        assertEquals(2, e.exitCode());
    }

    @Test
    void rejects65Characters() {
        assertEquals(65, ID_65.length());
        PrezipException e = assertThrows(PrezipException.class, () -> new ProjectId(ID_65));
        assertEquals(ErrorCode.PZ_BAD_PROJECT_ID, e.code());
    }

    @Test
    void rejectsNull() {
        PrezipException e = assertThrows(PrezipException.class, () -> new ProjectId(null));
        assertEquals(ErrorCode.PZ_BAD_PROJECT_ID, e.code());
    }

    @Test
    void messageQuotesTheBadId() {
        PrezipException e = assertThrows(PrezipException.class, () -> new ProjectId("../etc"));
        assertTrue(e.getMessage().contains("'../etc'"), e.getMessage());
    }
}
