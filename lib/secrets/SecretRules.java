package secrets;

import com.fasterxml.jackson.databind.JsonNode;
import datadir.DataDir;
import datadir.DataFile;
import errors.ErrorCode;
import io.BoundedFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import json.JsonFields;
import json.JsonTree;

/**
 * The credential rules of DATA/secret_rules.json and the keyword automaton that finds where any of them
 * may start: an Aho-Corasick automaton over ASCII-folded bytes, one table lookup per byte, so the
 * pre-filter is linear in the content whatever the keywords. Immutable; one instance serves every thread.
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
    /** Class of every byte that is in no keyword (the automaton's alphabet is the keywords' bytes). */
    private static final int OTHER = 0;

    /** One rule; {@code maxLength} bounds how far past the keyword its pattern may read. */
    record Rule(String id, String description, List<String> keywords, SecretPattern pattern, boolean ignoreCase,
                double minEntropy, int maxLength, boolean binary, String source) {}

    private final List<Rule> rules;
    private final Set<String> exampleValues;
    private final List<String> placeholderPrefixes;
    private final Set<String> placeholderValues;
    /** Byte to class (ASCII letters folded to lower case). */
    final byte[] classOf = new byte[256];
    /**
     * Transitions, {@code 1 << shift} per state, indexed by (row offset | byte class); a value is the target's
     * row offset, or {@code ~offset} when keywords end in the target.
     */
    final int[] delta;
    final int shift;
    /** Per state with hits: the keyword indexes ending there (including those ending at its suffixes). */
    final int[][] hitsAt;
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

        int classes = 1;
        for (byte[] keyword : keywordBytes) {
            for (byte b : keyword) {
                int folded = fold(b & 0xff);
                if (classOf[folded] == OTHER) {
                    classOf[folded] = (byte) classes++;
                }
            }
        }
        for (int c = 'A'; c <= 'Z'; c++) {
            classOf[c] = classOf[c - 'A' + 'a'];
        }
        int stride = Integer.highestOneBit(Math.max(1, classes - 1)) << 1;
        shift = Integer.numberOfTrailingZeros(stride);

        // The trie over folded keyword bytes, then breadth-first suffix links and the full transition table.
        List<int[]> children = new ArrayList<>();
        List<List<Integer>> ending = new ArrayList<>();
        children.add(new int[stride]);
        ending.add(new ArrayList<>());
        for (int k = 0; k < keywordBytes.length; k++) {
            int state = 0;
            for (byte b : keywordBytes[k]) {
                int c = classOf[b & 0xff];
                if (children.get(state)[c] == 0) {
                    children.get(state)[c] = children.size();
                    children.add(new int[stride]);
                    ending.add(new ArrayList<>());
                }
                state = children.get(state)[c];
            }
            ending.get(state).add(k);
        }
        int states = children.size();
        int[] table = new int[states << shift];
        int[] suffix = new int[states];
        List<List<Integer>> hits = new ArrayList<>(ending);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < stride; c++) {
            int child = children.get(0)[c];
            table[c] = child;
            if (child != 0) {
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            List<Integer> all = new ArrayList<>(hits.get(state));
            all.addAll(hits.get(suffix[state]));
            hits.set(state, all);
            for (int c = 0; c < stride; c++) {
                int child = children.get(state)[c];
                int fallback = table[(suffix[state] << shift) | c];
                if (child != 0) {
                    suffix[child] = fallback;
                    queue.add(child);
                    table[(state << shift) | c] = child;
                } else {
                    table[(state << shift) | c] = fallback;
                }
            }
        }
        hitsAt = new int[states][];
        for (int s = 0; s < states; s++) {
            hitsAt[s] = hits.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        // Targets are stored as row offsets (state << shift): the scanner's per-byte step is one OR and one load.
        for (int i = 0; i < table.length; i++) {
            table[i] = hitsAt[table[i]].length > 0 ? ~(table[i] << shift) : table[i] << shift;
        }
        delta = table;
    }

    private static int fold(int b) {
        return b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b;
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

    /** Shannon entropy in bits per byte: random tokens score high, words and repeated characters low. */
    static double entropy(byte[] bytes, int from, int to) {
        int[] counts = new int[256];
        for (int i = from; i < to; i++) {
            counts[bytes[i] & 0xff]++;
        }
        double n = to - from;
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = count / n;
                bits -= p * (Math.log(p) / Math.log(2));
            }
        }
        return bits;
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
        String source = text(fields, node, where, "source");
        if (!source.startsWith("https://")) {
            throw fields.fail(where + ".source", "must be the https:// address of the token format's public documentation");
        }
        return new Rule(id, text(fields, node, where, "description"), List.copyOf(keywords), pattern, ignoreCase,
                entropy == null ? 0 : entropy.doubleValue(), length == null ? DEFAULT_MAX_LENGTH : length.intValue(),
                bool(fields, node, where, "binary"), source);
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
