package report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import text.Bytes;
import text.Counts;

/**
 * The dashboard's recent runs, a table per project (projects and runs newest first), each run's zip
 * linked to its HTML report where that report is still the run's own.
 */
final class ProjectRunsSection {
    /** Enough history to see a trend per project without burying the other projects. */
    static final int RECENT_RUNS_PER_PROJECT = 10;
    /** Column widths of the per-project run tables, fixed so every project's columns line up. */
    static final String RUN_COLUMNS = "<colgroup><col style=\"width:19%\"><col style=\"width:11%\"><col style=\"width:12%\">"
            + "<col style=\"width:12%\"><col style=\"width:10%\"><col style=\"width:15%\"><col style=\"width:21%\"></colgroup>";
    /** Bytes of a link's path written as they are; every other byte is percent-encoded (RFC 3986's unreserved set). */
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private ProjectRunsSection() {}

    /**
     * @param projects as {@link DashboardPage#byProject} groups them
     * @param folder the page's folder: what report links are relative to
     */
    static void write(StringBuilder b, Map<String, List<DashboardPage.Run>> projects, Path folder) {
        b.append("<h2>Recent runs per project</h2>\n");
        Set<Integer> latestPerZip = latestPerZip(projects.values().stream().flatMap(List::stream).toList());
        for (Map.Entry<String, List<DashboardPage.Run>> project : projects.entrySet()) {
            project(b, project.getKey(), project.getValue(), latestPerZip, folder);
        }
    }

    /**
     * The newest run of each output zip, by {@link DashboardPage.Run#order}: each attempt overwrites the HTML report
     * beside its zip, so only that run's row may link to it.
     */
    static Set<Integer> latestPerZip(List<DashboardPage.Run> runs) {
        Map<String, Integer> latest = new LinkedHashMap<>();
        runs.stream().sorted(DashboardPage.NEWEST_FIRST).filter(r -> r.outputZip() != null)
                .forEach(r -> latest.putIfAbsent(r.outputZip(), r.order()));
        return Set.copyOf(latest.values());
    }

    private static void project(StringBuilder b, String projectId, List<DashboardPage.Run> runs, Set<Integer> latestPerZip, Path folder) {
        DashboardPage.Run last = runs.get(0);
        String id = Html.idPart(projectId);
        b.append("<section class=\"project\" id=\"project-").append(id).append("\"><h3><code>").append(Html.escape(projectId))
                .append("</code> ").append(Html.badge(null, last.status())).append(" <span class=\"count\">")
                .append(Counts.of(runs.size(), "run", "runs"));
        DashboardPage.byStatus(runs).forEach((status, n) -> b.append(" &middot; ").append(Counts.number(n)).append(' ').append(Html.escape(status)));
        b.append("</span></h3>\n<table class=\"runs\">").append(RUN_COLUMNS).append("<thead><tr><th>when (UTC)</th><th>status</th><th class=\"num\">eligible files</th>")
                .append("<th class=\"num\">eligible bytes</th><th class=\"num\">excluded</th><th>zip sha256</th><th>zip</th></tr></thead><tbody>\n");
        for (DashboardPage.Run run : runs.subList(0, Math.min(runs.size(), RECENT_RUNS_PER_PROJECT))) {
            run(b, run, latestPerZip.contains(run.order()), folder);
        }
        b.append("</tbody></table>\n");
        if (runs.size() > RECENT_RUNS_PER_PROJECT) {
            b.append("<p class=\"muted\">").append(Counts.number(runs.size() - RECENT_RUNS_PER_PROJECT)).append(" older run(s) not shown.</p>\n");
        }
        b.append("</section>\n");
    }

    private static void run(StringBuilder b, DashboardPage.Run run, boolean latestOfZip, Path folder) {
        b.append("<tr><td class=\"mono\" title=\"").append(Html.escape(run.at().toString())).append("\">")
                .append(Html.escape(DashboardPage.WHEN.format(run.at()))).append("</td><td>")
                .append(Html.badge(null, run.status())).append("</td><td class=\"num\">").append(Counts.number(run.eligibleFiles()))
                .append("</td><td class=\"num\" title=\"").append(Counts.number(run.eligibleBytes())).append(" bytes\">")
                .append(Html.escape(Bytes.human(run.eligibleBytes()))).append("</td><td class=\"num\" title=\"")
                .append(Html.escape(run.excludedByReason().entrySet().stream()
                        .map(e -> e.getKey() + " " + Counts.number(e.getValue())).collect(Collectors.joining(", "))))
                .append("\">").append(Counts.number(run.excludedFiles())).append("</td><td>");
        if (run.zipSha256() == null) {
            b.append("<span class=\"muted\">none</span>");
        } else {
            b.append("<code title=\"").append(Html.escape(run.zipSha256())).append("\">")
                    .append(Html.escape(shortSha(run.zipSha256()))).append("</code>");
        }
        b.append("</td><td class=\"wrap\">").append(zipCell(run, latestOfZip, folder)).append("</td></tr>\n");
    }

    static String shortSha(String sha) {
        return sha.length() <= DashboardPage.SHORT_SHA_CHARS ? sha : sha.substring(0, DashboardPage.SHORT_SHA_CHARS);
    }

    /**
     * The zip's name, linked to its HTML report when that report is this run's and on this machine. The
     * link is relative to the page's folder: moving or copying the folder that holds both keeps it working.
     */
    private static String zipCell(DashboardPage.Run run, boolean latestOfZip, Path folder) {
        if (run.outputZip() == null) {
            return "<span class=\"muted\">unknown</span>";
        }
        String name = run.outputZip();
        try {
            Path zip = Path.of(run.outputZip());
            if (zip.getFileName() != null) {
                name = zip.getFileName().toString();
            }
            Path report = HtmlReport.pathFor(zip).normalize();
            if (latestOfZip && zip.isAbsolute() && Files.isRegularFile(report)) {
                return "<a href=\"" + Html.escape(href(folder.relativize(report))) + "\" title=\""
                        + Html.escape(report.toString()) + "\"><code>" + Html.escape(name) + "</code></a>";
            }
        } catch (InvalidPathException e) {
            // Not a path on this system (a line written elsewhere): shown as text.
        }
        return "<code title=\"" + Html.escape(run.outputZip()) + "\">" + Html.escape(name) + "</code>";
    }

    /** A relative path as a URL path: names joined by "/", each one's UTF-8 bytes percent-encoded but for the unreserved ones. */
    static String href(Path relative) {
        StringBuilder b = new StringBuilder();
        for (Path name : relative) {
            if (!b.isEmpty()) {
                b.append('/');
            }
            for (byte x : name.toString().getBytes(StandardCharsets.UTF_8)) {
                int c = x & 0xff;
                if (UNRESERVED.indexOf(c) >= 0) {
                    b.append((char) c);
                } else {
                    b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
                }
            }
        }
        return b.toString();
    }
}
