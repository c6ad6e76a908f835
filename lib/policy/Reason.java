package policy;

/** Why a file was left out. The codes are stable strings (CONTRACT.md, "Classification"). */
public enum Reason {
    HIDDEN("hidden", Severity.SILENT),
    SYMLINK("symlink", Severity.REFUSES_UNLESS_ALLOWED),
    SPECIAL_FILE("special_file", Severity.REFUSES_UNLESS_ALLOWED),
    UNREADABLE("unreadable", Severity.REFUSES_UNLESS_ALLOWED),
    UNSAFE_NAME("unsafe_name", Severity.ALWAYS_REFUSES),
    NAME_COLLISION("name_collision", Severity.ALWAYS_REFUSES),
    BANNED_TYPE("banned_type", Severity.REFUSES_UNLESS_ALLOWED),
    BANNED_PATTERN("banned_pattern", Severity.REFUSES_UNLESS_ALLOWED),
    NO_EXTENSION("no_extension", Severity.REFUSES_UNLESS_ALLOWED),
    NOT_ALLOWED("not_allowed", Severity.REFUSES_UNLESS_ALLOWED),
    /** A path that would ship but is longer than {@link LongPaths#MAX_CHARACTERS}: only under a preset that refuses them ({@code strict}). */
    LONG_PATH("long_path", Severity.ALWAYS_REFUSES),
    /** Content of a banned family (an executable named .png), or an archive under a name that does not say so. */
    BANNED_CONTENT("banned_content", Severity.REFUSES_UNLESS_ALLOWED),
    /** Content that contradicts its name, where the policy refuses that ({@code strict}); elsewhere a warning, never a reason. */
    TYPE_MISMATCH("type_mismatch", Severity.REFUSES_UNLESS_ALLOWED),
    /** A credential in the file's content (checked after the names, on the files that would ship). */
    SECRET("secret", Severity.ALWAYS_REFUSES);

    /** How a reason bears on the fail-closed rule. */
    enum Severity {
        /** Left out quietly: dotfiles are never deliverables. */
        SILENT,
        /** Left out, and the run refuses unless the operator passed --allow-unknown. */
        REFUSES_UNLESS_ALLOWED,
        /** Left out, and the run refuses even with --allow-unknown. */
        ALWAYS_REFUSES
    }

    private final String code;
    private final Severity severity;

    Reason(String code, Severity severity) {
        this.code = code;
        this.severity = severity;
    }

    public String code() {
        return code;
    }

    /** The reason with this code; codes come from this enum, so an unknown one is a bug. */
    public static Reason ofCode(String code) {
        for (Reason reason : values()) {
            if (reason.code.equals(code)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("no reason " + code);
    }

    public boolean refuses(boolean allowUnknown) {
        return severity == Severity.ALWAYS_REFUSES || (severity == Severity.REFUSES_UNLESS_ALLOWED && !allowUnknown);
    }
}
