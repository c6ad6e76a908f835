package secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import datadir.DataDir;
import datadir.ProjectId;
import errors.ErrorCode;
import errors.PrezipException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import support.TempTrees;

class SecretApprovalsTest {
    @TempDir
    Path tmp;

    @Test
    void noFileMeansNoApprovalsAndEachApprovalIsWrittenAndReadBack() {
        DataDir data = new DataDir(TempTrees.dataDir(tmp));
        ProjectId id = new ProjectId("p1");
        SecretApprovals none = SecretApprovals.load(data, id);
        assertEquals(List.of(), none.approvals());
        SecretApprovals.Approval first = new SecretApprovals.Approval("a".repeat(64), "github-token", "x.txt", "fixture", "ana",
                "2026-11-29T10:00:00Z");
        SecretApprovals.Approval again = new SecretApprovals.Approval("a".repeat(64), "github-token", "x.txt", "revoked", "bo",
                "2026-11-29T11:00:00Z");
        SecretApprovals.Approval second = new SecretApprovals.Approval("b".repeat(64), "npm-token", "y.txt", "canary", "ana",
                "2026-11-29T12:00:00Z");
        SecretApprovals written = none.with(id, first).with(id, again).with(id, second);
        assertEquals(List.of(again, second), SecretApprovals.load(data, id).approvals(), "a fingerprint approved again replaces the note");
        // The digest is of the bytes written and read, for the run's provenance: the file is not read again for it.
        assertEquals(TempTrees.sha256(TempTrees.readBytes(written.file())), written.sha256());
        assertEquals(written.sha256(), SecretApprovals.load(data, id).sha256());
        assertEquals(null, none.sha256());
    }

    @Test
    void aBrokenFileIsANamedUsageError() {
        DataDir data = new DataDir(TempTrees.dataDir(tmp));
        ProjectId id = new ProjectId("p1");
        Path file = SecretApprovals.pathFor(data, id);
        for (String json : List.of("[]", "{\"projectId\": \"other\", \"approvals\": []}", "{\"projectId\": \"p1\"}",
                "{\"projectId\": \"p1\", \"approvals\": [{\"fingerprint\": \"XYZ\", \"rule\": \"r\", \"path\": \"p\", \"note\": \"n\","
                        + " \"approvedBy\": \"a\", \"approvedAt\": \"t\"}]}")) {
            TempTrees.writeString(file, json);
            PrezipException e = assertThrows(PrezipException.class, () -> SecretApprovals.load(data, id), json);
            assertEquals(ErrorCode.PZ_SECRETS_ALLOW_INVALID, e.code());
        }
    }
}
