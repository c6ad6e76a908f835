package verify;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import policy.NameCollisions;
import policy.NameSafety;
import scan.EntryName;

/**
 * Each entry's name: VZ_DIRECTORY_ENTRY, VZ_UNSAFE_NAME, VZ_HIDDEN_ENTRY and (for a manifest whose names
 * are composed) VZ_NAME_FORM one entry at a time, and VZ_DUPLICATE_NAME across them (the same name, the
 * same after folding, or a file that is also a folder).
 */
final class NameCheck {
    private final Findings findings;
    /** The manifest says every name is composed (entry_name_form "nfc"): a decomposed one is a finding. */
    private final boolean namesComposed;

    NameCheck(Findings findings, boolean namesComposed) {
        this.findings = findings;
        this.namesComposed = namesComposed;
        if (namesComposed) {
            findings.ran(VerifyCheck.VZ_NAME_FORM);
        }
    }

    void check(EntryState entry) {
        String name = entry.name;
        boolean directory = name.endsWith("/") || AttributeCheck.isDirectoryMode(entry.central.externalAttributes());
        if (directory) {
            findings.add(VerifyCheck.VZ_DIRECTORY_ENTRY, entry, "a directory entry; v1 zips hold regular files only");
        }
        String problem = unsafeNameProblem(entry.central.rawName(), name, entry.central.flags());
        if (problem != null) {
            findings.add(VerifyCheck.VZ_UNSAFE_NAME, entry, problem);
        }
        if (namesComposed && !EntryName.isComposed(name)) {
            findings.add(VerifyCheck.VZ_NAME_FORM, entry, "not in Unicode NFC, as the manifest's entry_name_form says every"
                    + " name is: libarchive (bsdtar, Windows' tar) would extract it composed, under a name the manifest does not list");
        }
        for (String component : stripTrailingSlash(name).split("/", -1)) {
            if (component.startsWith(".") && !component.equals(".") && !component.equals("..")) {
                findings.add(VerifyCheck.VZ_HIDDEN_ENTRY, entry, "'" + VerifyFinding.quote(component) + "' is hidden (starts with a dot)");
                break;
            }
        }
    }

    /** What makes a name unsafe to extract, or null. Zip-specific dangers first, then the stager's portability rules. */
    static String unsafeNameProblem(byte[] raw, String name, int flags) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw));
        } catch (CharacterCodingException e) {
            return "the name is not valid UTF-8";
        }
        boolean ascii = true;
        for (byte b : raw) {
            ascii &= b >= 0;
        }
        if (!ascii && (flags & ZipStructure.FLAG_UTF8) == 0) {
            return "a non-ASCII name without the UTF-8 flag (bit 11): readers decode it as CP437, each differently";
        }
        if (name.isEmpty()) {
            return "an empty name";
        }
        if (name.startsWith("/")) {
            return "an absolute path";
        }
        if (name.indexOf('\\') >= 0) {
            return "a backslash, a folder separator on Windows";
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
            return "a drive letter";
        }
        for (String component : stripTrailingSlash(name).split("/", -1)) {
            if (component.equals("..")) {
                return "a '..' component, which climbs out of the extraction folder";
            }
            if (component.equals(".")) {
                return "a '.' component";
            }
        }
        return NameSafety.problem(stripTrailingSlash(name)).orElse(null);
    }

    private static String stripTrailingSlash(String name) {
        return name.endsWith("/") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }

    void checkDuplicates(List<EntryState> entries) {
        Map<String, EntryState> byName = new HashMap<>();
        Map<String, EntryState> byKey = new HashMap<>();
        // Each name's key once (folding and NFC cost its length): both checks read it.
        String[] keys = new String[entries.size()];
        for (int i = 0; i < keys.length; i++) {
            EntryState entry = entries.get(i);
            String name = stripTrailingSlash(entry.name);
            keys[i] = NameCollisions.key(name);
            EntryState same = byName.putIfAbsent(name, entry);
            if (same != null) {
                findings.add(VerifyCheck.VZ_DUPLICATE_NAME, entry, "the zip holds this name more than once");
                continue;
            }
            EntryState folded = byKey.putIfAbsent(keys[i], entry);
            if (folded != null) {
                findings.add(VerifyCheck.VZ_DUPLICATE_NAME, entry, "same name as " + folded.shown
                        + " after case folding and NFC normalisation");
            }
        }
        checkFilesUsedAsFolders(entries, keys, byKey);
    }

    /**
     * A name used as a file and as a folder ("a" and "a/b", also folded) cannot both be extracted. Each
     * folder of a name is looked up by a hash of its key, extended one character at a time along the
     * name's own key (folding and NFC keep '/' where it is), so a name costs its length, not its length
     * times its depth (40 names of 32,000 folders took 141 s); a hit is confirmed on the exact key.
     */
    private void checkFilesUsedAsFolders(List<EntryState> entries, String[] keys, Map<String, EntryState> byKey) {
        Map<Long, List<Map.Entry<String, EntryState>>> filesByKeyHash = new HashMap<>();
        byKey.forEach((key, file) -> {
            if (!file.name.endsWith("/") && !AttributeCheck.isDirectoryMode(file.central.externalAttributes())) {
                filesByKeyHash.computeIfAbsent(extendHash(0, key, 0, key.length()), h -> new ArrayList<>()).add(Map.entry(key, file));
            }
        });
        Set<EntryState> reported = new HashSet<>();
        for (int i = 0; i < keys.length; i++) {
            EntryState entry = entries.get(i);
            String key = keys[i];
            long hash = 0;
            int hashed = 0;
            for (int slash = key.indexOf('/'); slash > 0; slash = key.indexOf('/', slash + 1)) {
                hash = extendHash(hash, key, hashed, slash);
                hashed = slash;
                List<Map.Entry<String, EntryState>> files = filesByKeyHash.get(hash);
                if (files == null) {
                    continue;
                }
                for (Map.Entry<String, EntryState> file : files) {
                    // The stored key is compared in place: no substring, no second folding.
                    if (file.getKey().length() == slash && key.startsWith(file.getKey()) && reported.add(entry)) {
                        findings.add(VerifyCheck.VZ_DUPLICATE_NAME, entry, "a folder of it is also the file " + file.getValue().shown);
                    }
                }
            }
        }
    }

    /** A polynomial hash of key[from, to) appended to {@code hash}: the same value for a key hashed whole or in runs. */
    private static long extendHash(long hash, String key, int from, int to) {
        for (int i = from; i < to; i++) {
            hash = hash * 1_000_003L + key.charAt(i);
        }
        return hash;
    }
}
