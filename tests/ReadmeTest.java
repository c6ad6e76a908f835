import static org.junit.jupiter.api.Assertions.assertEquals;

import errors.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import support.TempTrees;

/** README's error table is part of the contract: it must list exactly the codes the tools can print. */
class ReadmeTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z0-9_]+)` \\| (\\d) \\|", Pattern.MULTILINE);

    @Test
    void errorTableListsEveryCodeWithItsExitCode() throws IOException {
        String readme = Files.readString(TempTrees.repoRoot().resolve("README.md"));
        Map<String, Integer> documented = new TreeMap<>();
        Matcher m = ROW.matcher(readme);
        while (m.find()) {
            documented.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        Map<String, Integer> actual = Arrays.stream(ErrorCode.values())
                .collect(Collectors.toMap(Enum::name, ErrorCode::exitCode, (a, b) -> a, TreeMap::new));
        assertEquals(actual, documented);
    }
}
