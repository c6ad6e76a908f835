package errors;

/**
 * Every error code a prezip command can print. The codes are a stable contract: scripts and auditors
 * match on them, so a code is never renamed or reused; README's error table lists each one.
 */
public enum ErrorCode {
    PZ_USAGE(ExitCode.USAGE, "a bad or missing option; see the command's --help"),
    PZ_BAD_PROJECT_ID(ExitCode.USAGE, "use a project id of letters, digits, '.', '_' or '-' (at most 64, not starting with a symbol)"),
    PZ_CONTENT_DIR_MISSING(ExitCode.USAGE, "point --content-dir at an existing directory"),
    PZ_DATA_DIR_INVALID(ExitCode.USAGE, "point --data-dir (or PREZIP_DATA_DIR) at a readable data directory"),
    PZ_ALLOWLIST_MISSING(ExitCode.USAGE, "run inventory for the project first"),
    PZ_ALLOWLIST_INVALID(ExitCode.USAGE, "fix the named field of the allowlist file"),
    PZ_ALLOWLIST_EXISTS(ExitCode.REFUSED, "allowlists are immutable; pass --reinventory to keep the old one and write a new one"),
    PZ_BANS_INVALID(ExitCode.USAGE, "fix the named field of global_bans.json"),
    PZ_LOCALE_NOT_UTF8(ExitCode.USAGE, "run under a UTF-8 locale, e.g. LC_ALL=C.UTF-8 (the ./jbang wrapper does this)"),
    PZ_EPOCH_INVALID(ExitCode.USAGE, "set SOURCE_DATE_EPOCH to whole seconds between 1980 and 2107, or unset it"),
    PZ_MANIFEST_INVALID(ExitCode.REFUSED, "the manifest is missing or malformed; rebuild the zip with prezip_stager --commit"),
    PZ_MANIFEST_VERSION(ExitCode.REFUSED, "the manifest's schema_version is unknown to this toolkit version; use the toolkit that wrote it"),
    PZ_POLICY_UNKNOWN(ExitCode.USAGE, "name a preset that exists as DATA/policies/NAME.json (shipped: default, strict)"),
    PZ_POLICY_INVALID(ExitCode.USAGE, "fix the named field of the policy preset"),
    PZ_COMPANIONS_SPLIT(ExitCode.REFUSED, "companion files (same folder and stem) would be split; ship or leave out the whole group, or use --companions warn"),
    PZ_SIGN_KEY_INVALID(ExitCode.USAGE, "pass an Ed25519 PKCS#8 PEM private key, e.g. from: openssl genpkey -algorithm ed25519 -out key.pem"),
    PZ_PROJECT_MANIFEST_INVALID(ExitCode.USAGE, "fix DATA/projects/ID_manifest.json (it must be a JSON object); the zip itself was written"),
    PZ_SECRET_FOUND(ExitCode.REFUSED, "a credential was found inside a file that would ship; remove it from the file, or if it is no secret approve its fingerprint with prezip_stager --approve-secret FINGERPRINT --note TEXT"),
    PZ_CONTENT_TYPES_INVALID(ExitCode.USAGE, "fix the named field of DATA/content_types.json (the toolkit ships one in data/)"),
    PZ_CONTAINERS_INVALID(ExitCode.USAGE, "fix DATA/projects/ID_containers.json, or accept again with prezip_stager --accept-container"),
    PZ_SECRET_RULES_INVALID(ExitCode.USAGE, "fix the named field of DATA/secret_rules.json (the toolkit ships one in data/)"),
    PZ_SECRETS_ALLOW_INVALID(ExitCode.USAGE, "fix the named field of DATA/projects/ID_secrets_allow.json, or approve again with prezip_stager --approve-secret"),
    PZ_SECRET_NOT_FOUND(ExitCode.USAGE, "approve a fingerprint that the run lists under secrets (run the dry-run on the same content folder first)"),
    PZ_REFUSED(ExitCode.REFUSED, "files that may not ship were found; remove them, extend the allowlist, or pass --allow-unknown"),
    PZ_SOURCE_CHANGED(ExitCode.REFUSED, "a source file changed during the commit; wait until nobody writes to the content folder and run again"),
    PZ_INVARIANT(ExitCode.REFUSED, "the staging tree broke a delivery invariant; nothing was shipped"),
    PZ_OUTPUT_DIR_MISSING(ExitCode.USAGE, "create the output zip's folder first, or pass --mkdirs"),
    PZ_OUTPUT_INSIDE_CONTENT(ExitCode.USAGE, "write the zip outside the content folder"),
    KC_DRAFT_PREVIEW_UNKNOWN_CAPABILITY(ExitCode.USAGE, "the spec's code for an unknown --preview-capability name; use zip_packaging"),
    PZ_VERIFY_FAILED(ExitCode.REFUSED, "the zip does not match its policy, manifest or source; do not ship it, rebuild it with prezip_stager --commit"),
    PZ_ZIP_MISSING(ExitCode.USAGE, "point --zip at an existing zip file"),
    PZ_OUTPUT_LOCKED(ExitCode.REFUSED, "wait for the other commit to the same zip to finish, then run again"),
    PZ_DISK_FULL(ExitCode.FAILURE, "free space on that file system (or write the zip elsewhere) and run again; the previous zip, if any, is untouched"),
    PZ_IO(ExitCode.FAILURE, "an input/output error; check the named path, free space and permissions"),
    PZ_OUT_OF_MEMORY(ExitCode.FAILURE, "run it again with a larger heap, e.g. JAVA_TOOL_OPTIONS=-Xmx4g"),
    PZ_INTERNAL(ExitCode.FAILURE, "a bug in prezip; rerun with --verbose and report the stack trace");

    private final int exitCode;
    private final String advice;

    ErrorCode(int exitCode, String advice) {
        this.exitCode = exitCode;
        this.advice = advice;
    }

    public int exitCode() {
        return exitCode;
    }

    public String advice() {
        return advice;
    }
}
