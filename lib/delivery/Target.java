package delivery;

import commit.OutputZip;
import io.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import report.HtmlReport;
import report.StagerReport;
import zip.ChecksumFile;
import zip.ContentsFile;
import zip.ManifestSignature;
import zip.ZipManifest;
import zip.ZipPolicyV1;

/**
 * Where a run's files go and the one time stamp of its entries, checked before the scan (a dry-run
 * fails on a zip path or page path the commit could not write), and the files a commit writes there.
 *
 * @param html where --html asked for a copy of the HTML report, or null
 */
record Target(Path zip, Path html, long fixedEpochMs) {

    static Target of(Loaded loaded) {
        DeliveryRequest request = loaded.request();
        Path zip = OutputZip.validate(request.outputZip(), loaded.root(), request.commit(), request.mkdirs());
        Path html = request.htmlPath() == null ? null : HtmlReport.validateTarget(request.htmlPath(), loaded.root());
        // A dry-run writes no entry: SOURCE_DATE_EPOCH is read (and can fail) only where it is used.
        return new Target(zip, html, request.commit() ? ZipPolicyV1.fixedEpochMs() : ZipPolicyV1.DEFAULT_EPOCH_MS);
    }

    /** What the status line says if the operator stops the run: whether anything was changed. */
    String interruptNotice(boolean commit) {
        return !commit ? "a dry-run writes nothing; nothing was changed"
                : "nothing was shipped; " + (Files.exists(zip) ? zip + " and the files beside it are as they were"
                : "no zip was written");
    }

    /** Every file a commit writes, the zip first: what its JSON and summary name. */
    StagerReport.Delivery delivery(ZipManifest manifest, boolean signed) {
        List<Path> files = new ArrayList<>(List.of(zip, ZipManifest.pathFor(zip), ChecksumFile.pathFor(zip),
                ContentsFile.pathFor(zip), StagerReport.pathFor(zip), HtmlReport.pathFor(zip)));
        if (signed) {
            files.add(ManifestSignature.pathFor(ZipManifest.pathFor(zip)));
        }
        if (html != null && !files.contains(html)) {
            files.add(html);
        }
        return new StagerReport.Delivery(zip.toString(), manifest.zipBytes(), manifest.zipSha256(),
                files.stream().map(Path::toString).toList());
    }

    /** The copy of the HTML report that --html asked for, where it is not the page beside the zip. */
    void writeHtmlCopy(StagerReport report, ZipManifest manifest) {
        if (html != null && !html.equals(HtmlReport.pathFor(zip))) {
            // Rendered again, not copied from beside the zip: once the zip's lock is released, another
            // run may already have replaced that page.
            AtomicFiles.write(html, out -> HtmlReport.write(report, manifest, out));
        }
    }
}
