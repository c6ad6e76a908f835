package policy;

import cli.DataDir;
import cli.ErrorCode;
import cli.JsonFields;
import cli.JsonTree;
import cli.PrezipException;
import cli.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A per-client policy preset, DATA/policies/NAME.json:
 * {@code {name, bannedTypes, bannedPatterns, forbidEmptyDirs, companions}}. A preset only adds
 * restrictions: its bans are added to the global ones, and its flags can only tighten.
 *
 * @param digest sha256 of the preset file's bytes, so a report names exactly the policy it applied
 */
public record PolicyPreset(String name, String digest, BanRules bans, boolean forbidEmptyDirs, CompanionMode companions) {
    /** Same shape as a project id: a preset name can never point outside DATA/policies. */
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** What the report and manifest say about the preset applied. */
    public record Applied(String name, String sha256) {}

    public Applied applied() {
        return new Applied(name, digest);
    }

    public static PolicyPreset load(DataDir data, String name) {
        if (!VALID_NAME.matcher(name).matches()) {
            throw new PrezipException(ErrorCode.PZ_POLICY_UNKNOWN, "invalid policy name '" + name + "'");
        }
        Path file = data.policiesDir().resolve(name + ".json");
        if (!Files.isRegularFile(file)) {
            throw new PrezipException(ErrorCode.PZ_POLICY_UNKNOWN, "no policy preset '" + name + "' (" + file + "): "
                    + ErrorCode.PZ_POLICY_UNKNOWN.advice());
        }
        byte[] bytes = JsonTree.readBytes(file, ErrorCode.PZ_POLICY_INVALID, JsonTree.DATA_FILE_MAX_BYTES);
        // Parsed from the very bytes the digest is taken of.
        JsonNode root = JsonTree.parse(bytes, file, ErrorCode.PZ_POLICY_INVALID);
        JsonFields fields = new JsonFields(file, ErrorCode.PZ_POLICY_INVALID);
        fields.object(root, "(top level)");
        String declared = fields.requiredString(root, "name");
        if (!declared.equals(name)) {
            throw fields.fail("name", "is '" + declared + "' but the file is " + file.getFileName());
        }
        JsonNode forbid = root.get("forbidEmptyDirs");
        if (forbid != null && !forbid.isBoolean()) {
            throw fields.fail("forbidEmptyDirs", "must be true or false");
        }
        String companions = fields.optionalString(root, "companions");
        CompanionMode mode;
        try {
            mode = companions == null ? CompanionMode.OFF : CompanionMode.parse(companions);
        } catch (PrezipException e) {
            throw fields.fail("companions", "must be off, warn or strict");
        }
        BanRules bans = BanRules.fromGroup(fields, "policy " + name, root, "");
        return new PolicyPreset(name, HexFormat.of().formatHex(Sha256.newDigest().digest(bytes)), bans,
                forbid != null && forbid.booleanValue(), mode);
    }
}
