package zip;

import io.AtomicFiles;
import java.nio.file.Path;
import java.util.Set;

/**
 * The journal of a delivery being put into place, {@code .ZIP.prezip-delivery} beside the zip: which
 * temp file becomes which of the zip, its manifest, checksum, signature and reports. It exists only while the
 * renames run; one left behind means a run was killed among them, and the next commit to that zip
 * finishes the delivery from it first ({@code verify_zip} names it and changes nothing).
 */
public final class DeliveryJournal {
    private DeliveryJournal() {}

    public static Path pathFor(Path zip) {
        return zip.resolveSibling("." + zip.getFileName() + ".prezip-delivery");
    }

    /** The names a journal may put into place: the zip, its sidecars and its reports, nothing else beside them. */
    public static Set<String> targetsFor(Path zip) {
        Path manifest = ZipManifest.pathFor(zip);
        String name = zip.getFileName().toString();
        return Set.of(name, manifest.getFileName().toString(), ManifestSignature.pathFor(manifest).getFileName().toString(),
                ChecksumFile.pathFor(zip).getFileName().toString(), ContentsFile.pathFor(zip).getFileName().toString(),
                name + REPORT_SUFFIX, name + PAGE_SUFFIX);
    }

    /** The stager's report and its HTML page beside the zip (named by the report package, which this one cannot read). */
    static final String REPORT_SUFFIX = ".report.json";
    static final String PAGE_SUFFIX = ".report.html";

    /** Whether a name is a temp file the toolkit would have written for one of those targets. */
    public static boolean isTempFor(Path zip, String name) {
        return targetsFor(zip).stream().anyMatch(target -> AtomicFiles.isTempNameOf(target, name));
    }

    /** Whether a name is a killed delivery's leftover: a temp file of a target, or of the journal itself. */
    public static boolean isLeftover(Path zip, String name) {
        return isTempFor(zip, name) || AtomicFiles.isTempNameOf(pathFor(zip).getFileName().toString(), name);
    }
}
