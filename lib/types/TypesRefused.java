package types;

import errors.ErrorCode;
import errors.PrezipException;
import java.util.List;
import text.Counts;
import text.Printable;

/** A commit stopped because files are not what their names say (or are of a banned family): nothing was shipped. */
public final class TypesRefused extends PrezipException {
    /** Files named in the message at most; the report lists all. */
    static final int NAMED = 3;

    /** @param findings every type finding of the run (warnings too): the refused ones are named */
    public TypesRefused(List<TypeFinding> findings) {
        super(ErrorCode.PZ_REFUSED, message(findings));
    }

    private static String message(List<TypeFinding> findings) {
        List<TypeFinding> refused = findings.stream().filter(TypeFinding::excluded).toList();
        StringBuilder m = new StringBuilder(Counts.of(refused.size(), "file", "files")).append(" may not ship for what they are: ");
        refused.stream().limit(NAMED).forEach(f -> m.append(Printable.path(f.path())).append(": ").append(f.detail()).append("; "));
        if (refused.size() > NAMED) {
            m.append(refused.size() - NAMED).append(" more in the report; ");
        }
        return m.append(ErrorCode.PZ_REFUSED.advice()).toString();
    }
}
