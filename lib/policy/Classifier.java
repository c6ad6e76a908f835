package policy;

import java.util.Set;
import scan.Extensions;
import scan.ScannedEntry;

/**
 * Applies the contract's classification order to one entry; first match wins. Pure.
 *
 * @param refuseLongPaths whether a file that would ship under a path longer than {@link LongPaths#MAX_CHARACTERS}
 *        is left out as {@link Reason#LONG_PATH} (a preset's {@code refuseLongPaths}); else it ships, with a warning
 */
public record Classifier(Set<String> eligibleExtensions, BanRules bans, boolean refuseLongPaths) {

    public Classifier {
        eligibleExtensions = Set.copyOf(eligibleExtensions);
    }

    /** A classifier that lets long paths through (with a warning in the report). */
    public Classifier(Set<String> eligibleExtensions, BanRules bans) {
        this(eligibleExtensions, bans, false);
    }

    public Decision classify(ScannedEntry entry) {
        String path = entry.relativePath();
        if (isHidden(path)) {
            return new Decision.Excluded(Reason.HIDDEN, null);
        }
        switch (entry.kind()) {
            case SYMLINK -> {
                return new Decision.Excluded(Reason.SYMLINK, "symbolic links are never followed");
            }
            case SPECIAL -> {
                return new Decision.Excluded(Reason.SPECIAL_FILE, "not a regular file (FIFO, socket or device)");
            }
            case UNREADABLE -> {
                return new Decision.Excluded(Reason.UNREADABLE, entry.problem());
            }
            case REGULAR -> { }
        }
        var unsafe = NameSafety.problem(path);
        if (unsafe.isPresent()) {
            return new Decision.Excluded(Reason.UNSAFE_NAME, unsafe.get());
        }
        var extension = Extensions.of(entry.fileName());
        if (extension.isPresent()) {
            var group = bans.typeBan(extension.get());
            if (group.isPresent()) {
                return new Decision.Excluded(Reason.BANNED_TYPE, "." + extension.get() + " (" + group.get() + ")");
            }
        }
        var pattern = bans.patternBan(path);
        if (pattern.isPresent()) {
            return new Decision.Excluded(Reason.BANNED_PATTERN, pattern.get().glob() + " (" + pattern.get().group() + ")");
        }
        if (extension.isEmpty()) {
            return new Decision.Excluded(Reason.NO_EXTENSION, null);
        }
        if (!eligibleExtensions.contains(extension.get())) {
            return new Decision.Excluded(Reason.NOT_ALLOWED, "." + extension.get() + " is not in the allowlist");
        }
        if (refuseLongPaths && LongPaths.isLong(path)) {
            return new Decision.Excluded(Reason.LONG_PATH, LongPaths.length(path) + " characters, over "
                    + LongPaths.MAX_CHARACTERS + ": Windows may fail to extract it");
        }
        return Decision.Included.of(extension.get());
    }

    /** The file or any folder above it (under the content dir) starts with a dot. */
    public static boolean isHidden(String relativePath) {
        return relativePath.startsWith(".") || relativePath.contains("/.");
    }
}
