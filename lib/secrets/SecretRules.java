package secrets;

import com.fasterxml.jackson.databind.JsonNode;
import datadir.DataDir;
import datadir.DataFile;
import errors.ErrorCode;
import io.BoundedFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import json.JsonFields;
import json.JsonTree;

/**
 * The credential rules of DATA/secret_rules.json and the keyword automaton ({@link KeywordAutomaton}) that
 * finds where any of them may start. Immutable; one instance serves every thread.
 */
public final class SecretRules {
    /** The only schema this toolkit reads. */
    static final int SCHEMA_VERSION = 1;
    /** Rule ids appear in reports and approvals: lowercase words joined by hyphens. */
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    /** A keyword is matched as a literal; shorter ones would fire on ordinary words everywhere. */
    static final int MIN_KEYWORD_LENGTH = 2;
    /** Longer keywords are never needed by a token format, and bound the bytes kept between chunks. */
    static final int MAX_KEYWORD_LENGTH = 64;
    /** How far past its keyword a match may read unless the rule says otherwise (every token format fits). */
    static final int DEFAULT_MAX_LENGTH = 256;
    /** The longest a rule may read past its keyword (a 4096-bit RSA key in PEM is about 3.3 KB). */
    static final int MAX_MAX_LENGTH = 16 * 1024;
    /** Shannon entropy of a byte string is at most 8 bits per byte. */
    static final double MAX_ENTROPY = 8.0;

    /** The longest a rule's {@code before} may reach ahead of its keyword: the buffer keeps a keyword's length. */
    static final int MAX_BEFORE_LENGTH = 32;

    /**
     * One rule; {@code maxLength} bounds how far past the keyword its pattern may read; {@code before}, if
     * not null, is what the token holds ahead of its keyword (matched backwards; the token then starts there);
     * {@code anywhere}: the keyword counts inside a longer word too (a fragment of base64);
     * {@code value} is what its secret must look like beyond the pattern.
     */
    record Rule(String id, String description, List<String> keywords, SecretPattern pattern, boolean ignoreCase,
                double minEntropy, int maxLength, boolean binary, String source, SecretPattern before, boolean anywhere,
                ValueCheck value) {}

    private final List<Rule> rules;
    private final Set<String> exampleValues;
    private final List<String> placeholderPrefixes;
    private final Set<String> placeholderValues;
    /** Where any rule may start: the automaton over every rule's keywords. */
    final KeywordAutomaton automaton;
    /** Per keyword: its bytes as written (for case-sensitive rules) and its rule. */
    final byte[][] keywordBytes;
    final int[] keywordRule;
    final boolean anyBinaryRule;
    /** The most bytes a pending match needs before its keyword ends and after its keyword starts. */
    final int longestReach;

    private SecretRules(List<Rule> rules, Set<String> exampleValues, List<String> placeholderPrefixes,
                        Set<String> placeholderValues) {
        this.rules = List.copyOf(rules);
        this.exampleValues = Set.copyOf(exampleValues);
        this.placeholderPrefixes = List.copyOf(placeholderPrefixes);
        this.placeholderValues = Set.copyOf(placeholderValues);
        List<byte[]> keywords = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            for (String keyword : rules.get(r).keywords()) {
                keywords.add(keyword.getBytes(StandardCharsets.US_ASCII));
                owners.add(r);
            }
        }
        keywordBytes = keywords.toArray(byte[][]::new);
        keywordRule = owners.stream().mapToInt(Integer::intValue).toArray();
        anyBinaryRule = rules.stream().anyMatch(Rule::binary);
        longestReach = MAX_KEYWORD_LENGTH + rules.stream().mapToInt(Rule::maxLength).max().orElse(0) + 1;
        automaton = new KeywordAutomaton(keywordBytes);
    }

    /** How many rules there are (per scanner, without building the list of their ids). */
    int ruleCount() {
        return rules.size();
    }

    public List<String> ruleIds() {
        return rules.stream().map(Rule::id).toList();
    }

    Rule rule(int index) {
        return rules.get(index);
    }

    /**
     * Whether buffer[from, to) starts with the keyword of a vendor's rule (one whose value check is not generic): a
     * generic rule leaves such a value to the vendor's, so one token is one finding, under its own name.
     */
    boolean startsWithVendorKeyword(byte[] buffer, int from, int to) {
        for (int k = 0; k < keywordBytes.length; k++) {
            Rule rule = rules.get(keywordRule[k]);
            byte[] word = keywordBytes[k];
            if (rule.value().generic() || rule.anywhere()) {
                continue;
            }
            if (rule.before() == null) {
                if (to - from >= word.length && Arrays.equals(buffer, from, from + word.length, word, 0, word.length)) {
                    return true;
                }
                continue;
            }
            // A token that starts ahead of its keyword (Q~ four characters in): its keyword where its start is the value's.
            for (int at = from + 1; at <= Math.min(to - word.length, from + MAX_BEFORE_LENGTH); at++) {
                if (Arrays.equals(buffer, at, at + word.length, word, 0, word.length)
                        && rule.before().matchBackward(buffer, at, from) == from) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A documented example value (the secret or the whole match) or a placeholder: looks like a secret, is none. */
    boolean isExampleOrPlaceholder(String secret, String match) {
        if (exampleValues.contains(secret) || exampleValues.contains(match)
                || placeholderValues.contains(secret.toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (String prefix : placeholderPrefixes) {
            if (secret.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    public static SecretRules load(Path file) {
        // Rule files are a few kilobytes; the cap keeps a wrong path (a device, a huge file) from costing memory.
        return parse(BoundedFiles.readBytes(file, ErrorCode.PZ_SECRET_RULES_INVALID, MAX_FILE_BYTES), file);
    }

    /** The data folder's rules, else the built-in ones. */
    public static DataFile fileIn(DataDir data) {
        return data.file(DataDir.SECRET_RULES, ErrorCode.PZ_SECRET_RULES_INVALID, MAX_FILE_BYTES);
    }

    public static SecretRules load(DataFile file) {
        return parse(file.bytes(), file.label());
    }

    /** Keyword characters in all: the shipped rules use about 450; the automaton then stays under 8 MiB. */
    static final int MAX_KEYWORD_CHARS = 16 * 1024;
    /** A rule file is a few kilobytes; a megabyte leaves room for an organisation's own hundreds. */
    static final long MAX_FILE_BYTES = 1 << 20;

    static SecretRules parse(byte[] bytes, Path file) {
        JsonNode root = JsonTree.parse(bytes, file, ErrorCode.PZ_SECRET_RULES_INVALID);
        JsonFields fields = new JsonFields(file, ErrorCode.PZ_SECRET_RULES_INVALID);
        fields.object(root, "(top level)");
        JsonNode version = root.get("schema_version");
        if (version == null || !version.isInt() || version.intValue() != SCHEMA_VERSION) {
            throw fields.fail("schema_version", "must be " + SCHEMA_VERSION);
        }
        JsonNode list = root.get("rules");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw fields.fail("rules", "is required (a non-empty list of rules)");
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        long keywordChars = 0;
        for (int i = 0; i < list.size(); i++) {
            String where = "rules[" + i + "]";
            Rule rule = rule(fields, fields.object(list.get(i), where), where);
            if (!ids.add(rule.id())) {
                throw fields.fail(where + ".id", "'" + rule.id() + "' is used by an earlier rule");
            }
            keywordChars += rule.keywords().stream().mapToInt(String::length).sum();
            if (keywordChars > MAX_KEYWORD_CHARS) {
                throw fields.fail(where + ".keywords", "brings the rules' keywords past " + MAX_KEYWORD_CHARS
                        + " characters in all (the automaton's table grows with them)");
            }
            rules.add(rule);
        }
        return new SecretRules(rules, new HashSet<>(fields.strings(root, "example_values", false)),
                fields.strings(root, "placeholder_prefixes", false),
                new HashSet<>(fields.strings(root, "placeholder_values", false).stream().map(v -> v.toLowerCase(Locale.ROOT)).toList()));
    }

    private static Rule rule(JsonFields fields, JsonNode node, String where) {
        String id = text(fields, node, where, "id");
        if (!RULE_ID.matcher(id).matches()) {
            throw fields.fail(where + ".id", "'" + id + "' must be lowercase letters and digits joined by '-'");
        }
        List<String> keywords = fields.strings(node, "keywords", true);
        if (keywords.isEmpty()) {
            throw fields.fail(where + ".keywords", "must hold at least one keyword");
        }
        for (String keyword : keywords) {
            if (keyword.length() < MIN_KEYWORD_LENGTH || keyword.length() > MAX_KEYWORD_LENGTH
                    || !keyword.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                throw fields.fail(where + ".keywords", "'" + keyword + "' must be " + MIN_KEYWORD_LENGTH + " to "
                        + MAX_KEYWORD_LENGTH + " printable ASCII characters");
            }
        }
        boolean ignoreCase = bool(fields, node, where, "ignore_case");
        SecretPattern pattern;
        try {
            pattern = SecretPattern.parse(text(fields, node, where, "pattern"), ignoreCase);
        } catch (IllegalArgumentException e) {
            throw fields.fail(where + ".pattern", e.getMessage());
        }
        JsonNode entropy = node.get("min_entropy");
        if (entropy != null && (!entropy.isNumber() || entropy.doubleValue() < 0 || entropy.doubleValue() > MAX_ENTROPY)) {
            throw fields.fail(where + ".min_entropy", "must be a number of bits per character from 0 to " + MAX_ENTROPY);
        }
        JsonNode length = node.get("max_length");
        if (length != null && (!length.isInt() || length.intValue() < 1 || length.intValue() > MAX_MAX_LENGTH)) {
            throw fields.fail(where + ".max_length", "must be a whole number from 1 to " + MAX_MAX_LENGTH);
        }
        SecretPattern before = null;
        if (node.has("before")) {
            try {
                before = SecretPattern.parse(text(fields, node, where, "before"), ignoreCase);
            } catch (IllegalArgumentException e) {
                throw fields.fail(where + ".before", e.getMessage());
            }
            if (before.maxLength() > MAX_BEFORE_LENGTH) {
                throw fields.fail(where + ".before", "may match at most " + MAX_BEFORE_LENGTH + " characters");
            }
        }
        ValueCheck value = ValueCheck.NONE;
        if (node.has("value")) {
            String name = text(fields, node, where, "value");
            try {
                value = ValueCheck.of(name);
            } catch (IllegalArgumentException e) {
                throw fields.fail(where + ".value", "'" + name + "' is none of " + ValueCheck.names());
            }
        }
        String source = text(fields, node, where, "source");
        if (!source.startsWith("https://")) {
            throw fields.fail(where + ".source", "must be the https:// address of the token format's public documentation");
        }
        return new Rule(id, text(fields, node, where, "description"), List.copyOf(keywords), pattern, ignoreCase,
                entropy == null ? 0 : entropy.doubleValue(), length == null ? DEFAULT_MAX_LENGTH : length.intValue(),
                bool(fields, node, where, "binary"), source, before,
                bool(fields, node, where, "anywhere"), value);
    }

    private static String text(JsonFields fields, JsonNode node, String where, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw fields.fail(where + "." + field, "must be a non-empty string");
        }
        return value.asText();
    }

    private static boolean bool(JsonFields fields, JsonNode node, String where, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw fields.fail(where + "." + field, "must be true or false");
        }
        return value.booleanValue();
    }
}
