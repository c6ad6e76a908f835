package verify;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import policy.BanRules;
import policy.Classification;
import policy.Classifier;
import scan.Extensions;
import scan.ScannedEntry;
import types.TypeFinding;
import types.TypePolicy;

/**
 * With --content-dir, the zip against the folder it was made from: VZ_SOURCE_MISMATCH for an entry
 * without its regular source file or with other bytes, VZ_SOURCE_MISSING for an eligible file the zip lacks (one
 * the stager leaves out for its bytes, a program named .png, is not eligible).
 * A source file is found by the name it ships under ({@link SourceTree#nameOf}).
 */
final class SourceCheck {
    private final Findings findings;

    SourceCheck(Findings findings) {
        this.findings = findings;
    }

    /**
     * @param projectPolicy the project's allowlist and bans, which decide what is eligible; or null
     * @param bans the global bans, which with the zip's own extensions decide it without a project
     * @param types what the policy does with a file's type: a file it leaves out (a program named .png) is not missing; or null
     */
    void compare(SourceTree sources, Classifier projectPolicy, BanRules bans, TypePolicy types, List<EntryState> entries)
            throws IOException {
        findings.ran(VerifyCheck.VZ_SOURCE_MISMATCH);
        findings.ran(VerifyCheck.VZ_SOURCE_MISSING);
        Set<String> zipNames = new HashSet<>();
        Set<String> zipExtensions = new HashSet<>();
        for (EntryState entry : entries) {
            zipNames.add(entry.name);
            Extensions.of(entry.name.substring(entry.name.lastIndexOf('/') + 1)).ifPresent(zipExtensions::add);
            String alsoComposed = sources.alsoComposedTo(entry.name);
            if (alsoComposed != null) {
                findings.add(VerifyCheck.VZ_SOURCE_MISMATCH, entry, "two files in the content dir compose to this name: '"
                        + VerifyFinding.quote(alsoComposed) + "' and '" + VerifyFinding.quote(sources.at(entry.name).relativePath()) + "'");
            } else {
                compareEntry(entry, sources.at(entry.name));
            }
        }
        // Without a project the allowlist is unknown; any allowlist that let the zip's files through lets
        // through every file of the same extensions, so those are the ones that must not be missing.
        Classifier eligibility = projectPolicy != null ? projectPolicy : new Classifier(zipExtensions, bans);
        for (Classification.Item item : Classification.of(sources.scan(), eligibility).eligible()) {
            String path = item.entry().relativePath();
            if (!zipNames.contains(sources.nameOf(path)) && !leftOutByType(item.entry(), types)) {
                findings.record(VerifyFinding.entry(VerifyCheck.VZ_SOURCE_MISSING, VerifyFinding.quote(path),
                        "an eligible source file that is not in the zip"));
            }
        }
    }

    /** Whether the stager leaves this file out for what its bytes are (read at their places, never following a link). */
    private static boolean leftOutByType(ScannedEntry source, TypePolicy types) throws IOException {
        if (types == null) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(source.path(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            TypeFinding finding = types.judge(source.relativePath(), types.table().sniffer(source.size()).read(channel));
            return finding != null && finding.excluded();
        }
    }

    /** What is wrong with what the content dir holds at an entry's path (null: nothing there), or null when it is a regular file. */
    static String notRegular(ScannedEntry source) {
        if (source == null) {
            return "no file at this path in the content dir";
        }
        return source.kind() == ScannedEntry.Kind.REGULAR ? null
                : "the content dir has a " + source.kind().name().toLowerCase(Locale.ROOT) + " at this path, not a regular file";
    }

    /** @param source what the content dir holds at the entry's path, or null */
    private void compareEntry(EntryState entry, ScannedEntry source) throws IOException {
        String notRegular = notRegular(source);
        if (notRegular != null) {
            findings.add(VerifyCheck.VZ_SOURCE_MISMATCH, entry, notRegular);
            return;
        }
        if (entry.sha256Hex == null) {
            return;
        }
        // The source file's bytes, read without following a link.
        FileDigest digest = FileDigest.of(source.path(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        if (digest.size() != entry.bytesRead || !digest.sha256Hex().equals(entry.sha256Hex)) {
            findings.add(VerifyCheck.VZ_SOURCE_MISMATCH, entry, "the entry (" + entry.bytesRead + " bytes, sha256 " + entry.sha256Hex
                    + ") differs from the source file (" + digest.size() + " bytes, sha256 " + digest.sha256Hex() + ")");
        }
    }
}
