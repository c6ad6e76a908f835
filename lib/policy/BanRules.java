package policy;

import com.fasterxml.jackson.databind.JsonNode;
import datadir.DataFile;
import errors.ErrorCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import json.JsonFields;
import json.JsonTree;
import scan.Extensions;
import text.Printable;
import types.Family;

/**
 * Banned extensions, filename patterns and content families, each remembering the group (and so the reason) it came from.
 * Loaded from DATA/global_bans.json: {@code {"groups": [{name, notes, bannedTypes, bannedPatterns, bannedFamilies}]}}.
 *
 * @param groupByFamily the content families banned whatever a file is called ({@link Family}), each with its group
 */
public record BanRules(Map<String, String> groupByType, List<BannedPattern> patterns, Map<Family, String> groupByFamily) {

    record BannedPattern(GlobPattern glob, String group) {}

    public BanRules {
        groupByType = Map.copyOf(groupByType);
        patterns = List.copyOf(patterns);
        groupByFamily = Map.copyOf(groupByFamily);
    }

    /** Bans by name only. */
    public BanRules(Map<String, String> groupByType, List<BannedPattern> patterns) {
        this(groupByType, patterns, Map.of());
    }

    /** The group that bans this extension, if any. */
    public Optional<String> typeBan(String extension) {
        return Optional.ofNullable(groupByType.get(extension));
    }

    /** The first pattern (in file order) that matches the path, if any. */
    Optional<BannedPattern> patternBan(String relativePath) {
        String asciiLowerCase = Ascii.lowerCaseOrNull(relativePath);
        // Folded once, on the first glob the quick check lets through (every glob, for a non-ASCII path).
        GlobPattern.Folded folded = null;
        for (BannedPattern pattern : patterns) {
            if (pattern.glob().mayMatch(asciiLowerCase)) {
                folded = folded != null ? folded : GlobPattern.Folded.of(relativePath);
                if (pattern.glob().matches(folded)) {
                    return Optional.of(pattern);
                }
            }
        }
        return Optional.empty();
    }

    /** A refused pattern is quoted this far: enough to find it in the file, never a 100,000-character line. */
    private static final int QUOTED_PATTERN_CHARS = 40;

    /** These rules plus another set's; nothing is ever removed, so a preset can only add bans. */
    public BanRules plus(BanRules more) {
        Map<String, String> types = new LinkedHashMap<>(groupByType);
        more.groupByType.forEach(types::putIfAbsent);
        List<BannedPattern> all = new ArrayList<>(patterns);
        all.addAll(more.patterns);
        Map<Family, String> families = new LinkedHashMap<>(groupByFamily);
        more.groupByFamily.forEach(families::putIfAbsent);
        return new BanRules(types, all, families);
    }

    public static BanRules load(Path file) {
        return load(DataFile.of(file, ErrorCode.PZ_BANS_INVALID, JsonTree.DATA_FILE_MAX_BYTES));
    }

    public static BanRules load(DataFile file) {
        JsonNode root = JsonTree.parse(file.bytes(), file.label(), ErrorCode.PZ_BANS_INVALID);
        JsonFields fields = new JsonFields(file.label(), ErrorCode.PZ_BANS_INVALID);
        fields.object(root, "(top level)");
        JsonNode groups = root.get("groups");
        if (groups == null || !groups.isArray()) {
            throw fields.fail("groups", "is required (a list of {name, notes, bannedTypes, bannedPatterns, bannedFamilies})");
        }
        BanRules all = new BanRules(Map.of(), List.of());
        for (int i = 0; i < groups.size(); i++) {
            JsonNode group = fields.object(groups.get(i), "groups[" + i + "]");
            all = all.plus(fromGroup(fields, fields.requiredString(group, "name"), group, "groups[" + i + "]."));
        }
        return all;
    }

    /** The bannedTypes and bannedPatterns of one JSON object (a ban group, or a policy preset). */
    static BanRules fromGroup(JsonFields fields, String name, JsonNode group, String where) {
        Map<String, String> types = new LinkedHashMap<>();
        List<BannedPattern> patterns = new ArrayList<>();
        for (String type : fields.strings(group, "bannedTypes", false)) {
            String ext = Extensions.normalize(type);
            if (ext.isEmpty()) {
                throw fields.fail(where + "bannedTypes", "holds an empty extension");
            }
            types.putIfAbsent(ext, name);
        }
        for (String glob : fields.strings(group, "bannedPatterns", false)) {
            if (glob.isBlank()) {
                throw fields.fail(where + "bannedPatterns", "holds an empty pattern");
            }
            try {
                patterns.add(new BannedPattern(GlobPattern.compile(glob), name));
            } catch (IllegalArgumentException e) {
                throw fields.fail(where + "bannedPatterns", "'" + Printable.of(glob, QUOTED_PATTERN_CHARS) + "' " + e.getMessage());
            }
        }
        Map<Family, String> families = new LinkedHashMap<>();
        for (String code : fields.strings(group, "bannedFamilies", false)) {
            Family family = Family.ofCode(code).orElseThrow(() -> fields.fail(where + "bannedFamilies", "'" + Printable.of(code, QUOTED_PATTERN_CHARS)
                    + "' is no content family (" + Family.codes() + ")"));
            families.putIfAbsent(family, name);
        }
        return new BanRules(types, patterns, families);
    }
}
