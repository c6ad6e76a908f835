package policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import scan.ScannedEntry;
import scan.TreeScanner;
import support.NameTrees;
import support.TempTrees;

class ClassifierTest {
    static final BanRules BANS = BanRules.load(TempTrees.repoGlobalBans());
    /** db, pub and json are allowed, so only the bans can exclude Thumbs.db, id_rsa.pub, credentials.json. */
    static final Classifier CLASSIFIER = new Classifier(Set.of("png", "txt", "yaml", "db", "pub", "json", "txt~"), BANS);

    static ScannedEntry entry(String path, ScannedEntry.Kind kind) {
        return new ScannedEntry(path, Path.of("/content"), kind, kind == ScannedEntry.Kind.REGULAR ? 10 : 0, 0,
                kind == ScannedEntry.Kind.UNREADABLE ? "permission denied" : null);
    }

    static Decision classify(String path) {
        return CLASSIFIER.classify(entry(path, ScannedEntry.Kind.REGULAR));
    }

    static String reason(Decision d) {
        return d instanceof Decision.Excluded ex ? ex.reason().code() : "eligible:" + ((Decision.Included) d).extension();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // hidden comes first, whatever else the name says
            ".DS_Store, hidden",
            ".hidden.png, hidden",
            ".key, hidden",
            "dir/.secret.key, hidden",
            ".env, hidden",
            ".git/config, hidden",
            "a/.cache/b/photo.png, hidden",
            ".ssh/id_rsa, hidden",
            // banned types, case-insensitive, before patterns
            "server.key, banned_type",
            "SERVER.KEY, banned_type",
            "bin/tool.Exe, banned_type",
            "notes/build.log, banned_type",
            "backup.bak, banned_type",
            "prod.env, banned_type",
            "infra/terraform.tfstate, banned_type",
            // banned patterns, before no_extension and before the allowlist
            "id_rsa, banned_pattern",
            "keys/id_rsa.pub, banned_pattern",
            "id_ed25519, banned_pattern",
            "Thumbs.db, banned_pattern",
            "THUMBS.DB, banned_pattern",
            "photos/thumbs.db, banned_pattern",
            "__MACOSX/x/y.png, banned_pattern",
            "notes.txt~, banned_pattern",
            "credentials.json, banned_pattern",
            "Desktop.ini, banned_pattern",
            "infra/terraform.tfstate.backup, banned_pattern",
            // no extension, then not allowed
            "LICENSE, no_extension",
            "dir.with.dots/README, no_extension",
            "report., unsafe_name",
            "dir.with.dots/Makefile, no_extension",
            "doc.pdf, not_allowed",
            "archive.tar.gz, not_allowed",
            "image.png.zip, not_allowed",
            // eligible, extension lowercased
            "a.png, eligible:png",
            "Photo.PNG, eligible:png",
            "deep/er/scene.Yaml, eligible:yaml",
            "config.env.txt, eligible:txt",
            "data.db, eligible:db",
    })
    void firstMatchingRuleWins(String path, String expected) {
        assertEquals(expected, reason(classify(path)));
    }

    @Test
    void linksAndSpecialFilesAreNeverIncluded() {
        assertEquals("symlink", reason(CLASSIFIER.classify(entry("link.png", ScannedEntry.Kind.SYMLINK))));
        assertEquals("symlink", reason(CLASSIFIER.classify(entry("evil.exe", ScannedEntry.Kind.SYMLINK))),
                "the link itself is reported, its target's type is never looked at");
        assertEquals("hidden", reason(CLASSIFIER.classify(entry(".link.png", ScannedEntry.Kind.SYMLINK))));
        assertEquals("special_file", reason(CLASSIFIER.classify(entry("pipe.png", ScannedEntry.Kind.SPECIAL))));
        assertEquals("hidden", reason(CLASSIFIER.classify(entry(".pipe", ScannedEntry.Kind.SPECIAL))));
        Decision unreadable = CLASSIFIER.classify(entry("locked.png", ScannedEntry.Kind.UNREADABLE));
        assertEquals("unreadable", reason(unreadable));
        assertEquals("permission denied", ((Decision.Excluded) unreadable).detail());
    }

    @Test
    void detailsNameTheRuleAndItsGroup() {
        Decision.Excluded type = assertInstanceOf(Decision.Excluded.class, classify("server.key"));
        assertTrue(type.detail().contains("key") && type.detail().contains("secrets"), type.detail());
        Decision.Excluded pattern = assertInstanceOf(Decision.Excluded.class, classify("keys/id_rsa.pub"));
        assertTrue(pattern.detail().contains("id_rsa*") && pattern.detail().contains("secrets"), pattern.detail());
        Decision.Excluded junk = assertInstanceOf(Decision.Excluded.class, classify("THUMBS.DB"));
        assertTrue(junk.detail().contains("thumbs.db") && junk.detail().contains("os-editor-junk"), junk.detail());
        Decision.Excluded notAllowed = assertInstanceOf(Decision.Excluded.class, classify("doc.pdf"));
        assertTrue(notAllowed.detail().contains("pdf"), notAllowed.detail());
        assertNull(assertInstanceOf(Decision.Excluded.class, classify(".DS_Store")).detail());
    }

    @Test
    void allowlistingABannedTypeDoesNotUnbanIt() {
        Classifier permissive = new Classifier(Set.of("key", "exe", "log", "png"), BANS);
        assertEquals("banned_type", reason(permissive.classify(entry("server.key", ScannedEntry.Kind.REGULAR))));
        assertEquals("banned_type", reason(permissive.classify(entry("a.exe", ScannedEntry.Kind.REGULAR))));
        assertEquals("eligible:png", reason(permissive.classify(entry("a.png", ScannedEntry.Kind.REGULAR))));
    }

    @Test
    void emptyAllowlistAllowsNothing() {
        Classifier none = new Classifier(Set.of(), BANS);
        assertEquals("not_allowed", reason(none.classify(entry("a.png", ScannedEntry.Kind.REGULAR))));
    }

    @Test
    void hiddenMeansAComponentStartsWithADot() {
        assertTrue(Classifier.isHidden(".a"));
        assertTrue(Classifier.isHidden("a/.b/c"));
        assertTrue(Classifier.isHidden("a/b/.c"));
        assertFalse(Classifier.isHidden("a/b/c"));
        assertFalse(Classifier.isHidden("a./b"));
        assertFalse(Classifier.isHidden("a/b.c"));
    }

    @Test
    void reasonCodesAreTheContractsStrings() {
        assertEquals("hidden", Reason.HIDDEN.code());
        assertEquals("symlink", Reason.SYMLINK.code());
        assertEquals("special_file", Reason.SPECIAL_FILE.code());
        assertEquals("unreadable", Reason.UNREADABLE.code());
        assertEquals("banned_type", Reason.BANNED_TYPE.code());
        assertEquals("banned_pattern", Reason.BANNED_PATTERN.code());
        assertEquals("no_extension", Reason.NO_EXTENSION.code());
        assertEquals("not_allowed", Reason.NOT_ALLOWED.code());
        List<String> codes = java.util.Arrays.stream(Reason.values()).map(Reason::code).toList();
        assertEquals(codes.size(), Set.copyOf(codes).size(), "codes are unique");
        codes.forEach(c -> assertTrue(c.matches("[a-z]+(_[a-z]+)*"), c));
    }

    @Test
    void hiddenIsSilentAndEveryOtherReasonRefusesAStrictRun() {
        assertFalse(Reason.HIDDEN.refuses(false));
        assertFalse(Reason.HIDDEN.refuses(true));
        for (Reason r : Reason.values()) {
            if (r != Reason.HIDDEN) {
                assertTrue(r.refuses(false), r.code() + " refuses a strict run");
            }
        }
        for (Reason r : List.of(Reason.SYMLINK, Reason.SPECIAL_FILE, Reason.UNREADABLE, Reason.BANNED_TYPE,
                Reason.BANNED_PATTERN, Reason.NO_EXTENSION, Reason.NOT_ALLOWED)) {
            assertFalse(r.refuses(true), r.code() + " is tolerated with --allow-unknown");
        }
    }

    @Test
    void classificationCountsAndRefusals() {
        var scan = new TreeScanner.ScanResult(Path.of("/content"), List.of(
                entry(".DS_Store", ScannedEntry.Kind.REGULAR),
                entry("a.png", ScannedEntry.Kind.REGULAR),
                entry("b.pdf", ScannedEntry.Kind.REGULAR),
                entry("c.pdf", ScannedEntry.Kind.REGULAR),
                entry("x.exe", ScannedEntry.Kind.REGULAR)), List.of());
        Classification c = Classification.of(scan, CLASSIFIER);
        assertEquals(List.of("a.png"), c.eligible().stream().map(i -> i.entry().relativePath()).toList());
        assertEquals(List.of(scan.entries().get(1)), c.eligibleEntries(), "the scanned entries that ship, as scanned");
        assertEquals(List.of(".DS_Store", "b.pdf", "c.pdf", "x.exe"),
                c.excluded().stream().map(i -> i.entry().relativePath()).toList());
        assertEquals(Map.of("hidden", 1, "not_allowed", 2, "banned_type", 1), c.excludedByReason());
        assertEquals(List.of("banned_type", "hidden", "not_allowed"), List.copyOf(c.excludedByReason().keySet()),
                "sorted by code");
        assertEquals(3, c.refusals(false).size());
        assertEquals(0, c.refusals(true).size());
    }

    @Test
    void aLongPathIsRefusedOnlyWhereThePresetSaysSoAndOnlyIfItWouldShip() {
        String longPath = NameTrees.pathOf(280);
        assertEquals("eligible:txt", reason(classify(longPath)), "by default a warning, not a reason");
        Classifier strict = new Classifier(Set.of("txt"), BANS, true);
        Decision refused = strict.classify(entry(longPath, ScannedEntry.Kind.REGULAR));
        assertEquals("long_path", reason(refused));
        assertEquals("280 characters, over 160: Windows may fail to extract it", ((Decision.Excluded) refused).detail());
        assertTrue(Reason.LONG_PATH.refuses(true), "refuses also under --allow-unknown: the fix is a shorter name");
        assertEquals("eligible:txt", reason(strict.classify(entry(NameTrees.pathOf(160), ScannedEntry.Kind.REGULAR))));
        String longAndBanned = longPath.substring(0, longPath.length() - 4) + ".log";
        assertEquals("banned_type", reason(strict.classify(entry(longAndBanned, ScannedEntry.Kind.REGULAR))),
                "a file that would not ship anyway keeps its own reason");
    }
}
