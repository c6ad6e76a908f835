package policy;

import java.util.Set;
import scan.Extensions;
import scan.ScannedEntry;

/** Applies the contract's classification order to one entry; first match wins. Pure. */
public record Classifier(Set<String> eligibleExtensions, BanRules bans) {

    public Classifier {
        eligibleExtensions = Set.copyOf(eligibleExtensions);
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
        return Decision.Included.of(extension.get());
    }

    /** The file or any folder above it (under the content dir) starts with a dot. */
    public static boolean isHidden(String relativePath) {
        return relativePath.startsWith(".") || relativePath.contains("/.");
    }
}
