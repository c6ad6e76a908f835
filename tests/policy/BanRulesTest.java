package policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import errors.ErrorCode;
import errors.PrezipException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import scan.Extensions;
import support.TempTrees;

class BanRulesTest {
    static final BanRules SHIPPED = BanRules.load(TempTrees.repoGlobalBans());

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"pem", "key", "p12", "pfx", "jks", "keystore", "kdbx", "ovpn",
            "exe", "dll", "bat", "cmd", "com", "msi", "scr", "ps1", "vbs", "js", "jar", "sh", "so", "dylib", "apk",
            "dmg", "lnk", "log"})
    void shippedListBansTheIssuesTypes(String type) {
        assertTrue(SHIPPED.typeBan(type).isPresent(), "." + type + " must be banned");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id_rsa", "id_rsa.pub", "id_dsa", "id_dsa.pub", "id_ecdsa", "id_ecdsa.pub", "id_ed25519",
            "id_ed25519.pub", "prod.env", ".env.local", "credentials.json", ".npmrc", ".netrc", ".pypirc",
            "terraform.tfstate", "Thumbs.db", "THUMBS.DB", "desktop.ini", "Desktop.INI", "__MACOSX/x/y.png",
            "notes.txt~", "a.swp", "a.tmp", "a.bak", "a.orig", "sub/dir/.DS_Store"})
    void shippedListBansTheIssuesPatterns(String path) {
        assertTrue(SHIPPED.patternBan(path).isPresent(), path + " must match a banned pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"photo.png", "readme.txt", "scene.yaml", "LICENSE", "id.txt", "credentials.yaml", "env.txt"})
    void shippedListLeavesOrdinaryFilesAlone(String path) {
        assertTrue(SHIPPED.patternBan(path).isEmpty(), path);
        assertTrue(SHIPPED.typeBan(Extensions.of(path).orElse("")).isEmpty(), path);
    }

    @Test
    void typeBanNamesTheGroup() {
        assertEquals(Optional.of("secrets"), SHIPPED.typeBan("key"));
        assertEquals(Optional.of("executables"), SHIPPED.typeBan("exe"));
        assertEquals(Optional.of("logs"), SHIPPED.typeBan("log"));
        assertEquals(Optional.empty(), SHIPPED.typeBan("png"));
    }

    @Test
    void patternBanReturnsTheFirstMatchingPatternWithItsGroup() {
        BanRules.BannedPattern hit = SHIPPED.patternBan("keys/id_rsa.pub").orElseThrow();
        assertEquals("id_rsa*", hit.glob().glob());
        assertEquals("secrets", hit.group());
        BanRules.BannedPattern junk = SHIPPED.patternBan("THUMBS.DB").orElseThrow();
        assertEquals("Thumbs.db", junk.glob().glob());
        assertEquals("os-editor-junk", junk.group());
    }

    @Test
    void everyShippedGroupHasANameNotesAndListsOfStrings() throws Exception {
        JsonNode root = Json.MAPPER.readTree(TempTrees.repoGlobalBans().toFile());
        JsonNode groups = root.get("groups");
        assertTrue(groups.isArray() && groups.size() >= 4, "groups");
        for (JsonNode g : groups) {
            assertTrue(g.path("name").isTextual() && !g.path("name").asText().isBlank(), g.toString());
            assertTrue(g.path("notes").isTextual() && g.path("notes").asText().length() > 20,
                    "each group says where its list comes from: " + g.path("name"));
            for (String list : List.of("bannedTypes", "bannedPatterns")) {
                assertTrue(g.path(list).isArray(), g.path("name") + "." + list);
            }
            for (JsonNode t : g.path("bannedTypes")) {
                assertEquals(Extensions.normalize(t.asText()), t.asText(), "types are lowercase without a dot");
            }
        }
    }

    @Test
    void loadNormalizesTypesAndKeepsTheFirstGroupOfADuplicate() {
        Path file = TempTrees.writeString(tmp.resolve("bans.json"), """
                {"groups": [
                  {"name": "one", "notes": "n", "bannedTypes": [".PEM", "Key"], "bannedPatterns": ["Secret*"]},
                  {"name": "two", "notes": "n", "bannedTypes": ["pem", "exe"]}
                ]}""");
        BanRules rules = BanRules.load(file);
        assertEquals(Map.of("pem", "one", "key", "one", "exe", "two"), rules.groupByType());
        assertEquals(1, rules.patterns().size());
        assertEquals("one", rules.patternBan("a/SECRET.txt").orElseThrow().group());
        assertTrue(rules.patternBan("a/public.txt").isEmpty());
    }

    @Test
    void plusOnlyAddsBans() {
        Path a = TempTrees.writeString(tmp.resolve("a.json"), """
                {"groups": [{"name": "a", "bannedTypes": ["pem"], "bannedPatterns": ["x*"]}]}""");
        Path b = TempTrees.writeString(tmp.resolve("b.json"), """
                {"groups": [{"name": "b", "bannedTypes": ["pem", "doc"], "bannedPatterns": ["y*"]}]}""");
        BanRules both = BanRules.load(a).plus(BanRules.load(b));
        assertEquals(Optional.of("a"), both.typeBan("pem"));
        assertEquals(Optional.of("b"), both.typeBan("doc"));
        assertEquals("a", both.patternBan("x1").orElseThrow().group());
        assertEquals("b", both.patternBan("y1").orElseThrow().group());
        assertFalse(both.patternBan("z1").isPresent());
    }

    private PrezipException loadFails(String json) {
        Path file = TempTrees.writeString(tmp.resolve("bad.json"), json);
        PrezipException e = assertThrows(PrezipException.class, () -> BanRules.load(file));
        assertEquals(ErrorCode.PZ_BANS_INVALID, e.code());
        assertEquals(2, e.exitCode());
        return e;
    }

    @Test
    void malformedFilesAreConfigurationErrorsNamingTheField() {
        loadFails("{ not json");
        assertTrue(loadFails("{}").getMessage().contains("'groups'"));
        assertTrue(loadFails("{\"groups\": {}}").getMessage().contains("'groups'"));
        assertTrue(loadFails("[]").getMessage().contains("(top level)"));
        assertTrue(loadFails("{\"groups\": [{\"bannedTypes\": []}]}").getMessage().contains("'name'"));
        assertTrue(loadFails("{\"groups\": [{\"name\": \"g\", \"bannedTypes\": \"exe\"}]}").getMessage().contains("'bannedTypes'"));
        assertTrue(loadFails("{\"groups\": [{\"name\": \"g\", \"bannedTypes\": [\"exe\", 3]}]}").getMessage().contains("'bannedTypes[1]'"));
        assertTrue(loadFails("{\"groups\": [{\"name\": \"g\", \"bannedTypes\": [\" \"]}]}").getMessage().contains("groups[0].bannedTypes"));
        assertTrue(loadFails("{\"groups\": [{\"name\": \"g\", \"bannedPatterns\": [\"\"]}]}").getMessage().contains("groups[0].bannedPatterns"));
        assertTrue(loadFails("{\"groups\": [\"g\"]}").getMessage().contains("groups[0]"));
        // Patterns that cannot match, or would cost more than a name's length times a bound to match (issue 16).
        assertTrue(loadFails("{\"groups\": [{\"name\": \"g\", \"bannedPatterns\": [\"build/\"]}]}").getMessage().contains("never match"));
        PrezipException huge = loadFails("{\"groups\": [{\"name\": \"g\", \"bannedPatterns\": [\"" + "*a".repeat(20_000) + "\"]}]}");
        assertTrue(huge.getMessage().contains("longer than") && huge.getMessage().length() < 300, "a bounded message: " + huge.getMessage());
    }

    @Test
    void missingFileIsAConfigurationError() {
        PrezipException e = assertThrows(PrezipException.class, () -> BanRules.load(tmp.resolve("nope.json")));
        assertEquals(ErrorCode.PZ_BANS_INVALID, e.code());
        assertTrue(e.getMessage().contains("nope.json"), e.getMessage());
    }
}
