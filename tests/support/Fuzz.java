package support;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile inputs made from good ones, reproducibly from a seed: zips with header fields set to edge
 * values (sizes, offsets, counts, name and extra lengths, flags, versions, zip64 records) as well as
 * flipped, cut and repeated bytes; manifests and data files with fields removed, retyped, nulled or
 * blown up. Used by FuzzTest (a few hundred cases per run) and bench/fuzz.sh (a campaign for minutes).
 */
public final class Fuzz {
    private Fuzz() {}

    /** A header field: where it starts in its record, and how many bytes it has. */
    private record Field(int offset, int size) {}

    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final List<Field> LOCAL_FIELDS = fields(4, 2, 6, 2, 8, 2, 10, 2, 12, 2, 14, 4, 18, 4, 22, 4, 26, 2, 28, 2);
    private static final List<Field> CENTRAL_FIELDS = fields(4, 2, 6, 2, 8, 2, 10, 2, 12, 2, 14, 2, 16, 4, 20, 4, 24, 4,
            28, 2, 30, 2, 32, 2, 34, 2, 36, 2, 38, 4, 42, 4);
    private static final List<Field> END_FIELDS = fields(4, 2, 6, 2, 8, 2, 10, 2, 12, 4, 16, 4, 20, 2);
    private static final List<Field> ZIP64_END_FIELDS = fields(4, 8, 12, 2, 14, 2, 16, 4, 20, 4, 24, 8, 32, 8, 40, 8, 48, 8);
    private static final List<Field> ZIP64_LOCATOR_FIELDS = fields(4, 4, 8, 8, 16, 4);

    private static List<Field> fields(int... offsetsAndSizes) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < offsetsAndSizes.length; i += 2) {
            fields.add(new Field(offsetsAndSizes[i], offsetsAndSizes[i + 1]));
        }
        return fields;
    }

    /** One mutation of a zip's bytes; never the same bytes (a mutation that changes nothing is redone). */
    public static byte[] mutateZip(byte[] zip, Random random) {
        for (int attempt = 0; ; attempt++) {
            byte[] mutated = mutateOnce(zip, random);
            if (!java.util.Arrays.equals(mutated, zip) || attempt > 20) {
                return mutated;
            }
        }
    }

    private static byte[] mutateOnce(byte[] zip, Random random) {
        int kind = random.nextInt(10);
        if (kind < 6) {
            return setField(zip, random);
        }
        byte[] copy = zip.clone();
        switch (kind) {
            case 6 -> {
                for (int n = 1 + random.nextInt(8); n > 0; n--) {
                    copy[random.nextInt(copy.length)] ^= (byte) (1 + random.nextInt(255));
                }
                return copy;
            }
            case 7 -> {
                return java.util.Arrays.copyOf(zip, random.nextInt(zip.length));
            }
            case 8 -> {
                // A run of the file repeated in place: overlapping records, entries inside entries.
                int from = random.nextInt(zip.length);
                int length = 1 + random.nextInt(Math.min(512, zip.length - from));
                int at = random.nextInt(zip.length);
                byte[] grown = new byte[zip.length + length];
                System.arraycopy(zip, 0, grown, 0, at);
                System.arraycopy(zip, from, grown, at, length);
                System.arraycopy(zip, at, grown, at + length, zip.length - at);
                return grown;
            }
            default -> {
                byte[] garbage = new byte[1 + random.nextInt(64)];
                random.nextBytes(garbage);
                byte[] grown = java.util.Arrays.copyOf(zip, zip.length + garbage.length);
                System.arraycopy(garbage, 0, grown, zip.length, garbage.length);
                return grown;
            }
        }
    }

    /** A field of a local, central, end or zip64 record set to an edge value. */
    private static byte[] setField(byte[] zip, Random random) {
        List<int[]> records = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= zip.length; i++) {
            int signature = buffer.getInt(i);
            if (signature == LOCAL || signature == CENTRAL || signature == END || signature == ZIP64_END || signature == ZIP64_LOCATOR) {
                records.add(new int[] {i, signature});
            }
        }
        byte[] copy = zip.clone();
        if (records.isEmpty()) {
            copy[random.nextInt(copy.length)] ^= 1;
            return copy;
        }
        int[] record = records.get(random.nextInt(records.size()));
        List<Field> fields = switch (record[1]) {
            case LOCAL -> LOCAL_FIELDS;
            case CENTRAL -> CENTRAL_FIELDS;
            case END -> END_FIELDS;
            case ZIP64_END -> ZIP64_END_FIELDS;
            default -> ZIP64_LOCATOR_FIELDS;
        };
        Field field = fields.get(random.nextInt(fields.size()));
        int at = record[0] + field.offset();
        if (at + field.size() > copy.length) {
            return java.util.Arrays.copyOf(copy, at);
        }
        ByteBuffer out = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        long current = field.size() == 2 ? out.getShort(at) & 0xFFFFL : field.size() == 4 ? out.getInt(at) & 0xFFFFFFFFL : out.getLong(at);
        long max = field.size() == 8 ? Long.MAX_VALUE : (1L << (8 * field.size())) - 1;
        long[] edges = {0, 1, max, max - 1, current + 1, current - 1, current * 2, max / 2 + 1, random.nextLong() & max, 0xFFFF, 0xFFFFFFFFL};
        long value = edges[random.nextInt(edges.length)] & (field.size() == 8 ? -1L : max);
        switch (field.size()) {
            case 2 -> out.putShort(at, (short) value);
            case 4 -> out.putInt(at, (int) value);
            default -> out.putLong(at, value);
        }
        return copy;
    }

    /** One mutation of a JSON document's text: a value replaced, a key dropped, a structure blown up or cut. */
    public static String mutateJson(String json, Random random) {
        String[] replacements = {"null", "[null]", "-1", "1e309", "99999999999999999999999", "\"\"", "\"\\u0000\"", "{}", "[]",
                "true", "\"" + "x".repeat(10_000) + "\"", "[" + "[".repeat(5_000) + "]".repeat(5_000) + "]", "\"../../etc\""};
        List<int[]> values = new ArrayList<>();
        // Values start after ':' or '[' or ',' inside arrays: any such position will do for a mutation.
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == ':' || c == '[') {
                values.add(new int[] {i + 1});
            }
        }
        int kind = random.nextInt(5);
        if (kind == 0 || values.isEmpty()) {
            return json.substring(0, random.nextInt(Math.max(1, json.length())));
        }
        int start = values.get(random.nextInt(values.size()))[0];
        int end = valueEnd(json, start);
        if (kind == 1) {
            // Drop the whole "key": value pair around it, leaving the JSON well-formed or not, as it falls.
            int keyStart = json.lastIndexOf('"', Math.max(0, json.lastIndexOf('"', start - 2) - 1));
            return keyStart > 0 ? json.substring(0, keyStart) + json.substring(Math.min(json.length(), end + 1)) : json;
        }
        return json.substring(0, start) + " " + replacements[random.nextInt(replacements.length)] + json.substring(end);
    }

    /** Where the JSON value starting at {@code from} ends (a flat scan: strings, nesting by brackets). */
    private static int valueEnd(String json, int from) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return json.length();
    }

    /** What no run may do on hostile input: crash internally, print a stack trace, or print without bound. */
    public static List<String> violations(CliRun run, int... allowedExitCodes) {
        List<String> problems = new ArrayList<>();
        boolean allowed = false;
        for (int code : allowedExitCodes) {
            allowed |= run.exitCode() == code;
        }
        if (!allowed) {
            problems.add("exit " + run.exitCode());
        }
        String all = run.out() + run.err();
        if (all.contains("PZ_INTERNAL")) {
            problems.add("PZ_INTERNAL");
        }
        if (all.contains("\tat ") || all.contains("Exception in thread") || all.contains("StackOverflowError")
                || all.contains("OutOfMemoryError")) {
            problems.add("a stack trace");
        }
        if (all.getBytes(StandardCharsets.UTF_8).length > 2_000_000) {
            problems.add("unbounded output: " + all.length() + " characters");
        }
        return problems;
    }
}
