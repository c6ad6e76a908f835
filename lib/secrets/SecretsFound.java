package secrets;

import errors.ErrorCode;
import errors.PrezipException;
import java.util.List;
import text.Counts;
import text.Printable;

/** A run stopped because credentials are in files that would ship: carries every finding for the report. */
public final class SecretsFound extends PrezipException {
    private final transient List<SecretFinding> findings;

    public SecretsFound(List<SecretFinding> findings) {
        super(ErrorCode.PZ_SECRET_FOUND, message(findings));
        this.findings = List.copyOf(findings);
    }

    /** Approved and unapproved alike, in the files' order. */
    public List<SecretFinding> findings() {
        return findings;
    }

    private static String message(List<SecretFinding> findings) {
        List<SecretFinding> refused = findings.stream().filter(f -> !f.approved()).toList();
        long files = refused.stream().map(SecretFinding::path).distinct().count();
        StringBuilder text = new StringBuilder(Counts.of(refused.size(), "credential", "credentials")).append(" in ")
                .append(Counts.of(files, "file", "files")).append(" that would ship (");
        refused.stream().limit(3).forEach(f -> text.append(Printable.path(f.location())).append(' ').append(f.rule()).append(", "));
        text.setLength(text.length() - 2);
        if (refused.size() > 3) {
            text.append(", ...");
        }
        return text.append("): ").append(ErrorCode.PZ_SECRET_FOUND.advice()).toString();
    }
}
