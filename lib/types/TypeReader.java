package types;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import json.JsonFields;
import scan.Extensions;

/** Reads one type of the table from its JSON object, every field checked, every bound enforced. */
final class TypeReader {
    private TypeReader() {}

    /** Type names: what reports show and what a test names. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.+-]{0,39}");
    /** Hex bytes, "??" for any byte. */
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2}|\\?\\?)+");
    /** Signatures of one type at most. */
    static final int MAX_SIGNATURES = 32;

    static ContentType read(JsonFields fields, JsonNode node, String where) {
        String name = fields.requiredString(node, "name");
        if (!NAME.matcher(name).matches()) {
            throw fields.fail(where + "name", "must be lowercase letters, digits, '.', '+' or '-' (at most 40)");
        }
        String familyCode = fields.requiredString(node, "family");
        Family family = Family.ofCode(familyCode).orElseThrow(() -> fields.fail(where + "family", "'" + text.Printable.of(familyCode, 40)
                + "' is none of " + Family.codes()));
        List<String> extensions = new ArrayList<>();
        for (String ext : fields.strings(node, "extensions", true)) {
            String normalized = Extensions.normalize(ext);
            if (!Extensions.isValid(normalized)) {
                throw fields.fail(where + "extensions", "holds an invalid extension");
            }
            extensions.add(normalized);
        }
        JsonNode signatures = node.get("signatures");
        if (signatures == null || !signatures.isArray() || signatures.isEmpty() || signatures.size() > MAX_SIGNATURES) {
            throw fields.fail(where + "signatures", "is required: 1 to " + MAX_SIGNATURES + " signatures");
        }
        List<Signature> list = new ArrayList<>();
        for (int i = 0; i < signatures.size(); i++) {
            list.add(signature(fields, fields.object(signatures.get(i), where + "signatures[" + i + "]"), where + "signatures[" + i + "]."));
        }
        String source = fields.requiredString(node, "source");
        if (!source.startsWith("https://") && !source.startsWith("http://")) {
            throw fields.fail(where + "source", "must be the signature's public source (a URL)");
        }
        JsonNode optional = node.get("headerOptional");
        if (optional != null && !optional.isBoolean()) {
            throw fields.fail(where + "headerOptional", "must be true or false");
        }
        return new ContentType(name, fields.requiredString(node, "description"), family, fields.requiredString(node, "mime"),
                Set.copyOf(extensions), list, source, optional != null && optional.booleanValue());
    }

    private static Signature signature(JsonFields fields, JsonNode node, String where) {
        JsonNode zip = node.get("zip");
        if (zip != null) {
            fields.object(zip, where + "zip");
            List<String> entries = fields.strings(zip, "entries", false);
            String mimetype = fields.optionalString(zip, "mimetype");
            if (entries.isEmpty() && mimetype == null) {
                throw fields.fail(where + "zip", "needs entries or a mimetype");
            }
            for (String entry : entries) {
                if (entry.isEmpty() || entry.length() > ContentTypes.MAX_NAME_CHARS || entry.equals("*") || !isAscii(entry)
                        || entry.indexOf('*', 1) >= 0) {
                    throw fields.fail(where + "zip.entries", "holds a name that is empty, too long, not ASCII or with '*' past its start");
                }
            }
            if (mimetype != null && (mimetype.isEmpty() || mimetype.length() > ContentTypes.MAX_NAME_CHARS || !isAscii(mimetype))) {
                throw fields.fail(where + "zip.mimetype", "must be ASCII text of 1 to " + ContentTypes.MAX_NAME_CHARS + " characters");
            }
            return new Signature(0, null, null, null, new Signature.ZipRule(entries, mimetype));
        }
        JsonNode offset = node.get("offset");
        if (offset == null || !offset.isIntegralNumber() || !offset.canConvertToLong() || offset.asLong() < -ContentTypes.MAX_OFFSET
                || offset.asLong() > ContentTypes.MAX_OFFSET) {
            throw fields.fail(where + "offset", "is required: a whole number of bytes within " + ContentTypes.MAX_OFFSET + " of the start (or, negative, of the end)");
        }
        String hex = fields.requiredString(node, "hex");
        if (!HEX.matcher(hex).matches() || hex.length() / 2 > ContentTypes.MAX_SIGNATURE_BYTES) {
            throw fields.fail(where + "hex", "must be hex bytes ('??' for any byte), at most " + ContentTypes.MAX_SIGNATURE_BYTES);
        }
        byte[] bytes = new byte[hex.length() / 2];
        byte[] mask = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            String pair = hex.substring(2 * i, 2 * i + 2);
            mask[i] = (byte) (pair.equals("??") ? 0 : 1);
            bytes[i] = pair.equals("??") ? 0 : (byte) Integer.parseInt(pair, 16);
        }
        String checkCode = fields.optionalString(node, "check");
        StructureCheck check = checkCode == null ? null : StructureCheck.ofCode(checkCode).orElseThrow(() -> fields.fail(where + "check",
                "names no check this toolkit knows"));
        if (offset.asLong() < 0 && offset.asLong() + bytes.length > 0) {
            throw fields.fail(where + "offset", "counts from the end, so the bytes must end by it");
        }
        return new Signature(offset.asLong(), bytes, mask, check, null);
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }
}
