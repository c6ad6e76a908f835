package types;

import java.util.List;
import java.util.Set;

/**
 * One type of the table ({@code data/content_types.json}): what it is, the signatures that tell it, the
 * extensions that legitimately carry it and the public source of its signatures.
 *
 * @param headerOptional whether files of the type may lack every signature (a pre-POSIX tar, an ISO with
 *        only UDF): an unknown file under one of its extensions is then no mismatch
 */
public record ContentType(String name, String description, Family family, String mime, Set<String> extensions,
                          List<Signature> signatures, String source, boolean headerOptional) {
    public ContentType {
        extensions = Set.copyOf(extensions);
        signatures = List.copyOf(signatures);
    }

    /** Whether its signatures need a zip's listing (a container told by its entries). */
    boolean builtOnZip() {
        return signatures.stream().anyMatch(s -> s.zip() != null);
    }

}
