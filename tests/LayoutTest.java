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

    /** What each package may import of ours; the README's "Dependencies point one way". */
    static final Map<String, Set<String>> MAY_USE = Map.of(
            "cli", Set.of(),
            "scan", Set.of("cli"),
            "policy", Set.of("cli", "scan"),
            "zip", Set.of("cli", "scan", "policy"),
            "commit", Set.of("cli", "scan", "policy", "zip"),
            "verify", Set.of("cli", "scan", "policy", "zip"),
            "report", Set.of("cli", "scan", "policy", "zip", "commit", "verify"));

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
    void theReadmeListsEveryPackageInItsLayoutSection() throws IOException {
        String readme = Files.readString(TempTrees.repoRoot().resolve("README.md"));
        String layout = readme.substring(readme.indexOf("## Layout"), readme.indexOf("## Commands"));
        for (String pkg : MAY_USE.keySet()) {
            assertTrue(layout.contains("| `lib/" + pkg + "/` |"), "README's Layout has a row for lib/" + pkg + "/");
        }
    }
}
