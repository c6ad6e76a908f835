package datadir;

import errors.ErrorCode;
import errors.PrezipException;
import java.util.regex.Pattern;

/** A validated project id: it names a file under DATA/projects and so can never contain a path. */
public record ProjectId(String value) {
    /** CONTRACT.md: a leading letter or digit keeps ids from being '.', '..' or hidden names. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public ProjectId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new PrezipException(ErrorCode.PZ_BAD_PROJECT_ID,
                    "invalid project id '" + value + "': " + ErrorCode.PZ_BAD_PROJECT_ID.advice());
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
