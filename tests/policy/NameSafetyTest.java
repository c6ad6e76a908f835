package policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import support.CliRun;
import support.SafetyTrees;
import support.StagerProject;
import support.TempTrees;
import text.Printable;

/** Names that break or mislead on the client's machine: unit checks of NameSafety, then through the CLI. */
class NameSafetyTest extends StagerProject {
    static final String ID = "p1";

    NameSafetyTest() {
        super(ID, List.of("png", "txt", "gz"), "p1.zip");
    }

    static String repeat(String s, int n) {
        return s.repeat(n);
    }

    /** A name and a fragment its problem must mention. */
    static Stream<Arguments> unsafeNames() {
        return Stream.of(
                Arguments.of("bell\u0007.txt", "control character U+0007"),
                Arguments.of("tab\there.txt", "control character U+0009"),
                Arguments.of("new\nline.txt", "control character U+000A"),
                Arguments.of("del\u007F.txt", "control character U+007F"),
                Arguments.of("c1\u0085.txt", "control character U+0085"),
                Arguments.of("invoice\u202Efdp.png", "U+202E"),
                Arguments.of("isolate\u2066x.png", "U+2066"),
                Arguments.of("bad\uFFFD.png", "not valid UTF-8"),
                Arguments.of("bad\uFFFD.png", "U+FFFD"),
                Arguments.of("CON", "reserved"),
                Arguments.of("con", "reserved"),
                Arguments.of("prn.txt", "reserved"),
                Arguments.of("AUX.tar.gz", "reserved"),
                Arguments.of("nul.png", "reserved"),
                Arguments.of("Com1.png", "reserved"),
                Arguments.of("COM9.txt", "reserved"),
                Arguments.of("LPT9", "reserved"),
                Arguments.of("lpt1.png", "reserved"),
                Arguments.of("CON .txt", "reserved"),
                Arguments.of("ends-with-dot.", "dot or space"),
                Arguments.of("ends-with-space.png ", "dot or space"),
                Arguments.of("a<b.txt", "'<'"),
                Arguments.of("a>b.txt", "'>'"),
                Arguments.of("a:b.txt", "':'"),
                Arguments.of("a\"b.txt", "'\"'"),
                Arguments.of("a|b.txt", "'|'"),
                Arguments.of("a?b.txt", "'?'"),
                Arguments.of("a*b.txt", "'*'"),
                Arguments.of("a\\b.txt", "'\\'"),
                Arguments.of(repeat("a", 252) + ".png", "255 UTF-8 bytes"),
                Arguments.of(repeat("\u00E9", 128), "255 UTF-8 bytes"),
                Arguments.of(repeat("\u6587", 85) + "a", "255 UTF-8 bytes"),
                // A bad folder component makes the whole path unsafe.
                Arguments.of("CON/x.png", "reserved"),
                Arguments.of("docs/Lpt3.d/x.png", "reserved"),
                Arguments.of("folder./x.png", "dot or space"),
                Arguments.of("folder /x.png", "dot or space"),
                Arguments.of("a/b\u202E/c.png", "U+202E"),
                Arguments.of("a:b/c.png", "':'"),
                Arguments.of(repeat("d", 256) + "/x.png", "255 UTF-8 bytes"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("unsafeNames")
    void unsafeNamesAreNamedWithTheirProblem(String path, String fragment) {
        Optional<String> problem = NameSafety.problem(path);
        assertTrue(problem.isPresent(), "must be unsafe: " + Printable.of(path));
        assertTrue(problem.get().contains(fragment), problem.get() + " should mention " + fragment);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "photo.png", "a.b.c.txt", "docs/readme.txt", "CONSOLE.png", "contract.txt", "nullable.png", "COM10.png",
            "LPT10.txt", "auxiliary/x.png", "con-tract.txt", "caf\u00E9.txt", "cafe\u0301.txt", "\u65E5\u672C.png",
            "emoji \uD83D\uDE00.png", "space inside.txt", " leading-space.txt", "x/y/z/w.txt", "a..b.txt",
            "file.with.CON.txt", "dir.name/ok.png"})
    void ordinaryNamesAreSafe(String path) {
        assertEquals(Optional.empty(), NameSafety.problem(path), path);
    }

    @Test
    void componentLimitIs255Utf8BytesNot255Chars() {
        String ascii255 = "a".repeat(251) + ".png";
        assertEquals(255, ascii255.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(Optional.empty(), NameSafety.problem(ascii255));
        assertEquals(Optional.empty(), NameSafety.problem("dir/" + ascii255));
        assertTrue(NameSafety.problem("a".repeat(252) + ".png").isPresent(), "256 bytes");

        String twoByte255 = "\u00E9".repeat(127) + "a";   // 254 + 1 bytes, 128 chars
        assertEquals(255, twoByte255.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(Optional.empty(), NameSafety.problem(twoByte255));
        String twoByte256 = "\u00E9".repeat(128);          // 256 bytes but only 128 chars
        assertTrue(NameSafety.problem(twoByte256).isPresent(), "256 bytes in 128 chars");

        // The limit is per component: a long path of short components is fine.
        assertEquals(Optional.empty(), NameSafety.problem(String.join("/", java.util.Collections.nCopies(40, "a".repeat(200))) + "/x.png"));
    }

    @Test
    void theProblemShowsInvisibleCharactersAsEscapesSoTheReportCannotBeSpoofed() {
        String problem = NameSafety.problem("invoice\u202Efdp.png").orElseThrow();
        assertTrue(problem.contains("invoice\\u202Efdp.png"), problem);
        assertFalse(problem.contains("\u202E"), "the raw override must not reach the report detail");
        String control = NameSafety.problem("a\u0001b.txt").orElseThrow();
        assertTrue(control.contains("a\\u0001b.txt"), control);
        assertFalse(control.contains("\u0001"));
    }

    // ---- through the CLI, on real files ----

    /** Names a Linux file system can hold (everything above except the over-long ones). */
    static Stream<String> creatableUnsafeNames() {
        return Stream.of("bell\u0007.png", "invoice\u202Efdp.png", "CON", "prn.txt", "Com1.png", "LPT9",
                "ends-with-dot.", "ends-with-space.png ", "a<b.png", "a>b.png", "a:b.png", "a\"b.png", "a|b.png",
                "a?b.png", "a*b.png", "a\\b.png", "CON/inside.png", "aux.d/inside.txt", "dir./x.png");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("creatableUnsafeNames")
    @EnabledIf("support.TempTrees#utf8FileNames")
    void anUnsafeNameRefusesTheRunEvenWithAllowUnknown(String path) {
        TempTrees.file(content, "good.png", "good");
        TempTrees.file(content, path, "payload");
        for (String[] extra : List.of(new String[] {"--json"}, new String[] {"--json", "--allow-unknown"})) {
            CliRun run = CliRun.stager(TempTrees.args(ID, content, data, zip, extra));
            assertEquals(1, run.exitCode(), run.describe());
            JsonNode r = run.json();
            assertEquals("refused", r.get("status").asText());
            assertEquals("PZ_REFUSED", r.get("error").get("code").asText());
            assertEquals(Map.of(path, "unsafe_name"), TempTrees.excludedReasons(r));
            assertEquals(List.of("good.png"), TempTrees.eligiblePaths(r));
            assertTrue(run.err().contains("PZ_REFUSED"), run.err());
        }
        assertEquals(List.of(), SafetyTrees.list(zip.getParent()), "a dry-run writes nothing");
    }

    @Test
    @EnabledIf("support.TempTrees#utf8FileNames")
    void anUnsafeNameRefusesACommitAndNothingShips() {
        TempTrees.file(content, "good.png", "good");
        TempTrees.file(content, "Com1.png", "device");
        CliRun run = CliRun.stager(TempTrees.args(ID, content, data, zip, "--commit", "--allow-unknown"));
        assertEquals(1, run.exitCode(), run.describe());
        assertFalse(TempTrees.exists(zip));
        JsonNode r = SafetyTrees.report(zip);
        assertEquals("refused", r.get("status").asText());
        assertEquals("commit", r.get("mode").asText());
        assertEquals(Map.of("Com1.png", "unsafe_name"), TempTrees.excludedReasons(r));
        assertEquals(SafetyTrees.reportsAnd("p1.zip"), SafetyTrees.list(zip.getParent()));
    }

    @Test
    @EnabledIf("support.TempTrees#utf8FileNames")
    void aNameWhoseBytesAreNotUtf8IsUnsafeRatherThanShippedRenamed() throws Exception {
        TempTrees.file(content, "good.png", "good");
        // Java reads the byte 0xFF of this name as U+FFFD: copied, it would land (and ship) under another name.
        Process touch = new ProcessBuilder("sh", "-c", "printf x > \"$(printf 'bad\\377.png')\"")
                .directory(content.toFile()).inheritIO().start();
        assertEquals(0, touch.waitFor());
        CliRun run = CliRun.stager(TempTrees.args(ID, content, data, zip, "--commit", "--allow-unknown"));
        assertEquals(1, run.exitCode(), run.describe());
        assertFalse(TempTrees.exists(zip));
        assertEquals(Map.of("bad\uFFFD.png", "unsafe_name"), TempTrees.excludedReasons(SafetyTrees.report(zip)));
    }

    @Test
    void a255ByteNameShipsAndIsNotReported() {
        String name = "n".repeat(251) + ".png";
        TempTrees.file(content, name, "long but legal");
        CliRun run = CliRun.stager(TempTrees.args(ID, content, data, zip, "--json"));
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(List.of(name), TempTrees.eligiblePaths(run.json()));
        assertEquals(Map.of(), TempTrees.excludedReasons(run.json()));
    }

    @Test
    void unsafeSymlinkOrHiddenNamesKeepTheirOwnReason() throws Exception {
        TempTrees.file(content, "good.png", "good");
        TempTrees.file(content, ".hidden/CON.png", "hidden wins");
        TempTrees.symlink(content.resolve("PRN.png"), content.resolve("good.png"));
        CliRun run = CliRun.stager(TempTrees.args(ID, content, data, zip, "--json", "--allow-unknown"));
        // Neither is an unsafe_name (hidden is silent, a symlink is allowed out with --allow-unknown).
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(Map.of(".hidden/CON.png", "hidden", "PRN.png", "symlink"), TempTrees.excludedReasons(run.json()));
    }

    /** The one-pass ASCII check must never pass a component the full check would refuse. */
    @Test
    void theAsciiFastPathAgreesWithTheFullCheckOnRandomNames() {
        String alphabet = "aBcOoNnPRUXLMT19 .-_~<>:\"|?*\\\u0001\u007f";
        String[] seeds = {"CON", "con", "PRN", "AUX", "NUL", "COM1", "lpt9", "COM0", "CONS", "co", "README", ""};
        java.util.Random random = new java.util.Random(6);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder(seeds[random.nextInt(seeds.length)]);
            for (int n = random.nextInt(6); n > 0; n--) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String component = name.toString();
            assertEquals(NameSafety.componentProblem(component).isPresent(), NameSafety.problem(component).isPresent(),
                    "'" + Printable.of(component) + "'");
        }
        String longest = "a".repeat(NameSafety.MAX_COMPONENT_UTF8_BYTES);
        assertFalse(NameSafety.problem(longest).isPresent());
        assertTrue(NameSafety.problem(longest + "b").isPresent());
    }
}
