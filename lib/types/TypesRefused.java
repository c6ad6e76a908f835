package types;

import errors.ErrorCode;
import errors.PrezipException;
import java.util.List;
import text.Counts;

/** A commit stopped because files are not what their names say (or are of a banned family): nothing was shipped. */
public final class TypesRefused extends PrezipException {
    /** Files named in the message at most; the report lists all. */
    static final int NAMED = 3;

    private final transient List<TypeFinding> findings;

    public TypesRefused(List<TypeFinding> findings) {
        super(ErrorCode.PZ_REFUSED, message(findings));
        this.findings = List.copyOf(findings);
    }

    /** Every type finding of the run (warnings too), for the report. */
    public List<TypeFinding> findings() {
        return findings;
    }

    private static String message(List<TypeFinding> findings) {
        List<TypeFinding> refused = findings.stream().filter(TypeFinding::excluded).toList();
        StringBuilder m = new StringBuilder(Counts.of(refused.size(), "file", "files")).append(" may not ship for what they are: ");
        refused.stream().limit(NAMED).forEach(f -> m.append(text.Printable.of(f.path(), 200)).append(": ").append(f.detail()).append("; "));
        if (refused.size() > NAMED) {
            m.append(refused.size() - NAMED).append(" more in the report; ");
        }
        return m.append(ErrorCode.PZ_REFUSED.advice()).toString();
    }
}
