package policy;

import com.fasterxml.jackson.databind.JsonNode;
import datadir.DataDir;
import datadir.DataFile;
import errors.ErrorCode;
import errors.PrezipException;
import java.util.regex.Pattern;
import json.JsonFields;
import json.JsonTree;

/**
 * A per-client policy preset, DATA/policies/NAME.json:
 * {@code {name, bannedTypes, bannedPatterns, bannedFamilies, forbidEmptyDirs, companions, refuseLongPaths, refuseTypeMismatch}}. A preset only adds
 * restrictions: its bans are added to the global ones, and its flags can only tighten.
 *
 * @param digest sha256 of the preset file's bytes, so a report names exactly the policy it applied
 * @param source the file it was read from, or the built-in copy (as {@link DataFile#shown})
 * @param refuseLongPaths whether paths over {@link LongPaths#MAX_CHARACTERS} refuse the run (else they are a warning)
 * @param refuseTypeMismatch whether a file whose content contradicts its name is left out (else it is a warning)
 */
public record PolicyPreset(String name, String digest, String source, BanRules bans, boolean forbidEmptyDirs, CompanionMode companions,
                           boolean refuseLongPaths, boolean refuseTypeMismatch) {
    /** Same shape as a project id: a preset name can never point outside DATA/policies. */
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** What the report and manifest say about the preset applied. */
    public record Applied(String name, String sha256) {}

    public Applied applied() {
        return new Applied(name, digest);
    }

    /** The presets the toolkit ships (a data folder may add its own), for shell completion of --policy. */
    public static final class ShippedNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("default", "strict").iterator();
        }
    }

    public static PolicyPreset load(DataDir data, String name) {
        if (!VALID_NAME.matcher(name).matches()) {
            throw new PrezipException(ErrorCode.PZ_POLICY_UNKNOWN, "invalid policy name '" + name + "'");
        }
        DataFile file = data.find(DataDir.POLICIES + "/" + name + ".json",
                ErrorCode.PZ_POLICY_INVALID, JsonTree.DATA_FILE_MAX_BYTES);
        if (file == null) {
            throw new PrezipException(ErrorCode.PZ_POLICY_UNKNOWN, "no policy preset '" + name + "' ("
                    + data.root().resolve(DataDir.POLICIES).resolve(name + ".json") + ", and none built in): "
                    + ErrorCode.PZ_POLICY_UNKNOWN.advice());
        }
        // Parsed from the very bytes the digest is taken of.
        JsonNode root = JsonTree.parse(file.bytes(), file.label(), ErrorCode.PZ_POLICY_INVALID);
        JsonFields fields = new JsonFields(file.label(), ErrorCode.PZ_POLICY_INVALID);
        fields.object(root, "(top level)");
        String declared = fields.requiredString(root, "name");
        if (!declared.equals(name)) {
            throw fields.fail("name", "is '" + declared + "' but the file is " + file.label().getFileName());
        }
        boolean forbidEmptyDirs = optionalFlag(fields, root, "forbidEmptyDirs");
        boolean refuseLongPaths = optionalFlag(fields, root, "refuseLongPaths");
        boolean refuseTypeMismatch = optionalFlag(fields, root, "refuseTypeMismatch");
        String companions = fields.optionalString(root, "companions");
        CompanionMode mode;
        try {
            mode = companions == null ? CompanionMode.OFF : CompanionMode.parse(companions);
        } catch (PrezipException e) {
            throw fields.fail("companions", "must be off, warn or strict");
        }
        BanRules bans = BanRules.fromGroup(fields, "policy " + name, root, "");
        return new PolicyPreset(name, file.sha256(), file.shown(), bans, forbidEmptyDirs, mode, refuseLongPaths, refuseTypeMismatch);
    }

    /** A true/false field that may be absent (then false: a preset only tightens what it names). */
    private static boolean optionalFlag(JsonFields fields, JsonNode root, String field) {
        JsonNode flag = root.get(field);
        if (flag != null && !flag.isBoolean()) {
            throw fields.fail(field, "must be true or false");
        }
        return flag != null && flag.booleanValue();
    }
}
