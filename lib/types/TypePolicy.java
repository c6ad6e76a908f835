package types;

import java.util.Map;
import java.util.Set;
import scan.Extensions;

/**
 * What a run does with what a file is: a banned family is left out whatever the name; an archive or disk image
 * is left out unless its name says that container (the table's extensions for it, or one the project accepted);
 * any other type under a name the table gives to something else, or a name that promises a signature the
 * bytes lack, is a mismatch (a warning, or left out where the policy refuses mismatches). Scripts and other
 * text match no signature, so a shebang in a {@code .py} is nothing.
 *
 * @param bannedFamilies each banned family and the group (or preset) that bans it
 * @param acceptedContainers extensions the project accepted as naming an archive (DATA/projects/ID_containers.json)
 * @param refuseMismatch whether a mismatch leaves the file out (a preset's {@code refuseTypeMismatch}: strict)
 */
public record TypePolicy(ContentTypes table, Map<Family, String> bannedFamilies, Set<String> acceptedContainers, boolean refuseMismatch) {
    public TypePolicy {
        bannedFamilies = Map.copyOf(bannedFamilies);
        acceptedContainers = Set.copyOf(acceptedContainers);
    }

    /** The finding for a file at {@code relativePath} whose bytes are {@code detected} (null: no signature matched), or null. */
    public TypeFinding judge(String relativePath, ContentType detected) {
        String extension = Extensions.ofPath(relativePath).orElse("");
        String named = extension.isEmpty() ? "named without an extension" : "named ." + extension;
        if (detected == null) {
            if (!table.expectsSignature(extension)) {
                return null;
            }
            return mismatch(relativePath, null, null, extension, "none of what ." + extension + " stands for ("
                    + String.join(", ", table.claiming(extension).stream().map(ContentType::name).sorted().toList()) + "): no signature matched");
        }
        String what = detected.description() + ", " + named;
        String group = bannedFamilies.get(detected.family());
        if (group != null) {
            return banned(relativePath, detected, extension, what + " (" + detected.family().code() + ", banned by " + group + ")");
        }
        if (detected.extensions().contains(extension)) {
            return null;
        }
        if (detected.family().carriesFiles() && !acceptedContainers.contains(extension) && !namesZipBuiltType(detected, extension)) {
            return banned(relativePath, detected, extension, what + " (" + detected.family().code()
                    + " under a name that does not say so: rename it, or accept ." + extension + " for the project with --accept-container)");
        }
        if (acceptedContainers.contains(extension) && detected.family().carriesFiles()) {
            return null;
        }
        return mismatch(relativePath, detected, detected.family().code(), extension, what);
    }

    /** A plain zip named as a document built on zip (a .docx that lists no Word part): a mismatch, not a disguise. */
    private boolean namesZipBuiltType(ContentType detected, String extension) {
        return detected.name().equals(ZIP) && table.claiming(extension).stream().anyMatch(ContentType::builtOnZip);
    }

    /** The table's plain zip type, what the containers built on zip are when their parts are not found. */
    static final String ZIP = "zip";

    private static TypeFinding banned(String path, ContentType detected, String extension, String detail) {
        return new TypeFinding(path, detected.name(), detected.family().code(), extension, TypeFinding.Kind.BANNED_CONTENT, true, detail);
    }

    private TypeFinding mismatch(String path, ContentType detected, String family, String extension, String detail) {
        return new TypeFinding(path, detected == null ? null : detected.name(), family, extension, TypeFinding.Kind.TYPE_MISMATCH,
                refuseMismatch, detail);
    }
}
