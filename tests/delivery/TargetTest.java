package delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import report.HtmlReport;
import report.StagerReport;
import support.StagerProject;
import support.StagerRequest;
import support.TempTrees;
import zip.ZipManifest;

/** Where a run's files go: the files a commit names, what an interrupted run says, the --html copy. */
class TargetTest extends StagerProject {
    /** What a delivery takes from the manifest: the zip's size and hash. */
    static final ZipManifest MANIFEST = new ZipManifest(null, null, null, List.of(), 1234, "ab".repeat(32));

    TargetTest() {
        super("p1", List.of("png", "txt"), "p1.zip");
    }

    Target target(Path html) {
        return new Target(zip, html, 0);
    }

    List<String> besideTheZip(String... names) {
        return List.of(names).stream().map(name -> out.resolve(name).toString()).toList();
    }

    @Test
    void aCommitNamesTheZipFirstThenItsManifestChecksumAndReports() {
        StagerReport.Delivery delivery = target(null).delivery(MANIFEST, false);
        assertEquals(zip.toString(), delivery.zip());
        assertEquals(1234, delivery.zipBytes());
        assertEquals("ab".repeat(32), delivery.zipSha256());
        assertEquals(besideTheZip("p1.zip", "p1.zip.manifest.json", "p1.zip.sha256", "p1.zip.contents.sha256", "p1.zip.report.json", "p1.zip.report.html"),
                delivery.filesWritten());
    }

    @Test
    void aSignedCommitNamesTheSignatureAndAPageElsewhereComesLast() {
        Path page = tmp.resolve("pages/p1.html");
        assertEquals(besideTheZip("p1.zip", "p1.zip.manifest.json", "p1.zip.sha256", "p1.zip.contents.sha256", "p1.zip.report.json", "p1.zip.report.html",
                "p1.zip.manifest.json.sig"), target(null).delivery(MANIFEST, true).filesWritten());
        List<String> files = target(page).delivery(MANIFEST, true).filesWritten();
        assertEquals(8, files.size());
        assertEquals(List.of(out.resolve("p1.zip.manifest.json.sig").toString(), page.toString()), files.subList(6, 8));
    }

    @Test
    void aPageAskedForBesideTheZipIsNamedOnce() {
        assertEquals(target(null).delivery(MANIFEST, false), target(HtmlReport.pathFor(zip)).delivery(MANIFEST, false));
    }

    @Test
    void anInterruptedRunSaysWhatWasLeftAsItWas() {
        Target target = target(null);
        assertEquals("a dry-run writes nothing; nothing was changed", target.interruptNotice(false));
        assertEquals("nothing was shipped; no zip was written", target.interruptNotice(true));
        TempTrees.file(out, "p1.zip", "an earlier delivery");
        assertEquals("nothing was shipped; " + zip + " and the files beside it are as they were", target.interruptNotice(true));
        assertEquals("a dry-run writes nothing; nothing was changed", target.interruptNotice(false));
    }

    @Test
    void theHtmlCopyIsWrittenOnlyWhereItIsNotThePageBesideTheZip() {
        StagerReport report = Delivery.run(new StagerRequest("p1", content, data, zip).build()).report();
        Path page = tmp.resolve("p1.html");
        target(page).writeHtmlCopy(report, null);
        assertTrue(TempTrees.readString(page).contains("prezip report: p1 (ok)"));

        Map<String, String> before = TempTrees.snapshot(tmp);
        target(HtmlReport.pathFor(zip)).writeHtmlCopy(report, null);
        target(null).writeHtmlCopy(report, null);
        assertEquals(before, TempTrees.snapshot(tmp));
    }
}
