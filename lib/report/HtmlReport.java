package report;

import errors.ErrorCode;
import errors.PrezipException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import zip.ZipManifest;

/**
 * The stager's report as one HTML page, {@code <zip>.report.html}, for auditors who would rather look
 * than read JSON. Self-contained (inline CSS and SVG, no scripts, no external files) so it reads the same
 * from a mail attachment, a file share or an offline machine. Every text that comes from data goes
 * through {@link Html#escape}: file names are chosen by whoever filled the content folder.
 * Key numbers carry stable element ids so tests (and scrapers) can read them from the DOM. Long lists
 * are folded and cut (see {@link Fold#LISTED_ROWS}): the page of a 20,000-file run must open in a moment.
 * This class puts the page together in the shared shell ({@link HtmlPage}); each part is a section class of its own.
 */
public final class HtmlReport {
    static final String SUFFIX = ".report.html";

    private HtmlReport() {}

    public static Path pathFor(Path zip) {
        return zip.resolveSibling(zip.getFileName() + SUFFIX);
    }

    /**
     * The {@code --html} target of a run, absolute. Like the zip it may not land in the content folder,
     * which the toolkit never modifies.
     */
    public static Path validateTarget(Path html, Path contentRoot) {
        Path target = html.toAbsolutePath().normalize();
        if (target.getFileName() == null || Files.isDirectory(target)) {
            throw new PrezipException(ErrorCode.PZ_USAGE, "--html " + html + " must name a file, not a folder");
        }
        Path parent = target.getParent();
        Path realParent = parent;
        try {
            if (Files.isDirectory(parent)) {
                realParent = parent.toRealPath();
            }
        } catch (IOException e) {
            // Unresolvable: checked as written; writing there will name the real problem.
        }
        if (realParent.startsWith(contentRoot)) {
            throw new PrezipException(ErrorCode.PZ_OUTPUT_INSIDE_CONTENT, "--html " + target
                    + " is inside the content dir " + contentRoot + ": the content folder is never written to");
        }
        return target;
    }

    /** Writes the report page to {@code out} (left open) a chunk at a time, never the whole page in memory. */
    public static void write(StagerReport report, ZipManifest manifest, OutputStream out) throws IOException {
        PageStream b = new PageStream(out);
        try {
            b.append(HtmlPage.head("prezip report: " + report.projectId() + " (" + report.status() + ")"));
            body(b, report, manifest);
            b.append(HtmlPage.FOOT).flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The page as text. @param manifest the zip's manifest, or null when no zip was written */
    static String render(StagerReport report, ZipManifest manifest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(report, manifest, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array does not fail", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** @param manifest the zip's manifest, or null when no zip was written (dry-run, refused or failed commit) */
    private static void body(PageStream b, StagerReport report, ZipManifest manifest) {
        String fullList = fullListIn(report);
        RunOverviewSection.write(b, report, manifest);
        NamesSection.write(b, report.names());
        ZipSection.zip(b, report, manifest);
        ChangesSection.write(b, report, fullList);
        EligibleSection.write(b, report, fullList);
        ExcludedSection.write(b, report, fullList);
        CompanionSection.write(b, report, fullList);
        TypesSection.write(b, report, fullList);
        SecretsSection.write(b, report, fullList);
        ProvenanceSection.write(b, report.run());
        if (manifest != null) {
            ZipSection.policy(b, manifest);
        }
    }

    /** Where the lists this page cuts are whole, as page text: the report beside a commit's zip, or a dry-run's --json. */
    static String fullListIn(StagerReport report) {
        if (StagerReport.DRY_RUN.equals(report.mode())) {
            return "the JSON report (<code>--json</code>)";
        }
        return "<code>" + Html.escape(StagerReport.pathFor(Path.of(report.outputZip())).getFileName().toString()) + "</code>";
    }
}
