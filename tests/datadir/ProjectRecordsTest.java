package datadir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import errors.ErrorCode;
import errors.PrezipException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project's record file: absent is none, written whole and read back by its digest, held to its project and its list. */
class ProjectRecordsTest {
    @TempDir
    Path tmp;

    record Content(String projectId, List<String> things) {}

    @Test
    void writtenThenReadBackWithTheDigestOfItsBytes() throws Exception {
        Path file = tmp.resolve("projects/p1_things.json");
        assertNull(ProjectRecords.read(file, new ProjectId("p1"), "things", "a list", ErrorCode.PZ_USAGE), "no file: none");
        String written = ProjectRecords.write(file, new Content("p1", List.of("a", "b")));
        ProjectRecords.Read read = ProjectRecords.read(file, new ProjectId("p1"), "things", "a list", ErrorCode.PZ_USAGE);
        assertEquals(written, read.sha256());
        assertEquals(io.Sha256.hex(Files.readAllBytes(file)), read.sha256());
        assertEquals("b", read.list().get(1).asText());
    }

    @Test
    void anotherProjectsFileOrOneWithoutItsListIsRefusedWithTheFilesCode() throws Exception {
        Path file = tmp.resolve("p1_things.json");
        Files.writeString(file, "{\"projectId\": \"p2\", \"things\": []}");
        PrezipException other = assertThrows(PrezipException.class,
                () -> ProjectRecords.read(file, new ProjectId("p1"), "things", "a list", ErrorCode.PZ_SECRETS_ALLOW_INVALID));
        assertEquals(ErrorCode.PZ_SECRETS_ALLOW_INVALID, other.code());
        assertTrue(other.getMessage().contains("projectId"), other.getMessage());
        Files.writeString(file, "{\"projectId\": \"p1\", \"things\": {}}");
        PrezipException noList = assertThrows(PrezipException.class,
                () -> ProjectRecords.read(file, new ProjectId("p1"), "things", "a list of things", ErrorCode.PZ_CONTAINERS_INVALID));
        assertEquals(ErrorCode.PZ_CONTAINERS_INVALID, noList.code());
        assertTrue(noList.getMessage().contains("a list of things"), noList.getMessage());
    }
}
