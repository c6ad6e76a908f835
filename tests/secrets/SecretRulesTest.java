package secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import errors.ErrorCode;
import errors.PrezipException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import support.SecretCorpus;
import support.TempTrees;

class SecretRulesTest {
    @TempDir
    Path tmp;

    static String ruleFile(String rule) {
        return "{\"schema_version\": 1, \"rules\": [" + rule + "]}";
    }

    static String rule(String fields) {
        return "{\"id\": \"r1\", \"description\": \"d\", \"keywords\": [\"tok_\"], \"pattern\": \"[a-z]{8}\","
                + " \"source\": \"https://example.org/format\"" + fields + "}";
    }

    PrezipException refused(String json) {
        Path file = TempTrees.writeString(tmp.resolve("secret_rules.json"), json);
        PrezipException e = assertThrows(PrezipException.class, () -> SecretRules.load(file));
        assertEquals(ErrorCode.PZ_SECRET_RULES_INVALID, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
        return e;
    }

    @Test
    void theShippedRulesCoverTheIssuesFormatsEachWithItsPublicSource() {
        SecretRules rules = SecretRules.load(TempTrees.repoSecretRules());
        Set<String> ids = new HashSet<>(rules.ruleIds());
        for (String id : new String[] {"pem-private-key", "putty-private-key", "aws-access-key-id", "aws-secret-access-key",
                "github-token", "github-fine-grained-token", "gitlab-token", "slack-token", "slack-webhook-url", "stripe-live-key",
                "google-api-key", "cloud-service-account-key", "azure-storage-account-key", "azure-sas-token", "npm-token",
                "pypi-token", "openai-api-key", "anthropic-api-key", "sendgrid-api-key", "twilio-api-key", "mailgun-api-key",
                "url-with-password", "connection-string-password"}) {
            assertTrue(ids.contains(id), id);
        }
        for (int i = 0; i < rules.ruleIds().size(); i++) {
            assertTrue(rules.rule(i).source().startsWith("https://"), rules.rule(i).id());
        }
        assertEquals(new java.util.TreeSet<>(rules.ruleIds()), new java.util.TreeSet<>(new SecretCorpus(1).onePerRule().keySet()),
                "the test corpus plants a credential for every shipped rule");
    }

    @Test
    void aMissingFileOrOneThatIsNoRegularFileIsANamedError() throws Exception {
        PrezipException missing = assertThrows(PrezipException.class, () -> SecretRules.load(tmp.resolve("none.json")));
        assertEquals(ErrorCode.PZ_SECRET_RULES_INVALID, missing.code());
        Path folder = Files.createDirectories(tmp.resolve("secret_rules.json"));
        assertEquals(ErrorCode.PZ_SECRET_RULES_INVALID, assertThrows(PrezipException.class, () -> SecretRules.load(folder)).code());
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsRead() throws Exception {
        Path big = tmp.resolve("big.json");
        Files.write(big, new byte[(int) SecretRules.MAX_FILE_BYTES + 1]);
        assertTrue(assertThrows(PrezipException.class, () -> SecretRules.load(big)).getMessage().contains("more than"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            ", \"pattern\": \"(a|b)\"",
            ", \"keywords\": [\"x\"]",
            ", \"keywords\": []",
            ", \"source\": \"http://example.org\"",
            ", \"min_entropy\": 9",
            ", \"max_length\": 100000",
            ", \"ignore_case\": \"yes\"",
            ", \"id\": \"Not An Id\"",
            ", \"before\": \"[a-z]+\"",
            ", \"before\": \"(a|b)\"",
            ", \"value\": \"entropy\"",
            ", \"anywhere\": \"yes\""})
    void everyBadFieldIsRefusedByName(String override) {
        // A later duplicate key wins in the tree, so the override replaces the field.
        refused(ruleFile(rule(override)));
    }

    @Test
    void duplicateIdsAndAnEmptyListAreRefused() {
        refused(ruleFile(rule("") + "," + rule("")));
        refused("{\"schema_version\": 1, \"rules\": []}");
        refused("{\"schema_version\": 2, \"rules\": [" + rule("") + "]}");
    }

    @Test
    void anOrganisationsOwnRuleFindsItsOwnTokenFormat() {
        Path file = TempTrees.writeString(tmp.resolve("secret_rules.json"), ruleFile(rule(", \"min_entropy\": 1.5")));
        SecretRules rules = SecretRules.load(file);
        SecretScanner scanner = new SecretScanner(rules, "a.txt", null);
        byte[] text = "key=tok_qwertyui\n".getBytes(StandardCharsets.US_ASCII);
        scanner.feed(text, 0, text.length);
        assertEquals("r1", scanner.finish().get(0).rule());
    }
}
