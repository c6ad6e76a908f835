package report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import datadir.ProjectId;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import policy.BanRules;
import policy.Classification;
import policy.Classifier;
import policy.CompanionMode;
import scan.TreeScanner;
import support.NameTrees;
import support.TempTrees;

/** The report's record: here, what it says of the names (the rest is held by the CLI tests' parsed reports). */
class StagerReportTest {
    @TempDir
    Path tmp;

    StagerReport reportOf(Path content) {
        Classifier classifier = new Classifier(java.util.Set.of("txt"), BanRules.load(TempTrees.repoGlobalBans()));
        Classification classification = Classification.of(TreeScanner.scan(content), classifier);
        return StagerReport.of(new ProjectId("p1"), content.toString(), "/out/p1.zip", StagerReport.DRY_RUN, classification, null,
                CompanionMode.OFF, List.of(), null, null, null, false);
    }

    @Test
    void composedNamesAreCountedAndEachRowNamesItsEntryWhereItDiffers() {
        Path content = tmp.resolve("content");
        TempTrees.file(content, "cafe\u0301/a.txt", "decomposed folder");
        TempTrees.file(content, "na\u0131\u0308ve.txt", "decomposed file, but nothing composes with a dotless i");
        TempTrees.file(content, "re\u0301sume\u0301.txt", "decomposed twice");
        TempTrees.file(content, "caf\u00e9.txt", "composed already");
        TempTrees.file(content, "plain.txt", "ascii");
        TempTrees.file(content, "skipped.log", "banned: its name does not count");
        StagerReport report = reportOf(content);
        assertEquals(2, report.names().composed());
        assertNull(report.names().longPaths());
        for (StagerReport.EligibleFile file : report.eligible()) {
            String expected = switch (file.path()) {
                case "cafe\u0301/a.txt" -> "caf\u00e9/a.txt";
                case "re\u0301sume\u0301.txt" -> "r\u00e9sum\u00e9.txt";
                default -> null;
            };
            assertEquals(expected, file.entryName(), file.path());
        }
    }

    @Test
    void longPathsAreCountedAndTheLongestNamedWithItsLength() {
        Path content = tmp.resolve("content");
        String longest = NameTrees.pathOf(280);
        TempTrees.file(content, longest, "deep");
        TempTrees.file(content, NameTrees.pathOf(200, 'g'), "deep too");
        TempTrees.file(content, NameTrees.pathOf(160, 'h'), "at the bound: fine");
        StagerReport.LongPathsFound found = reportOf(content).names().longPaths();
        assertEquals(new StagerReport.LongPathsFound(160, 2, longest, 280), found);
    }
}
