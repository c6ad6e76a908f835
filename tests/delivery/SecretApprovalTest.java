package delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import datadir.DataDir;
import datadir.ProjectId;
import errors.ErrorCode;
import errors.PrezipException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import secrets.SecretApprovals;
import secrets.SecretFinding;
import support.SecretCorpus;
import support.StagerProject;
import support.StagerRequest;
import support.TempTrees;

/** --approve-secret: a finding of the content named by its fingerprint, recorded with who approved it and why. */
class SecretApprovalTest extends StagerProject {
    SecretCorpus.Planted planted;
    /** The planted credential's fingerprint, as the dry-run lists it. */
    String fingerprint;

    SecretApprovalTest() {
        super("p1", List.of("png", "txt"), "p1.zip");
    }

    @BeforeEach
    void plantACredential() {
        planted = new SecretCorpus(31).onePerRule().get("github-token");
        TempTrees.file(content, "notes/keys.txt", planted.text());
        fingerprint = Delivery.run(request()).report().refusedSecrets().get(0).fingerprint();
    }

    DeliveryRequest request() {
        return new StagerRequest("p1", content, data, zip).build();
    }

    Path approvalsFile() {
        return SecretApprovals.pathFor(new DataDir(data), new ProjectId("p1"));
    }

    @Test
    void anApprovalIsRecordedWithItsNoteAndWhoMadeIt() {
        Instant before = Instant.now();
        String asTyped = "  " + fingerprint.substring(0, SecretFinding.SHORT_FINGERPRINT_CHARS).toUpperCase(Locale.ROOT) + " ";
        SecretApproval.Approved approved = SecretApproval.approve(request(), asTyped, " a test fixture, no secret\n");
        assertEquals(fingerprint, approved.finding().fingerprint());
        assertEquals(approvalsFile(), approved.file());

        JsonNode approval = TempTrees.readJson(approvalsFile()).get("approvals").get(0);
        assertEquals(fingerprint, approval.get("fingerprint").asText());
        assertEquals("github-token", approval.get("rule").asText());
        assertEquals("notes/keys.txt", approval.get("path").asText());
        assertEquals("a test fixture, no secret", approval.get("note").asText());
        assertEquals(System.getProperty("user.name"), approval.get("approvedBy").asText());
        Instant at = Instant.parse(approval.get("approvedAt").asText());
        assertFalse(at.isBefore(before) || at.isAfter(Instant.now()), at.toString());
        assertFalse(TempTrees.readString(approvalsFile()).contains(planted.secret()));
    }

    @Test
    void aPrefixThatMatchesNoFindingIsRefusedAndNothingIsRecorded() {
        String other = (fingerprint.charAt(0) == '0' ? "1" : "0") + fingerprint.substring(1, SecretFinding.SHORT_FINGERPRINT_CHARS);
        PrezipException refused = assertThrows(PrezipException.class, () -> SecretApproval.approve(request(), other, "a note"));
        assertEquals(ErrorCode.PZ_SECRET_NOT_FOUND, refused.code());
        assertTrue(refused.getMessage().startsWith("no credential finding in "), refused.getMessage());
        assertTrue(refused.getMessage().contains(" has a fingerprint starting " + other + ": "), refused.getMessage());
        assertFalse(Files.exists(approvalsFile()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123456789abcde", "0123456789abcdeg", "0123 456789abcdef", ""})
    void aPrefixTooShortOrNotHexIsAUsageError(String prefix) {
        PrezipException refused = assertThrows(PrezipException.class, () -> SecretApproval.approve(request(), prefix, "a note"));
        assertEquals(ErrorCode.PZ_USAGE, refused.code());
        assertEquals("--approve-secret takes a fingerprint (or its first 16+ hex digits) as the dry-run lists it", refused.getMessage());
        assertFalse(Files.exists(approvalsFile()));
    }
}
