package report;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Help.Ansi;
import policy.Reason;
import secrets.SecretFinding;
import text.Bytes;
import text.Counts;
import text.Printable;
import text.Wrap;
import zip.ZipManifest;

/**
 * The human summary of a stager report, as aligned tables: eligible totals by extension, excluded counts
 * by reason with the first few paths of each, split companions, the status. {@code --json} has everything.
 */
public final class SummaryPrinter {
    /** Paths shown per exclusion reason: enough to recognise the problem, short enough to read. */
    public static final int PATHS_PER_REASON = 3;

    private SummaryPrinter() {}

    /** Findings listed in the summary; --json and the HTML report list them all. */
    static final int SECRETS_SHOWN = 10;

    public static void print(StagerReport report, PrintWriter out, Ansi ansi) {
        StagerReport.Totals totals = report.totals();
        out.println(ansi.string("@|bold prezip " + report.mode() + "|@ of project @|bold " + report.projectId() + "|@"
                + (report.policy() == null ? "" : ", policy " + report.policy().name())));
        out.printf("  content  %s%n  zip      %s%n%n", report.contentDir(), report.outputZip());

        TextTable eligible = new TextTable(ansi, false).row("@|bold Eligible|@", "@|bold files|@", "@|bold bytes|@");
        totals.byExtension().forEach((ext, t) -> eligible.row("." + ext, Counts.number(t.files()), Bytes.human(t.bytes())));
        eligible.row("@|bold total|@", "@|bold " + Counts.number(totals.eligibleFiles()) + "|@", "@|bold " + Bytes.human(totals.eligibleBytes()) + "|@");
        out.print(eligible.render("  "));

        if (!report.excluded().isEmpty()) {
            // What stops the run apart from what merely stays home: each its own table and total.
            boolean allowUnknown = report.leftOutByAllowUnknown() != null;
            Map<Boolean, List<Map.Entry<String, Integer>>> byBlocking = totals.excludedByReason().entrySet().stream()
                    .collect(Collectors.partitioningBy(e -> Reason.ofCode(e.getKey()).refuses(allowUnknown)));
            printExcluded(report, out, ansi, "@|bold,red Refused|@ (blocks the run)", "red", byBlocking.get(true));
            printExcluded(report, out, ansi, "@|bold Left out|@ (not shipped)", null, byBlocking.get(false));
            if (totals.excludedByReason().values().stream().anyMatch(n -> n > PATHS_PER_REASON)) {
                out.println("  (--json and the HTML report list every path with its reason)");
            }
        }
        if (report.companions() != null && !report.companions().isEmpty()) {
            out.println();
            out.println(ansi.string("  @|yellow Split companions|@ (" + report.companionMode() + "): "
                    + Counts.of(report.companions().size(), "group", "groups")));
            report.companions().stream().limit(PATHS_PER_REASON).forEach(group -> out.printf("    %s: %s%n",
                    group.folder().isEmpty() ? group.stem() : group.folder() + "/" + group.stem(),
                    String.join(", ", group.members().stream().map(m -> m.path() + " [" + m.fate() + "]").toList())));
        }
        printNames(report.names(), out, ansi);
        printTypeMismatches(report.typeMismatches(), out, ansi);
        printSecrets(report, out, ansi);
        ChangesSummary.print(report, out, ansi);
        String deflater = report.run() == null || report.run().deflater() == null ? null : report.run().deflater().notice();
        if (deflater != null) {
            out.println();
            out.println("  " + deflater);
        }
        String colour = StagerReport.OK.equals(report.status()) ? "green" : "red";
        out.println();
        out.println(ansi.string("Status: @|bold," + colour + " " + report.status() + "|@"));
        out.flush();
    }

    /** One table of excluded files: per reason its count and first paths (for not_allowed, the count per type). */
    private static void printExcluded(StagerReport report, PrintWriter out, Ansi ansi, String title, String colour,
                                      List<Map.Entry<String, Integer>> reasons) {
        if (reasons.isEmpty()) {
            return;
        }
        TextTable table = new TextTable(ansi, true).row(title, "@|bold files|@", "");
        int total = 0;
        for (Map.Entry<String, Integer> e : reasons) {
            List<String> paths = report.excluded().stream().filter(f -> f.reason().equals(e.getKey()))
                    .map(StagerReport.ExcludedFile::path).toList();
            String detail = e.getKey().equals(Reason.NOT_ALLOWED.code())
                    ? Refusals.extensionCounts(Refusals.byExtension(paths))
                    : String.join(", ", paths.stream().limit(PATHS_PER_REASON).map(Printable::path).toList())
                            + (paths.size() > PATHS_PER_REASON ? ", ..." : "");
            table.row(colour == null ? e.getKey() : "@|" + colour + " " + e.getKey() + "|@", Counts.number(e.getValue()), detail);
            total += e.getValue();
        }
        table.row("@|bold total|@", "@|bold " + Counts.number(total) + "|@", "");
        out.println();
        out.print(table.render("  "));
    }

    /** How the names reach the client: those composed (said only when there are some) and paths too long for Windows. */
    private static void printNames(StagerReport.Names names, PrintWriter out, Ansi ansi) {
        if (names == null) {
            return;
        }
        if (names.composed() > 0) {
            out.println();
            out.println("  Names: " + Counts.of(names.composed(), "name was", "names were") + " decomposed (as macOS writes"
                    + " them) and ship composed, Unicode NFC, as the manifest lists them.");
        }
        StagerReport.LongPathsFound longPaths = names.longPaths();
        if (longPaths != null) {
            out.println();
            out.println(ansi.string("  @|bold,yellow Long paths|@: " + Counts.of(longPaths.count(), "path is", "paths are")
                    + " longer than " + longPaths.limit() + " characters; Windows may fail to extract them."));
            out.println("    longest (" + longPaths.longestCharacters() + "): " + Printable.path(longPaths.longest()));
            out.println("    Shorten folder or file names; the strict policy refuses such paths.");
        }
    }

    /** Files that ship although their bytes are not what their names say: a warning, each by path and what it is. */
    private static void printTypeMismatches(List<StagerReport.TypeMismatch> mismatches, PrintWriter out, Ansi ansi) {
        if (mismatches == null || mismatches.isEmpty()) {
            return;
        }
        out.println();
        // Short: each line under it says what the file is and what it is named, and a narrow terminal keeps this one whole.
        out.println(ansi.string("  @|bold,yellow Type mismatches|@ (shipped, a warning): " + Counts.of(mismatches.size(), "file", "files")));
        for (StagerReport.TypeMismatch mismatch : mismatches.stream().limit(PATHS_PER_REASON).toList()) {
            out.println("    " + Printable.path(mismatch.path()) + ": " + mismatch.detail());
        }
        if (mismatches.size() > PATHS_PER_REASON) {
            out.println("    (--json and the HTML report list all " + Counts.number(mismatches.size()) + ")");
        }
        out.println("    Rename each to what it is, or leave it out; the strict policy refuses them.");
    }

    /**
     * The content scan: whether it ran and what it found, each finding by place, rule, a redacted preview
     * and the fingerprint to approve it by; never the credential itself.
     */
    /** How many eligible files the scan did not read, by reason: what "none found" does not cover. */
    private static void printNotScanned(StagerReport report, PrintWriter out) {
        if (report.notScanned() == null || report.notScanned().isEmpty()) {
            return;
        }
        Map<String, Long> byReason = new java.util.TreeMap<>();
        report.notScanned().forEach(file -> byReason.merge(file.reason(), 1L, Long::sum));
        StringBuilder reasons = new StringBuilder();
        byReason.forEach((reason, n) -> reasons.append(reasons.length() == 0 ? "" : ", ").append(reason).append(' ').append(Counts.number(n)));
        Wrap.lines("  ", "Content not read (not scanned for credentials): " + Counts.of(report.notScanned().size(), "file", "files")
                + " (" + reasons + "; --json and the HTML report list them)").forEach(out::println);
    }

    private static void printSecrets(StagerReport report, PrintWriter out, Ansi ansi) {
        out.println();
        if (!Boolean.TRUE.equals(report.contentScanned())) {
            out.println(ansi.string("  @|bold,yellow Content not scanned|@ (" + report.notScannedBecause()
                    + "): credentials inside the files were not looked for, nor what they are by their bytes."));
            return;
        }
        List<SecretFinding> secrets = report.secrets() == null ? List.of() : report.secrets();
        printNotScanned(report, out);
        if (secrets.isEmpty()) {
            out.println("  Content scanned for credentials: none found.");
            return;
        }
        long refused = secrets.stream().filter(f -> !f.approved()).count();
        out.println(ansi.string("  @|bold Credentials in content|@: " + refused + " refused, " + (secrets.size() - refused) + " approved"));
        // Two short lines per finding rather than a table row: a narrow terminal does not wrap them.
        for (SecretFinding finding : secrets.stream().limit(SECRETS_SHOWN).toList()) {
            out.println(ansi.string("    " + (finding.approved() ? "@|green approved|@" : "@|red refused |@") + "  "
                    + Printable.path(finding.location())));
            out.println("      " + finding.rule() + (finding.preview() == null || finding.preview().isEmpty() ? "" : " (" + finding.preview() + ")")
                    + " fingerprint " + finding.shortFingerprint());
        }
        if (secrets.size() > SECRETS_SHOWN) {
            out.println("  (--json and the HTML report list all " + secrets.size() + ")");
        }
        if (refused > 0) {
            out.println("  Remove each credential from its file. One that is no");
            out.println("  secret is approved by its fingerprint:");
            out.println("    prezip_stager --project-id " + report.projectId());
            out.println("      --content-dir " + report.contentDir());
            out.println("      --approve-secret FINGERPRINT --note \"why\"");
        }
    }

    /** A delivered commit's files after its summary: the zip, what went beside it, what its hooks updated. */
    public static void printDelivered(StagerReport.Delivery delivery, ZipManifest manifest, List<Path> hookFiles, PrintWriter out) {
        Path zip = Path.of(delivery.zip());
        out.printf("%nWrote %s%n  %s, %s%n  sha256 %s%n", zip, Counts.of(manifest.entries().size(), "entry", "entries"),
                Bytes.human(manifest.zipBytes()), manifest.zipSha256());
        // One file a line: a narrow terminal wraps a long list mid-name.
        out.println("  beside it:");
        List<String> files = delivery.filesWritten();
        files.stream().skip(1).filter(f -> Path.of(f).getParent().equals(zip.getParent()))
                .forEach(f -> out.printf("    %s%n", Path.of(f).getFileName()));
        files.stream().skip(1).filter(f -> !Path.of(f).getParent().equals(zip.getParent()))
                .forEach(f -> out.printf("  also: %s%n", f));
        out.println("  updated:");
        hookFiles.forEach(f -> out.printf("    %s%n", f));
        out.flush();
    }
}
