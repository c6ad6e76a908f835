package types;

import com.fasterxml.jackson.databind.JsonNode;
import datadir.DataDir;
import datadir.DataFile;
import errors.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import json.JsonFields;
import json.JsonTree;

/**
 * The content types table, DATA/content_types.json (else the built-in copy): types in the order they are
 * tried, and what detection reads because of them (the head, fixed places beyond it, a zip's listing).
 *
 * @param shown where it was read from, as provenance names it
 */
public record ContentTypes(List<ContentType> types, String shown, String sha256, Plan plan) {
    /** Bytes at the start of every file that detection reads: every head signature and a zip's first member fit. */
    static final int HEAD_BYTES = 1024;
    /** A zip's last bytes kept for its central directory: about 10,000 entries' names; a longer listing is not read. */
    static final int TAIL_BYTES = 1 << 20;
    /** A signature reads at most this far from the start or the end of a file. */
    static final long MAX_OFFSET = 64 << 10;
    /** Bytes one signature compares at most. */
    static final int MAX_SIGNATURE_BYTES = 64;
    /** Distinct entry names the zip rules may want: one bit each. */
    static final int MAX_WANTED_NAMES = 64;
    /** Characters of a wanted entry name or mimetype at most. */
    static final int MAX_NAME_CHARS = 255;
    public static final String FILE = "content_types.json";

    /** What the signatures make detection read, worked out once per table. */
    record Plan(List<long[]> fixedPlaces, List<byte[]> wantedNames, List<Boolean> wantedSuffix, Map<List<String>, Long> maskByEntries,
                boolean keepsZipTail, Map<String, List<ContentType>> byExtension, Candidate[][] byFirstByte, List<Signature> pointing) {}

    /** A signature and its type, as detection tries them. */
    record Candidate(ContentType type, Signature signature) {}

    /** Bytes a file can start with: the candidates are indexed by the first. */
    private static final int BYTE_VALUES = 256;

    public ContentTypes {
        types = List.copyOf(types);
    }

    public static ContentTypes load(DataDir data) {
        return load(data.file(FILE, ErrorCode.PZ_CONTENT_TYPES_INVALID, JsonTree.DATA_FILE_MAX_BYTES));
    }

    public static ContentTypes load(DataFile file) {
        JsonNode root = JsonTree.parse(file.bytes(), file.label(), ErrorCode.PZ_CONTENT_TYPES_INVALID);
        JsonFields fields = new JsonFields(file.label(), ErrorCode.PZ_CONTENT_TYPES_INVALID);
        fields.object(root, "(top level)");
        JsonNode list = root.get("types");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw fields.fail("types", "is required (a list of {name, description, family, mime, extensions, signatures, source})");
        }
        List<ContentType> types = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            ContentType type = TypeReader.read(fields, fields.object(list.get(i), "types[" + i + "]"), "types[" + i + "].");
            if (!names.add(type.name())) {
                throw fields.fail("types[" + i + "].name", "'" + type.name() + "' is named twice");
            }
            types.add(type);
        }
        return new ContentTypes(types, file.shown(), file.sha256(), plan(types, fields));
    }

    private static Plan plan(List<ContentType> types, JsonFields fields) {
        List<long[]> fixed = new ArrayList<>();
        LinkedHashSet<String> wanted = new LinkedHashSet<>();
        Map<String, List<ContentType>> byExtension = new HashMap<>();
        for (ContentType type : types) {
            type.extensions().forEach(ext -> byExtension.computeIfAbsent(ext, e -> new ArrayList<>()).add(type));
            for (Signature s : type.signatures()) {
                if (s.zip() != null) {
                    wanted.addAll(s.zip().entries());
                } else if (s.offset() < 0 || s.offset() + s.length() > HEAD_BYTES) {
                    fixed.add(new long[] {s.offset(), s.length()});
                }
            }
        }
        if (wanted.size() > MAX_WANTED_NAMES) {
            throw fields.fail("types", "zip rules want " + wanted.size() + " distinct entry names, more than " + MAX_WANTED_NAMES);
        }
        List<String> order = List.copyOf(wanted);
        Map<List<String>, Long> masks = new HashMap<>();
        for (ContentType type : types) {
            for (Signature s : type.signatures()) {
                if (s.zip() != null) {
                    masks.put(s.zip().entries(), s.zip().entries().stream().mapToLong(e -> 1L << order.indexOf(e)).reduce(0, (a, b) -> a | b));
                }
            }
        }
        byExtension.replaceAll((ext, list) -> List.copyOf(list));
        List<Signature> pointing = types.stream().flatMap(t -> t.signatures().stream())
                .filter(s -> s.check() != null && s.zip() == null && s.check().points()).toList();
        return new Plan(List.copyOf(fixed), order.stream().map(n -> ascii(n.startsWith("*") ? n.substring(1) : n)).toList(),
                order.stream().map(n -> n.startsWith("*")).toList(), Map.copyOf(masks),
                types.stream().flatMap(t -> t.signatures().stream()).anyMatch(s -> s.zip() != null || s.check() == StructureCheck.ZIP_END),
                Map.copyOf(byExtension), byFirstByte(types), pointing);
    }

    /**
     * For each value of a file's first byte, the signatures that can match it, in table order: those whose first
     * byte at offset 0 is that value, a zip rule only for a file starting as a zip does, and every other signature.
     * Most files then try a handful of signatures, not all of them.
     */
    private static Candidate[][] byFirstByte(List<ContentType> types) {
        // One pass over the signatures in table order, each appended where it can match: every list keeps that order.
        List<List<Candidate>> lists = new ArrayList<>(BYTE_VALUES + 1);
        for (int first = 0; first <= BYTE_VALUES; first++) {
            lists.add(new ArrayList<>());
        }
        for (ContentType type : types) {
            for (Signature s : type.signatures()) {
                int needs = s.zip() != null ? 'P' : s.offset() == 0 && s.mask().length > 0 && s.mask()[0] != 0 ? s.bytes()[0] & 0xFF : -1;
                Candidate candidate = new Candidate(type, s);
                if (needs >= 0) {
                    lists.get(needs).add(candidate);
                } else {
                    lists.forEach(list -> list.add(candidate));
                }
            }
        }
        Candidate[][] index = new Candidate[BYTE_VALUES + 1][];
        for (int first = 0; first <= BYTE_VALUES; first++) {
            index[first] = lists.get(first).toArray(new Candidate[0]);
        }
        return index;
    }

    /** A detector for one file of {@code size} bytes. */
    public Sniffer sniffer(long size) {
        return new Sniffer(this, size);
    }

    /** The first type (in table order) one of whose signatures matches, or null. */
    ContentType detect(Sample sample) {
        int first = sample.byteAt(0);
        // An empty file has no first byte: its own slot holds the signatures that do not need one.
        for (Candidate candidate : plan.byFirstByte()[first < 0 ? BYTE_VALUES : first]) {
            if (candidate.signature().matches(sample)) {
                return candidate.type();
            }
        }
        return null;
    }

    /** The types that claim this extension (none: the table says nothing of it). */
    public List<ContentType> claiming(String extension) {
        return plan.byExtension().getOrDefault(extension, List.of());
    }

    /** Whether a file named so must carry a signature: some type claims it and none of those may lack one. */
    public boolean expectsSignature(String extension) {
        List<ContentType> claiming = claiming(extension);
        return !claiming.isEmpty() && claiming.stream().noneMatch(ContentType::headerOptional);
    }

    /** The table's fixed places beyond the head that lie inside a file of this size, as empty windows. */
    Window[] fixedWindows(long size) {
        if (size <= HEAD_BYTES || plan.fixedPlaces().isEmpty()) {
            return NO_WINDOWS;
        }
        List<Window> windows = new ArrayList<>(0);
        for (long[] place : plan.fixedPlaces()) {
            long at = place[0] >= 0 ? place[0] : size + place[0];
            // A place that starts in the head but ends past it is kept too: the head holds only its start.
            if (at >= 0 && at + place[1] > HEAD_BYTES && at + place[1] <= size) {
                windows.add(new Window(at, (int) place[1]));
            }
        }
        return windows.toArray(new Window[0]);
    }

    /** The window a matching header points to (the first such), or null. */
    Window pointedWindow(Sample sample) {
        for (Signature s : plan.pointing()) {
            if (s.bytesMatch(sample)) {
                long at = s.check().pointer(sample);
                if (at >= HEAD_BYTES || (at >= 0 && at + StructureCheck.POINTED_BYTES > HEAD_BYTES)) {
                    return new Window(at, (int) Math.min(StructureCheck.POINTED_BYTES, sample.size() - at));
                }
            }
        }
        return null;
    }

    /** No places beyond the head (shared: it is never written). */
    static final Window[] NO_WINDOWS = {};

    /** Whether a zip's last bytes are kept: a zip rule lists its entries, and the zip-end check looks for its end record. */
    boolean keepsZipTail() {
        return plan.keepsZipTail();
    }

    List<byte[]> wantedNames() {
        return plan.wantedNames();
    }

    List<Boolean> wantedSuffix() {
        return plan.wantedSuffix();
    }

    long entryMask(Signature.ZipRule rule) {
        return plan.maskByEntries().getOrDefault(rule.entries(), 0L);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
