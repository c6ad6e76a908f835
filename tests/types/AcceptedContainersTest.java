package types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import datadir.DataDir;
import datadir.ProjectId;
import errors.ErrorCode;
import errors.PrezipException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project's accepted archive names: none without the file, one more per acceptance, a bad file named. */
class AcceptedContainersTest {
    @TempDir
    Path tmp;

    @Test
    void acceptingWritesTheFileAndLoadingReadsItBack() throws Exception {
        DataDir data = new DataDir(tmp);
        ProjectId id = new ProjectId("p1");
        AcceptedContainers none = AcceptedContainers.load(data, id);
        assertEquals(Set.of(), none.extensions());
        assertNull(none.sha256());
        AcceptedContainers.accept(data, id, ".Sketch", "design exports");
        AcceptedContainers.Accepted two = AcceptedContainers.accept(data, id, "cbz", " comics ");
        AcceptedContainers read = AcceptedContainers.load(data, id);
        assertEquals(Set.of("sketch", "cbz"), read.extensions());
        assertEquals(two, read.accepted().get(1), "the acceptance returned is the one written, last");
        assertEquals("comics", two.note());
        assertEquals(io.Sha256.hex(Files.readAllBytes(AcceptedContainers.pathFor(data, id))), read.sha256());
        assertEquals("design exports", read.accepted().get(0).note());
        assertEquals(ErrorCode.PZ_USAGE, assertThrows(PrezipException.class, () -> AcceptedContainers.accept(data, id, "a b", "x")).code());
        assertEquals(ErrorCode.PZ_USAGE, assertThrows(PrezipException.class, () -> AcceptedContainers.accept(data, id, "cbr", " ")).code(),
                "an acceptance says why");
    }

    @Test
    void aFileOfAnotherProjectOrWithoutItsListIsRefused() throws Exception {
        DataDir data = new DataDir(tmp);
        Files.createDirectories(data.projectsDir());
        Files.writeString(AcceptedContainers.pathFor(data, new ProjectId("p1")), "{\"projectId\": \"p2\", \"accepted\": []}");
        assertEquals(ErrorCode.PZ_CONTAINERS_INVALID, assertThrows(PrezipException.class,
                () -> AcceptedContainers.load(data, new ProjectId("p1"))).code());
        Files.writeString(AcceptedContainers.pathFor(data, new ProjectId("p1")), "{\"projectId\": \"p1\"}");
        assertEquals(ErrorCode.PZ_CONTAINERS_INVALID, assertThrows(PrezipException.class,
                () -> AcceptedContainers.load(data, new ProjectId("p1"))).code());
    }
}
