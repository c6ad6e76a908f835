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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import policy.Companions;
import policy.Reason;
import provenance.RunRecord;
import provenance.Toolkit;
import scan.Extensions;
import text.Bytes;
import text.Counts;
import text.Printable;
import zip.ZipManifest;
import zip.ZipPackagingMetadataV1;

/**
 * The stager's report as one HTML page, {@code <zip>.report.html}, for auditors who would rather look
 * than read JSON. Self-contained (inline CSS and SVG, no scripts, no external files) so it reads the same
 * from a mail attachment, a file share or an offline machine. Every text that comes from data goes
 * through {@link #escape}: file names are chosen by whoever filled the content folder.
 * Key numbers carry stable element ids so tests (and scrapers) can read them from the DOM. Long lists
 * are folded and cut (see {@link #LISTED_ROWS}): the page of a 20,000-file run must open in a moment.
 */
public final class HtmlReport {
    static final String SUFFIX = ".report.html";

    /** Chart geometry, in CSS pixels of the SVG's own coordinate system. */
    static final int BAR_HEIGHT = 20;
    static final int BAR_GAP = 8;
    static final int BAR_MAX_WIDTH = 460;
    static final int CHART_PADDING = 8;
    /** Average advance of a 12px monospace glyph: enough to size label and value columns without a layout engine. */
    static final double CHAR_WIDTH = 7.4;
    /** Longer chart labels are cut (the full text is in the bar's tooltip and in the table below). */
    static final int MAX_LABEL_CHARS = 18;
    static final String ELLIPSIS = "\u2026";

    /** Rows of a long list shown before its fold: enough to see at a glance what a group holds. */
    static final int SHOWN_ROWS = 5;
    /**
     * Rows of one list written into the page at all, shown and folded together; the rest are counted and
     * left to the JSON report, which lists every path. Every row costs parsing and layout: the page that
     * listed all 16,667 excluded paths of a 20,000-file run was 1.8 MB and took seconds to render.
     */
    static final int LISTED_ROWS = 100;
    /** Paths listed under each extension of {@code not_allowed}: files of one type are alike, and a page of many types stays small. */
    static final int LISTED_PER_EXTENSION = 20;

    /**
     * One style sheet for the report and the dashboard. Paths break anywhere: a 200-character file name
     * must wrap inside its column rather than push the page sideways.
     */
    static final String CSS = """
            :root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg-soft: #f6f8fa;
                    --ok: #1a7f37; --refused: #bc4c00; --failed: #cf222e; --bar: #0969da; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); }
            main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 40px; }
            h1 { font-size: 24px; margin: 0 0 6px; }
            h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
            h3 { font-size: 15px; margin: 18px 0 6px; }
            p { margin: 6px 0; }
            code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 13px; }
            .muted { color: var(--muted); }
            .meta { color: var(--muted); margin: 0 0 8px; }
            .badge { display: inline-block; padding: 1px 10px; border-radius: 12px; font-weight: 600; color: #fff;
                     background: var(--muted); font-size: 13px; }
            .badge.ok { background: var(--ok); }
            .badge.refused { background: var(--refused); }
            .badge.failed { background: var(--failed); }
            .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 12px; margin: 16px 0; }
            .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; background: var(--bg-soft); }
            .card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
            .card .value { font-size: 24px; font-weight: 600; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
            .card .sub { color: var(--muted); font-size: 13px; }
            .problem { border: 1px solid var(--failed); border-left-width: 6px; border-radius: 6px; padding: 10px 14px;
                       background: #fff5f5; margin: 16px 0; }
            .problem.refused { border-color: var(--refused); background: #fff8f0; }
            table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; }
            th, td { text-align: left; vertical-align: top; padding: 5px 10px; border-bottom: 1px solid var(--line); }
            th { background: var(--bg-soft); font-weight: 600; }
            table.runs { table-layout: fixed; }
            table.narrow { width: auto; min-width: 440px; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 6px 0; }
            dl.kv dt { color: var(--muted); }
            dl.kv dd { margin: 0; overflow-wrap: anywhere; }
            ul.paths { margin: 4px 0 8px; padding-left: 22px; }
            ul.paths li { margin: 1px 0; overflow-wrap: anywhere; word-break: break-all; }
            .detail { color: var(--muted); word-break: normal; }
            .count { color: var(--muted); font-weight: 400; }
            .wrap { overflow-wrap: anywhere; }
            details > summary { cursor: pointer; color: var(--muted); margin: 6px 0; }
            ul.groups { list-style: none; margin: 4px 0 8px; padding-left: 0; }
            ul.groups > li > details > summary { color: var(--fg); }
            p.more { color: var(--muted); font-style: italic; margin: 2px 0 10px 22px; }
            svg.chart { display: block; max-width: 100%; height: auto; margin: 8px 0; }
            svg.chart text { font: 12px ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; fill: var(--fg); }
            svg.chart rect.bar { fill: var(--bar); }
            svg.chart rect.refused { fill: var(--refused); }
            footer { margin-top: 36px; color: var(--muted); font-size: 12px; }
            """;

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
        Out b = new Out(out);
        try {
            b.append(head("prezip report: " + report.projectId() + " (" + report.status() + ")"));
            body(b, report, manifest);
            b.append(FOOT).flush();
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
    private static void body(Out b, StagerReport report, ZipManifest manifest) {
        StagerReport.Totals totals = report.totals();
        b.append("<h1>prezip report <span class=\"muted\">for</span> <span id=\"project-id\">")
                .append(escape(report.projectId())).append("</span></h1>\n");
        b.append("<p class=\"meta\">").append(badge("status", report.status())).append(" &middot; <span id=\"mode\">")
                .append(escape(report.mode())).append("</span>");
        if (report.policy() != null) {
            b.append(" &middot; policy <span id=\"policy-name\">").append(escape(report.policy().name())).append("</span>");
        }
        if (report.companionMode() != null) {
            b.append(" &middot; companions <span id=\"companion-mode\">").append(escape(report.companionMode())).append("</span>");
        }
        b.append("</p>\n");
        b.append("<dl class=\"kv\"><dt>Content folder</dt><dd><code id=\"content-dir\">").append(escape(report.contentDir()))
                .append("</code></dd><dt>Output zip</dt><dd><code id=\"output-zip\">").append(escape(report.outputZip()))
                .append("</code></dd></dl>\n");

        trustNotices(b, report);
        if (report.error() != null) {
            b.append("<section class=\"problem ").append(cssClass(report.status())).append("\"><strong>Why the run stopped:</strong> ")
                    .append("<code id=\"error-code\">").append(escape(report.error().code())).append("</code> ")
                    .append("<span id=\"error-message\" class=\"wrap\">").append(escape(report.error().message()))
                    .append("</span></section>\n");
        }

        b.append("<section class=\"cards\">\n");
        card(b, "Eligible files", "eligible-files", totals.eligibleFiles(), null);
        card(b, "Eligible bytes", "eligible-bytes", totals.eligibleBytes(), Bytes.human(totals.eligibleBytes()));
        card(b, "Excluded files", "excluded-total", report.excluded().size(), null);
        if (manifest != null) {
            card(b, "Zip size", "zip-bytes", manifest.zipBytes(), Bytes.human(manifest.zipBytes()));
        }
        b.append("</section>\n");

        String fullList = fullListIn(report);
        zipSection(b, report, manifest);
        extensionSection(b, totals);
        eligibleList(b, report, fullList);
        excludedSection(b, report, fullList);
        companionSection(b, report, fullList);
        secretsSection(b, report, fullList);
        provenanceSection(b, report.run());
        if (manifest != null) {
            policySection(b, manifest);
        }
    }

    /**
     * At the top, what an auditor must not miss behind a green status: files --allow-unknown left out
     * that would otherwise have refused the run, and a run whose content was not scanned.
     */
    private static void trustNotices(Out b, StagerReport report) {
        if (report.leftOutByAllowUnknown() != null) {
            b.append("<section class=\"problem refused\" id=\"allow-unknown\"><strong>--allow-unknown:</strong> ")
                    .append(countElement("span", "left-out-by-allow-unknown", null, report.leftOutByAllowUnknown()))
                    .append(" file(s) were left out that would otherwise have refused the run (see Excluded files).</section>\n");
        }
        if (!Boolean.TRUE.equals(report.contentScanned())) {
            b.append("<section class=\"problem refused\" id=\"content-not-scanned\"><strong>Content not scanned:</strong> ")
                    .append(escape(report.notScannedBecause())).append("; credentials inside them were not looked for.</section>\n");
        }
    }

    /** Every credential finding: where, which rule, a redacted preview and the fingerprint; never the secret. */
    private static void secretsSection(Out b, StagerReport report, String fullList) {
        if (report.secrets() == null || report.secrets().isEmpty()) {
            return;
        }
        b.append("<h2>Credentials in content <span class=\"count\">(").append(Counts.number(report.secrets().size()))
                .append(")</span></h2>\n");
        Frame table = new Frame("<table class=\"secrets\"><thead><tr><th>where</th><th>rule</th><th>starts</th>"
                + "<th>fingerprint</th><th>verdict</th></tr></thead><tbody>\n", "</tbody></table>\n");
        b.append("<section id=\"secrets\">\n");
        folded(b, table, report.secrets(), "findings", fullList, (out, finding) -> out.append("<tr><td><code class=\"wrap\">")
                .append(escape(Printable.of(finding.location()))).append("</code></td><td><code>").append(escape(finding.rule()))
                .append("</code></td><td><code>").append(escape(finding.preview())).append("</code></td><td><code class=\"wrap\">")
                .append(escape(finding.fingerprint())).append("</code></td><td>")
                .append(badge(null, finding.approved() ? "approved" : StagerReport.REFUSED)).append("</td></tr>\n"));
        b.append("</section>\n");
    }

    /** How the run was made: when, by whom, where, with what, and the inputs that decided it. */
    private static void provenanceSection(Out b, RunRecord run) {
        if (run == null) {
            return;
        }
        b.append("<h2>Provenance</h2>\n<dl class=\"kv\" id=\"provenance\">");
        kv(b, "started", "run-started", run.startedAt());
        kv(b, "ended", "run-ended", run.endedAt() + " (" + Counts.number(run.durationMs()) + " ms)");
        kv(b, "by", "run-user", run.user() + " on " + run.host());
        kv(b, "toolkit", "run-toolkit", "prezip " + run.toolkitVersion() + ", " + run.jvm());
        kv(b, "arguments", "run-arguments", String.join(" ", run.arguments()));
        kv(b, "allow-unknown", "run-allow-unknown", String.valueOf(run.allowUnknown()));
        kv(b, "content scanned", "run-content-scanned", String.valueOf(run.contentScanned()));
        for (RunRecord.Input input : run.inputs()) {
            kv(b, input.role(), "run-input-" + input.role().replace('_', '-'), input.path()
                    + (input.sha256() == null ? " (absent)" : " sha256 " + input.sha256())
                    + (input.snapshotAt() == null ? "" : ", snapshot " + input.snapshotAt()));
        }
        b.append("</dl>\n");
    }

    /**
     * Page text on its way to a stream, appended like a StringBuilder and written out every
     * {@link #FLUSH_CHARS}. Only whole appended strings are flushed, so a surrogate pair is never split.
     */
    private static final class Out {
        private static final int FLUSH_CHARS = 1 << 16;
        private final StringBuilder text = new StringBuilder(FLUSH_CHARS * 2);
        private final OutputStream out;

        Out(OutputStream out) {
            this.out = out;
        }

        Out append(String s) {
            text.append(s);
            return spill();
        }

        Out append(char c) {
            text.append(c);
            return spill();
        }

        /** Numbers (an int widens to this); deliberately no append(Object), so nothing prints as a toString by accident. */
        Out append(long n) {
            text.append(n);
            return spill();
        }

        private Out spill() {
            return text.length() >= FLUSH_CHARS ? flush() : this;
        }

        Out flush() {
            try {
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            text.setLength(0);
            return this;
        }
    }

    private static void zipSection(Out b, StagerReport report, ZipManifest manifest) {
        b.append("<h2>Zip</h2>\n");
        if (manifest == null) {
            String why = StagerReport.DRY_RUN.equals(report.mode())
                    ? "This was a dry-run: nothing was packed."
                    : "The commit did not complete (" + report.status() + "): no zip was written, and any zip already at the output path was left untouched.";
            b.append("<p id=\"no-zip\">").append(escape(why)).append("</p>\n");
            return;
        }
        b.append("<dl class=\"kv\">")
                .append("<dt>sha256</dt><dd><code id=\"zip-sha256\">").append(escape(manifest.zipSha256())).append("</code></dd>")
                .append("<dt>size</dt><dd>").append(escape(Bytes.human(manifest.zipBytes()))).append(" <span class=\"muted\">(")
                .append(Counts.number(manifest.zipBytes())).append(" bytes)</span></dd>")
                .append("<dt>entries</dt>").append(countElement("dd", "zip-entries", null, manifest.entries().size()));
        if (manifest.policy() != null) {
            b.append("<dt>preset</dt><dd>").append(escape(manifest.policy().name())).append(" <span class=\"muted mono\">sha256 ")
                    .append(escape(manifest.policy().sha256())).append("</span></dd>");
        }
        b.append("</dl>\n");
    }

    private static void extensionSection(Out b, StagerReport.Totals totals) {
        b.append("<h2>Eligible bytes by extension</h2>\n");
        if (totals.byExtension().isEmpty()) {
            b.append("<p>No eligible files.</p>\n");
            return;
        }
        List<Map.Entry<String, StagerReport.ExtensionTotal>> rows = new ArrayList<>(totals.byExtension().entrySet());
        rows.sort(Comparator.comparingLong((Map.Entry<String, StagerReport.ExtensionTotal> e) -> e.getValue().bytes())
                .reversed().thenComparing(Map.Entry::getKey));
        List<Bar> bars = rows.stream().map(e -> new Bar("." + e.getKey(), e.getValue().bytes(),
                Bytes.human(e.getValue().bytes()) + " \u00b7 " + Counts.of(e.getValue().files(), "file", "files"),
                false)).toList();
        b.append(barChart("Eligible bytes by extension", "chart-extensions", bars));
        b.append("<table class=\"narrow\" id=\"by-extension\"><thead><tr><th>extension</th><th class=\"num\">files</th><th class=\"num\">bytes</th>")
                .append("<th class=\"num\">size</th></tr></thead><tbody>\n");
        for (var e : rows) {
            b.append("<tr><td><code>.").append(escape(e.getKey())).append("</code></td><td class=\"num\">")
                    .append(Counts.number(e.getValue().files())).append("</td><td class=\"num\">").append(Counts.number(e.getValue().bytes()))
                    .append("</td><td class=\"num\">").append(escape(Bytes.human(e.getValue().bytes()))).append("</td></tr>\n");
        }
        b.append("<tr><th>total</th><th class=\"num\">").append(Counts.number(totals.eligibleFiles())).append("</th><th class=\"num\">")
                .append(Counts.number(totals.eligibleBytes())).append("</th><th class=\"num\">").append(escape(Bytes.human(totals.eligibleBytes())))
                .append("</th></tr>\n</tbody></table>\n");
    }

    /**
     * Shipped paths, folded: the chart and table above answer the usual question, this one the auditor's.
     * Only the first {@link #LISTED_ROWS} are written.
     */
    private static void eligibleList(Out b, StagerReport report, String fullList) {
        List<StagerReport.EligibleFile> files = report.eligible();
        if (files.isEmpty()) {
            return;
        }
        int listed = Math.min(files.size(), LISTED_ROWS);
        b.append("<details id=\"eligible-list\" class=\"fold\"><summary>Eligible files by path (").append(Counts.number(files.size()))
                .append(")</summary>\n");
        rows(b, ELIGIBLE_TABLE, files.subList(0, listed), (out, file) -> {
            out.append("<tr><td class=\"wrap\"><code>").append(escape(file.path())).append("</code>");
            if (file.hardLinks() != null) {
                out.append(" <span class=\"detail\">").append(Counts.number(file.hardLinks())).append(" hard links</span>");
            }
            out.append("</td><td class=\"num\">").append(Counts.number(file.bytes())).append("</td></tr>\n");
        });
        notListed(b, files.size() - listed, fullList);
        b.append("</details>\n");
    }

    /**
     * Excluded paths per reason, each group folded after {@link #SHOWN_ROWS}; {@code not_allowed} is
     * summed by extension first, since its paths are many files of a few types.
     */
    private static void excludedSection(Out b, StagerReport report, String fullList) {
        b.append("<h2>Excluded files <span class=\"count\">(").append(Counts.number(report.excluded().size())).append(")</span></h2>\n");
        if (report.excluded().isEmpty()) {
            b.append("<p>Nothing was left out.</p>\n");
            return;
        }
        Map<String, List<StagerReport.ExcludedFile>> byReason = new LinkedHashMap<>();
        for (StagerReport.ExcludedFile file : report.excluded()) {
            byReason.computeIfAbsent(file.reason(), k -> new ArrayList<>()).add(file);
        }
        for (Map.Entry<String, Integer> reason : report.totals().excludedByReason().entrySet()) {
            String id = idPart(reason.getKey());
            List<StagerReport.ExcludedFile> files = byReason.getOrDefault(reason.getKey(), List.of());
            b.append("<section id=\"excluded-").append(id).append("\"><h3><code>").append(escape(reason.getKey()))
                    .append("</code> <span class=\"count\">(").append(countElement("span", "excluded-count-" + id, null, reason.getValue()))
                    .append(")</span></h3>\n");
            if (Reason.NOT_ALLOWED.code().equals(reason.getKey())) {
                folded(b, GROUP_LIST, byExtension(files), "extensions", fullList, (out, group) -> extensionGroup(out, group, fullList));
            } else {
                folded(b, PATH_LIST, files, "paths", fullList, HtmlReport::excludedRow);
            }
            b.append("</section>\n");
        }
    }

    private static void excludedRow(Out b, StagerReport.ExcludedFile file) {
        b.append("<li><code>").append(escape(file.path())).append("</code>");
        if (file.detail() != null) {
            b.append(" <span class=\"detail\">").append(escape(file.detail())).append("</span>");
        }
        b.append("</li>\n");
    }

    /** Files of one extension, as {@code not_allowed} lists them. */
    record ExtensionGroup(String extension, List<StagerReport.ExcludedFile> files) {}

    /** Paths grouped by their extension ({@link Extensions#of}), the largest group first, then by extension. */
    static List<ExtensionGroup> byExtension(List<StagerReport.ExcludedFile> files) {
        Map<String, List<StagerReport.ExcludedFile>> groups = new LinkedHashMap<>();
        for (StagerReport.ExcludedFile file : files) {
            String name = file.path().substring(file.path().lastIndexOf('/') + 1);
            groups.computeIfAbsent(Extensions.of(name).orElse(""), k -> new ArrayList<>()).add(file);
        }
        List<ExtensionGroup> sorted = new ArrayList<>();
        groups.forEach((extension, members) -> sorted.add(new ExtensionGroup(extension, members)));
        sorted.sort(Comparator.comparingInt((ExtensionGroup g) -> g.files().size()).reversed().thenComparing(ExtensionGroup::extension));
        return sorted;
    }

    /** One extension of {@code not_allowed}: ".psd × 3,333", its paths folded (the detail would only repeat the extension). */
    private static void extensionGroup(Out b, ExtensionGroup group, String fullList) {
        int listed = Math.min(group.files().size(), LISTED_PER_EXTENSION);
        b.append("<li><details class=\"fold\"><summary><code>.").append(escape(group.extension())).append("</code> \u00d7 ")
                .append(Counts.number(group.files().size())).append("</summary>\n");
        rows(b, PATH_LIST, group.files().subList(0, listed),
                (out, file) -> out.append("<li><code>").append(escape(file.path())).append("</code></li>\n"));
        notListed(b, group.files().size() - listed, fullList);
        b.append("</details></li>\n");
    }

    /** How a list opens and closes: a {@code <ul>}, or a table with its head. A fold repeats it. */
    private record Frame(String open, String close) {}

    private static final Frame ELIGIBLE_TABLE = new Frame(
            "<table><thead><tr><th>path</th><th class=\"num\">bytes</th></tr></thead><tbody>\n", "</tbody></table>\n");
    private static final Frame PATH_LIST = new Frame("<ul class=\"paths\">\n", "</ul>\n");
    private static final Frame GROUP_LIST = new Frame("<ul class=\"groups\">\n", "</ul>\n");

    /**
     * A list of any length: its first {@link #SHOWN_ROWS} rows open, the next ones up to {@link #LISTED_ROWS}
     * under a fold whose summary counts all the rest, and a line counting those not written at all.
     */
    private static <T> void folded(Out b, Frame frame, List<T> items, String noun, String fullList, BiConsumer<Out, T> row) {
        int shown = Math.min(items.size(), SHOWN_ROWS);
        rows(b, frame, items.subList(0, shown), row);
        if (items.size() == shown) {
            return;
        }
        int listed = Math.min(items.size(), LISTED_ROWS);
        b.append("<details class=\"fold\"><summary>").append(Counts.number(items.size() - shown)).append(" more ").append(noun)
                .append("</summary>\n");
        rows(b, frame, items.subList(shown, listed), row);
        notListed(b, items.size() - listed, fullList);
        b.append("</details>\n");
    }

    private static <T> void rows(Out b, Frame frame, List<T> items, BiConsumer<Out, T> row) {
        if (items.isEmpty()) {
            return;
        }
        b.append(frame.open());
        items.forEach(item -> row.accept(b, item));
        b.append(frame.close());
    }

    /** The line under a list cut at its cap: how many rows the page left out, and where they all are. */
    private static void notListed(Out b, int count, String fullList) {
        if (count > 0) {
            b.append("<p class=\"more\">").append(Counts.number(count)).append(" more not listed on this page: ").append(fullList)
                    .append(" lists every one.</p>\n");
        }
    }

    /** Where the lists this page cuts are whole, as page text: the report beside a commit's zip, or a dry-run's --json. */
    static String fullListIn(StagerReport report) {
        if (StagerReport.DRY_RUN.equals(report.mode())) {
            return "the JSON report (<code>--json</code>)";
        }
        return "<code>" + escape(StagerReport.pathFor(Path.of(report.outputZip())).getFileName().toString()) + "</code>";
    }

    private static void companionSection(Out b, StagerReport report, String fullList) {
        b.append("<h2>Split companions");
        if (report.companionMode() != null) {
            b.append(" <span class=\"count\">(mode ").append(escape(report.companionMode())).append(")</span>");
        }
        b.append("</h2>\n");
        List<Companions.SplitGroup> groups = report.companions() == null ? List.of() : report.companions();
        if (groups.isEmpty()) {
            b.append("<p id=\"companions-none\">No companion group (same folder, same stem) is split between shipped and left-out files.</p>\n");
            return;
        }
        Frame table = new Frame("<table class=\"narrow\"><thead><tr><th>group</th><th>members</th></tr></thead><tbody>\n",
                "</tbody></table>\n");
        b.append("<section id=\"companions\">\n");
        folded(b, table, groups, "groups", fullList, (out, group) -> {
            String name = group.folder().isEmpty() ? group.stem() : group.folder() + "/" + group.stem();
            out.append("<tr><td class=\"wrap\"><code>").append(escape(name)).append("</code></td><td><ul class=\"paths\">");
            for (Companions.Member member : group.members()) {
                out.append("<li><code>").append(escape(member.path())).append("</code> <span class=\"detail\">")
                        .append(escape(member.fate())).append("</span></li>");
            }
            out.append("</ul></td></tr>\n");
        });
        b.append("</section>\n");
    }

    private static void policySection(Out b, ZipManifest manifest) {
        ZipPackagingMetadataV1 m = manifest.metadata();
        b.append("<h2>Packaging policy <span class=\"count\">(manifest metadata)</span></h2>\n<dl class=\"kv\" id=\"policy\">");
        kv(b, "schema_version", "policy-schema-version", String.valueOf(m.schemaVersion()));
        kv(b, "entry_order", "policy-entry-order", m.entryOrder());
        kv(b, "timestamp_policy", "policy-timestamp-policy", m.timestampPolicy());
        kv(b, "fixed_time_utc", "policy-fixed-time-utc", m.fixedTimeUtc());
        kv(b, "permission_policy", "policy-permission-policy", m.permissionPolicy());
        kv(b, "file_mode", "policy-file-mode", m.fileMode());
        kv(b, "deflate_level", "policy-deflate-level", String.valueOf(m.deflateLevel()));
        kv(b, "stored_extensions", "policy-stored-extensions",
                m.storedExtensions() == null ? null : String.join(", ", m.storedExtensions()));
        ZipPackagingMetadataV1.Toolchain t = m.toolchain();
        kv(b, "toolchain", "policy-toolchain", t == null ? null : "prezip " + t.toolkitVersion() + ", Java " + t.javaVersion() + " (" + t.javaVendor() + ")");
        b.append("</dl>\n");
    }

    private static void card(Out b, String label, String id, long value, String sub) {
        b.append("<div class=\"card\"><div class=\"label\">").append(escape(label)).append("</div>")
                .append(countElement("div", id, "value", value));
        if (sub != null) {
            b.append("<div class=\"sub\">").append(escape(sub)).append("</div>");
        }
        b.append("</div>\n");
    }

    private static void kv(Out b, String key, String id, String value) {
        b.append("<dt>").append(escape(key)).append("</dt><dd class=\"mono\" id=\"").append(id).append("\">")
                .append(escape(value == null ? "(not recorded)" : value)).append("</dd>");
    }

    /** An element holding a count: grouped for people, the plain number in {@code data-value} for scripts. */
    static String countElement(String tag, String id, String cssClass, long n) {
        return "<" + tag + " id=\"" + id + "\"" + (cssClass == null ? "" : " class=\"" + cssClass + "\"")
                + " data-value=\"" + n + "\">" + Counts.number(n) + "</" + tag + ">";
    }

    /** A status badge; known statuses get their colour, anything else the neutral one. */
    static String badge(String id, String status) {
        return "<span class=\"badge " + cssClass(status) + "\"" + (id == null ? "" : " id=\"" + id + "\"") + ">"
                + escape(status) + "</span>";
    }

    private static String cssClass(String status) {
        return StagerReport.OK.equals(status) || StagerReport.REFUSED.equals(status) || StagerReport.FAILED.equals(status)
                ? status : "other";
    }

    /** One bar of a chart: {@code valueText} is drawn after the bar; {@code alert} draws it in the refusal colour. */
    record Bar(String label, long value, String valueText, boolean alert) {}

    /**
     * A horizontal bar chart as inline SVG: a label column, bars scaled to the largest value, and the
     * value written after each bar. Column widths come from the longest texts, so nothing overlaps.
     */
    static String barChart(String title, String id, List<Bar> bars) {
        long max = bars.stream().mapToLong(Bar::value).max().orElse(0);
        int labelChars = bars.stream().mapToInt(bar -> Math.min(bar.label().length(), MAX_LABEL_CHARS)).max().orElse(0);
        int valueChars = bars.stream().mapToInt(bar -> bar.valueText().length()).max().orElse(0);
        int labelWidth = (int) Math.ceil(labelChars * CHAR_WIDTH) + CHART_PADDING * 2;
        int width = labelWidth + BAR_MAX_WIDTH + CHART_PADDING + (int) Math.ceil(valueChars * CHAR_WIDTH) + CHART_PADDING;
        int height = CHART_PADDING * 2 + bars.size() * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"chart\" id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\"><title>").append(escape(title)).append("</title>\n");
        int y = CHART_PADDING;
        for (Bar bar : bars) {
            // A non-zero value always gets a visible sliver, so a tiny extension is not mistaken for none.
            long barWidth = max == 0 ? 0 : Math.max(bar.value() == 0 ? 0 : 2, Math.round((double) bar.value() / max * BAR_MAX_WIDTH));
            int textY = y + BAR_HEIGHT / 2 + 4;
            String label = bar.label().length() > MAX_LABEL_CHARS
                    ? bar.label().substring(0, MAX_LABEL_CHARS - 1) + ELLIPSIS : bar.label();
            b.append("<g><title>").append(escape(bar.label() + ": " + bar.valueText())).append("</title>")
                    .append("<text x=\"").append(labelWidth - CHART_PADDING).append("\" y=\"").append(textY)
                    .append("\" text-anchor=\"end\">").append(escape(label)).append("</text>")
                    .append("<rect class=\"").append(bar.alert() ? "refused" : "bar").append("\" x=\"").append(labelWidth)
                    .append("\" y=\"").append(y).append("\" width=\"").append(barWidth).append("\" height=\"").append(BAR_HEIGHT)
                    .append("\" rx=\"3\"/>")
                    .append("<text x=\"").append(labelWidth + barWidth + CHART_PADDING).append("\" y=\"").append(textY).append("\">")
                    .append(escape(bar.valueText())).append("</text></g>\n");
            y += BAR_HEIGHT + BAR_GAP;
        }
        return b.append("</svg>\n").toString();
    }

    /** The page around a body: UTF-8, the shared style sheet, nothing loaded from anywhere else. */
    static String page(String title, String body) {
        return head(title) + body + FOOT;
    }

    private static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"generator\" content=\"prezip " + escape(Toolkit.VERSION) + "\">\n"
                + "<title>" + escape(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n<main>\n";
    }

    private static final String FOOT = "<footer>Written by prezip " + escape(Toolkit.VERSION)
            + ". A self-contained page: no scripts, nothing loaded from elsewhere.</footer>\n"
            + "</main>\n</body>\n</html>\n";

    /**
     * Text for HTML element content and attribute values. The five markup characters become entities;
     * control and bidi characters are shown as {@code \\uXXXX} (as in the terminal summary), so a name
     * cannot reorder or hide what the page says.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        String visible = Printable.of(text);
        StringBuilder out = new StringBuilder(visible.length() + 16);
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A data text made safe for an id attribute: anything but {@code [a-z0-9_-]} becomes {@code _}. */
    static String idPart(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
    }
}
