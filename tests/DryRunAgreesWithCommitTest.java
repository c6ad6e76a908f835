import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import support.CliRun;
import support.SecretCorpus;
import support.TempTrees;

/**
 * The dry-run's promise as a property: on every hostile tree of the suite, with and without
 * --allow-unknown, the dry-run ends with the exit code and status the commit then ends with.
 */
class DryRunAgreesWithCommitTest {
    static final String ID = "p1";

    @TempDir
    Path tmp;

    /** A hostile tree, made in an empty content folder. */
    interface Tree {
        void make(Path content, Path outside) throws Exception;
    }

    static Map<String, Tree> trees() {
        Map<String, Tree> trees = new LinkedHashMap<>();
        trees.put("clean", (content, outside) -> TempTrees.file(content, "a/b.txt", "fine"));
        trees.put("links and a FIFO", (content, outside) -> {
            TempTrees.file(content, "good.png", "good");
            TempTrees.file(outside, "secret.txt", "outside");
            TempTrees.symlink(content.resolve("out.txt"), outside.resolve("secret.txt"));
            TempTrees.symlink(content.resolve("loop-a.txt"), Path.of("loop-b.txt"));
            TempTrees.symlink(content.resolve("loop-b.txt"), Path.of("loop-a.txt"));
            TempTrees.symlink(content.resolve("docs/up"), Path.of(".."));
            if (TempTrees.canMakeFifo()) {
                TempTrees.fifo(content.resolve("pipe.png"));
            }
        });
        trees.put("unsafe and colliding names", (content, outside) -> {
            TempTrees.file(content, "ok.txt", "ok");
            TempTrees.file(content, "Photo.png", "upper");
            TempTrees.file(content, "photo.png", "lower");
            TempTrees.file(content, "CON.txt", "device name");
            TempTrees.file(content, "invoice\u202Efdp.png", "bidi override");
        });
        trees.put("hidden, banned and unknown types", (content, outside) -> {
            TempTrees.file(content, "ok.txt", "ok");
            TempTrees.file(content, ".env", "hidden");
            TempTrees.file(content, "tools/run.exe", "MZ");
            TempTrees.file(content, "layers.psd", "unknown type");
            TempTrees.file(content, "LICENSE", "no extension");
        });
        trees.put("a credential", (content, outside) -> {
            TempTrees.file(content, "ok.txt", "ok");
            TempTrees.file(content, "notes/keys.txt", new SecretCorpus(25).onePerRule().get("github-token").text());
        });
        trees.put("a chain past PATH_MAX", (content, outside) -> {
            TempTrees.file(content, "ok.txt", "ok");
            DeepTreeTest.chain(content.resolve("docs"), 3_000, 2_999);
        });
        trees.put("hard links", (content, outside) -> {
            Path one = TempTrees.file(content, "one.txt", "same bytes");
            Files.createLink(content.resolve("two.txt"), one);
        });
        return trees;
    }

    static Stream<Object[]> cases() {
        List<Object[]> cases = new ArrayList<>();
        for (String tree : trees().keySet()) {
            cases.add(new Object[] {tree, false});
            cases.add(new Object[] {tree, true});
        }
        return cases.stream();
    }

    @AfterEach
    void removeDeepTrees() throws Exception {
        // A chain past PATH_MAX is removed by relative steps, as DeepTreeTest removes its own.
        try (Stream<Path> children = Files.list(tmp)) {
            for (Path child : children.toList()) {
                DeepTreeTest.run("rm", "-rf", child.toString());
            }
        }
    }

    @ParameterizedTest(name = "{0}, --allow-unknown {1}")
    @MethodSource("cases")
    void theDryRunEndsAsTheCommitDoes(String name, boolean allowUnknown) throws Exception {
        Path content = Files.createDirectories(tmp.resolve("content"));
        trees().get(name).make(content, Files.createDirectories(tmp.resolve("outside")));
        Path data = TempTrees.dataDir(tmp, ID, List.of("png", "txt"));
        Path zip = Files.createDirectories(tmp.resolve("out")).resolve("p1.zip");
        List<String> extra = new ArrayList<>(List.of("--json"));
        if (allowUnknown) {
            extra.add("--allow-unknown");
        }
        CliRun dryRun = CliRun.stager(TempTrees.args(ID, content, data, zip, extra.toArray(String[]::new)));
        extra.add("--commit");
        CliRun commit = CliRun.stager(TempTrees.args(ID, content, data, zip, extra.toArray(String[]::new)));
        assertEquals(status(dryRun) + " exit " + dryRun.exitCode(), status(commit) + " exit " + commit.exitCode(),
                "dry-run: " + dryRun.err() + "\ncommit: " + commit.err());
    }

    static String status(CliRun run) throws IOException {
        JsonNode report = json.Json.MAPPER.readTree(run.out());
        return report.get("status").asText();
    }
}
