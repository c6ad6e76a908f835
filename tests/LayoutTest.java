import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import support.TempTrees;

/** lib/ as the README's Layout section draws it: one package per pipeline step, dependencies one way. */
class LayoutTest {
    static final Path LIB = TempTrees.repoRoot().resolve("lib");

    /** The ground floor: what every step may use; its packages use only each other, as MAY_USE says. */
    static final Set<String> GROUND = Set.of("errors", "text", "provenance", "io", "json", "console", "datadir", "deflate");

    /** What each package may import of ours: ARCHITECTURE.md's "What may import what", and each package-info's "May use". */
    static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("errors", Set.of("text")),
            Map.entry("text", Set.of()),
            Map.entry("provenance", Set.of()),
            Map.entry("io", Set.of("errors")),
            Map.entry("json", Set.of("errors", "io")),
            Map.entry("console", Set.of("text")),
            Map.entry("datadir", Set.of("errors", "io", "json")),
            Map.entry("deflate", Set.of()),
            Map.entry("cli", GROUND),
            Map.entry("scan", GROUND),
            Map.entry("types", with(GROUND, "scan")),
            Map.entry("secrets", with(GROUND, "scan", "types")),
            Map.entry("policy", with(GROUND, "scan", "types", "secrets")),
            Map.entry("zip", with(GROUND, "scan", "policy")),
            Map.entry("changes", with(GROUND, "scan", "zip")),
            Map.entry("commit", with(GROUND, "scan", "types", "secrets", "policy", "zip")),
            Map.entry("verify", with(GROUND, "scan", "types", "secrets", "policy", "zip", "changes")),
            Map.entry("report", with(GROUND, "scan", "types", "secrets", "policy", "zip", "changes")),
            Map.entry("delivery", with(GROUND, "scan", "types", "secrets", "policy", "zip", "changes", "commit", "verify", "report")),
            Map.entry("inventory", with(GROUND, "scan", "types", "policy", "report")));

    static Set<String> with(Set<String> base, String... more) {
        Set<String> all = new TreeSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    static final Pattern OUR_IMPORT = Pattern.compile("^import (?:static )?(\\w+)\\.\\w+", Pattern.MULTILINE);

    static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @Test
    void everySourceIsInAPackageFolderThatDescribesItselfAndDeclaresItsName() throws IOException {
        Set<String> packages = new TreeSet<>();
        for (Path entry : filesIn(LIB)) {
            assertTrue(Files.isDirectory(entry), "no file directly in lib/: " + entry);
            String name = entry.getFileName().toString();
            packages.add(name);
            assertTrue(Files.isRegularFile(entry.resolve("package-info.java")), name + "/package-info.java");
            for (Path source : filesIn(entry)) {
                assertTrue(Files.isRegularFile(source) && source.toString().endsWith(".java"), "only sources, no subfolder: " + source);
                assertTrue(Pattern.compile("^package " + name + ";$", Pattern.MULTILINE).matcher(Files.readString(source)).find(),
                        source + " declares package " + name);
            }
        }
        assertEquals(new TreeSet<>(MAY_USE.keySet()), packages);
    }

    @Test
    void dependenciesBetweenPackagesPointOneWay() throws IOException {
        List<String> wrongWay = new ArrayList<>();
        for (String pkg : MAY_USE.keySet()) {
            for (Path source : filesIn(LIB.resolve(pkg))) {
                Matcher imported = OUR_IMPORT.matcher(Files.readString(source));
                while (imported.find()) {
                    String other = imported.group(1);
                    if (MAY_USE.containsKey(other) && !other.equals(pkg) && !MAY_USE.get(pkg).contains(other)) {
                        wrongWay.add(LIB.relativize(source) + " imports " + imported.group().substring("import ".length()));
                    }
                }
            }
        }
        assertEquals(List.of(), wrongWay);
    }

    @Test
    void everyPackageInfoSaysWhatItMayUse() throws IOException {
        Pattern mayUse = Pattern.compile("May use ([^.]*)\\.");
        Pattern named = Pattern.compile("\\{@code (\\w+)\\}");
        for (var pkg : MAY_USE.entrySet()) {
            String info = Files.readString(LIB.resolve(pkg.getKey()).resolve("package-info.java")).replaceAll("\\s*\\n\\s*\\*\\s*", " ");
            Matcher sentence = mayUse.matcher(info);
            assertTrue(sentence.find(), pkg.getKey() + "/package-info.java has a sentence 'May use ...'");
            Set<String> said = new TreeSet<>();
            if (sentence.group(1).contains("the ground floor")) {
                said.addAll(GROUND);
            }
            Matcher each = named.matcher(sentence.group(1));
            while (each.find()) {
                said.add(each.group(1));
            }
            assertEquals(new TreeSet<>(pkg.getValue()), said, pkg.getKey() + "/package-info.java");
        }
    }

    @Test
    void theArchitectureNamesEveryPackageAndTheReadmeLinksToIt() throws IOException {
        String architecture = Files.readString(TempTrees.repoRoot().resolve("ARCHITECTURE.md"));
        for (String pkg : MAY_USE.keySet()) {
            assertTrue(architecture.contains("`lib/" + pkg + "/`"), "ARCHITECTURE.md names lib/" + pkg + "/");
        }
        assertTrue(Files.readString(TempTrees.repoRoot().resolve("README.md")).contains("](ARCHITECTURE.md)"), "README links to ARCHITECTURE.md");
    }
}
