package verify;

import changes.DeliveryChanges;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import provenance.RunRecord;

/**
 * What verify_zip prints: with --json this record as one document, else a human summary. Field names
 * are the contract's; a failure's entry is left out when it concerns the whole archive. {@code failures} lists at most
 * 100 per check (then one line of how many more); {@code failuresInAll} counts them all; {@code changes}
 * (with --since) what changed from an earlier delivery.
 */
public record VerifyReport(int schemaVersion, String zip, String manifest, boolean valid, int entries,
                           List<Check> checks, List<Failure> failures, int failuresInAll, RunRecord run,
                           RunRecord.Deflater rebuiltWith, DeliveryChanges changes) {

    /** Bumped when a field changes meaning or goes away; adding fields does not bump it. */
    public static final int SCHEMA_VERSION = 1;

    /** One check that ran; a check with no input (no --content-dir, no --project-id, no zip) is not listed. */
    record Check(String code, boolean ok) {}

    record Failure(String code, String entry, String message) {}

    public static VerifyReport of(ZipVerifier.Result result) {
        Set<VerifyCheck> failed = result.findings().stream().map(VerifyFinding::check)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(VerifyCheck.class)));
        EnumSet<VerifyCheck> ran = EnumSet.noneOf(VerifyCheck.class);
        ran.addAll(result.checked());
        ran.addAll(failed);
        List<Check> checks = ran.stream().map(c -> new Check(c.name(), !failed.contains(c))).toList();
        List<Failure> failures = result.findings().stream()
                .map(f -> new Failure(f.check().name(), f.entry(), f.message())).toList();
        return new VerifyReport(SCHEMA_VERSION, result.zip().toString(), result.manifest().toString(), result.valid(),
                result.entries(), checks, failures, result.failuresInAll(), result.run(), result.rebuiltWith(), null);
    }

    /** With --since: what changed from the earlier delivery to this one ({@link SinceChanges}). */
    public VerifyReport withChanges(DeliveryChanges since) {
        return new VerifyReport(schemaVersion, zip, manifest, valid, entries, checks, failures, failuresInAll, run, rebuiltWith,
                since);
    }

    /** The codes that failed, in check order, for the one-line error. */
    public List<String> failedCodes() {
        return checks.stream().filter(c -> !c.ok()).map(Check::code).toList();
    }

    public void printHuman(PrintWriter out, boolean verbose) {
        out.printf(Locale.ROOT, "verify_zip %s%n  manifest: %s%n  entries:  %d%n", zip, manifest, entries);
        if (run != null) {
            // The manifest's own account of how the zip was made: only as trustworthy as the manifest (sign it).
            out.printf(Locale.ROOT, "  made:     %s by %s on %s with prezip %s (%s)%n", run.endedAt(), run.user(), run.host(),
                    run.toolkitVersion(), run.jvm());
            out.printf(Locale.ROOT, "  policy:   %s%s%n", run.allowUnknown() ? "--allow-unknown, " : "",
                    run.contentScanned() ? "content scanned for credentials" : "content NOT scanned for credentials");
            for (RunRecord.Input input : run.inputs()) {
                out.printf(Locale.ROOT, "  input:    %-14s %s%s%n", input.role(), input.path(),
                        input.sha256() == null ? " (absent)" : " sha256 " + input.sha256());
            }
        }
        if (rebuiltWith != null) {
            out.printf(Locale.ROOT, "  rebuilt:  with the %s deflater (%s)%n", rebuiltWith.name(), rebuiltWith.reason());
        }
        long failedChecks = checks.stream().filter(c -> !c.ok()).count();
        out.printf(Locale.ROOT, "  checks:   %d run, %d failed%n", checks.size(), failedChecks);
        if (verbose) {
            for (Check check : checks) {
                out.printf(Locale.ROOT, "  %-4s %-26s %s%n", check.ok() ? "ok" : "FAIL", check.code(),
                        VerifyCheck.valueOf(check.code()).passes());
            }
        }
        Set<String> ran = checks.stream().map(Check::code).collect(Collectors.toSet());
        List<String> skipped = EnumSet.allOf(VerifyCheck.class).stream().map(Enum::name).filter(c -> !ran.contains(c)).toList();
        if (!skipped.isEmpty()) {
            out.printf(Locale.ROOT, "  not run:  %s%n", String.join(", ", skipped));
        }
        if (!failures.isEmpty()) {
            out.printf(Locale.ROOT, "Failures (%d):%n", failures.size());
            for (Failure f : failures) {
                out.printf(Locale.ROOT, "  %-26s %s%s%n", f.code(), f.entry() == null ? "" : f.entry() + ": ", f.message());
            }
        }
        if (changes != null) {
            SinceChanges.print(changes, out);
        }
        out.printf(Locale.ROOT, "Status: %s%n", valid ? "valid" : "invalid");
        out.flush();
    }
}
