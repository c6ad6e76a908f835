package report;

import provenance.RunRecord;
import text.Counts;

/** How the run was made: when, by whom, where, with what, and the inputs that decided it. */
final class ProvenanceSection {
    private ProvenanceSection() {}

    /** @param run the run's provenance, or null when the report carries none: then nothing */
    static void write(PageStream b, RunRecord run) {
        if (run == null) {
            return;
        }
        b.append("<h2>Provenance</h2>\n<dl class=\"kv\" id=\"provenance\">");
        b.append(Html.kv("started", "run-started", run.startedAt()));
        b.append(Html.kv("ended", "run-ended", run.endedAt() + " (" + Counts.number(run.durationMs()) + " ms)"));
        b.append(Html.kv("by", "run-user", run.user() + " on " + run.host()));
        b.append(Html.kv("toolkit", "run-toolkit", "prezip " + run.toolkitVersion() + ", " + run.jvm()));
        b.append(Html.kv("arguments", "run-arguments", String.join(" ", run.arguments())));
        b.append(Html.kv("allow-unknown", "run-allow-unknown", String.valueOf(run.allowUnknown())));
        b.append(Html.kv("content scanned", "run-content-scanned", String.valueOf(run.contentScanned())));
        if (run.deflater() != null) {
            b.append(Html.kv("deflater", "run-deflater", run.deflater().name() + ": " + run.deflater().reason()));
        }
        for (RunRecord.Input input : run.inputs()) {
            b.append(Html.kv(input.role(), "run-input-" + input.role().replace('_', '-'), input.path()
                    + (input.sha256() == null ? " (absent)" : " sha256 " + input.sha256())
                    + (input.snapshotAt() == null ? "" : ", snapshot " + input.snapshotAt())));
        }
        b.append("</dl>\n");
    }
}
