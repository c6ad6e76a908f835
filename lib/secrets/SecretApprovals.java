package secrets;

import com.fasterxml.jackson.databind.JsonNode;
import datadir.DataDir;
import datadir.ProjectRecords;
import datadir.ProjectId;
import errors.ErrorCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import json.JsonFields;

/**
 * A project's approved secret findings, DATA/projects/ID_secrets_allow.json: each names a finding by
 * its fingerprint (so a changed file is refused again) and says who approved it, when and why. Written
 * only by {@code prezip_stager --approve-secret}, never by hand-editing code.
 *
 * @param sha256 of the bytes the approvals were read from (or written as), null when there is no file
 */
public record SecretApprovals(Path file, String sha256, List<Approval> approvals) {
    /** A fingerprint is a sha256 in lowercase hex. */
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

    public record Approval(String fingerprint, String rule, String path, String note, String approvedBy, String approvedAt) {}

    /** The file written by {@link #with}, read back by the stager and the verifier. */
    record FileContent(String projectId, List<Approval> approvals) {}

    public SecretApprovals {
        approvals = List.copyOf(approvals);
    }

    public static Path pathFor(DataDir data, ProjectId id) {
        return data.projectsDir().resolve(id.value() + "_secrets_allow.json");
    }

    /** No approvals at all (a scan outside any project). */
    public static SecretApprovals none() {
        return new SecretApprovals(null, null, List.of());
    }

    /** The project's approvals; none when the file does not exist. */
    public static SecretApprovals load(DataDir data, ProjectId id) {
        Path file = pathFor(data, id);
        ProjectRecords.Read read = ProjectRecords.read(file, id, "approvals", "a list of approvals", ErrorCode.PZ_SECRETS_ALLOW_INVALID);
        if (read == null) {
            return new SecretApprovals(file, null, List.of());
        }
        JsonFields fields = read.fields();
        List<Approval> approvals = new ArrayList<>();
        for (int i = 0; i < read.list().size(); i++) {
            JsonNode node = fields.object(read.list().get(i), "approvals[" + i + "]");
            String fingerprint = fields.requiredString(node, "fingerprint");
            if (!FINGERPRINT.matcher(fingerprint).matches()) {
                throw fields.fail("approvals[" + i + "].fingerprint", "must be 64 lowercase hex digits");
            }
            approvals.add(new Approval(fingerprint, fields.requiredString(node, "rule"), fields.requiredString(node, "path"),
                    fields.requiredString(node, "note"), fields.requiredString(node, "approvedBy"),
                    fields.requiredString(node, "approvedAt")));
        }
        return new SecretApprovals(file, read.sha256(), approvals);
    }

    /** The findings with those this file approves marked approved. */
    public List<SecretFinding> apply(List<SecretFinding> findings) {
        Map<String, Approval> byFingerprint = approvals.stream()
                .collect(Collectors.toMap(Approval::fingerprint, Function.identity(), (a, b) -> a));
        return findings.stream().map(f -> f.approvable() && byFingerprint.containsKey(f.fingerprint()) ? f.approve() : f).toList();
    }

    /** Writes the file with one more approval (replacing an earlier approval of the same fingerprint). */
    public SecretApprovals with(ProjectId id, Approval approval) {
        List<Approval> all = new ArrayList<>(approvals.stream()
                .filter(a -> !a.fingerprint().equals(approval.fingerprint())).toList());
        all.add(approval);
        return new SecretApprovals(file, ProjectRecords.write(file, new FileContent(id.value(), all)), all);
    }
}
