package policy;

import errors.ErrorCode;
import errors.PrezipException;
import java.util.Locale;

/** What a split companion group does to a run (spec step 3). */
public enum CompanionMode {
    /** Not checked. */
    OFF,
    /** Listed in the report and the summary; the run goes on. */
    WARN,
    /** Listed, and the run refuses. */
    STRICT;

    public static CompanionMode parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PrezipException(ErrorCode.PZ_USAGE, "companion mode '" + text + "' is not one of off, warn, strict");
        }
    }

    /** The stricter of two modes: a preset may tighten the operator's choice, never loosen it. */
    public CompanionMode stricter(CompanionMode other) {
        return ordinal() >= other.ordinal() ? this : other;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The modes as --companions takes them, for shell completion. */
    public static final class Codes implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(values()).map(CompanionMode::code).iterator();
        }
    }
}
