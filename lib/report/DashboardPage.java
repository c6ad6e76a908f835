package report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import datadir.DataDir;
import errors.ErrorCode;
import errors.IoErrors;
import io.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import json.Json;
import policy.Reason;
import text.Bytes;
import text.Counts;

/**
 * The dashboard: DATA/dashboard/summary.jsonl (one line per commit attempt, see {@link DashboardLog})
 * rendered into one self-contained HTML page, plus the same numbers as a JSON summary. The log is
 * append-only and hand-editable, so a line that does not parse is skipped and counted, never fatal.
 * The page is a snapshot: it says when it was rendered and when its newest run was, and links each
 * report by a path relative to its own folder, so the tree of page and reports can move as one.
 */
public final class DashboardPage {
    /** Bumped when a field of the JSON summary changes meaning or goes away. */
    static final int SCHEMA_VERSION = 1;
    static final String DEFAULT_PAGE_NAME = "index.html";
    /** Enough history to see a trend per project without burying the other projects. */
    static final int RECENT_RUNS_PER_PROJECT = 10;
    /** A prefix long enough to tell zips apart by eye; the full digest is in the tooltip. */
    public static final int SHORT_SHA_CHARS = 12;
    /** Days shown in the refusal timeline (the most recent days that had runs). */
    static final int MAX_DAYS = 30;
    /** Width of the largest per-day bar. */
    static final int DAY_BAR_WIDTH = 140;
    static final int DAY_BAR_HEIGHT = 12;
    /** Status cards in the order an operator scans them; statuses written by other versions follow. */
    static final List<String> STATUS_ORDER = List.of(StagerReport.OK, StagerReport.REFUSED, StagerReport.FAILED);
    /** Times to the second, in UTC and saying so (the log's own precision is in a run's tooltip). */
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** Bytes of a link's path written as they are; every other byte is percent-encoded (RFC 3986's unreserved set). */
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    /** Column widths of the per-project run tables, fixed so every project's columns line up. */
    static final String RUN_COLUMNS = "<colgroup><col style=\"width:19%\"><col style=\"width:11%\"><col style=\"width:12%\">"
            + "<col style=\"width:12%\"><col style=\"width:10%\"><col style=\"width:15%\"><col style=\"width:21%\"></colgroup>";
    /** A refused run logged without an error code that left out no file of a refusing reason. */
    static final String OTHER_REASON = "other";

    /**
     * The reasons that can refuse a run. Hidden files never do, so they say nothing about a refusal.
     * A run refused with PZ_REFUSED (or logged before lines carried the code) is attributed to every
     * refusing reason it left files out for; any other refusal is counted under its error code.
     */
    static final Set<String> REFUSING_REASONS = Arrays.stream(Reason.values())
            .filter(r -> r.refuses(false)).map(Reason::code).collect(Collectors.toCollection(TreeSet::new));

    /** One JSON value per line and nothing after it: "{...} junk" is a torn or hand-mangled line. */
    private static final ObjectReader LINE_READER = Json.MAPPER.readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private DashboardPage() {}

    /** One valid line of the log; {@code order} is its position, the tie-break between equal times. */
    /** @param errorCode the attempt's error code (lines written before it was logged have none) */
    record Run(Instant at, String projectId, String status, int eligibleFiles, long eligibleBytes,
               Map<String, Integer> excludedByReason, String zipSha256, String outputZip, String errorCode, int order) {

        int excludedFiles() {
            return excludedByReason.values().stream().mapToInt(Integer::intValue).sum();
        }

        LocalDate day() {
            return LocalDate.ofInstant(at, ZoneOffset.UTC);
        }
    }

    /** What the log held: the valid runs in file order, and how many non-blank lines were not valid. */
    public record Log(Path file, boolean exists, List<Run> runs, int malformedLines) {}

    /** The JSON summary printed by {@code dashboard --json}. */
    record Summary(int schemaVersion, String summaryFile, String page, int runs, int malformedLines,
                   Map<String, ProjectSummary> projects, Map<String, Integer> byStatus,
                   Map<String, DayRefusals> refusalsByDay) {}

    record ProjectSummary(int runs, Map<String, Integer> byStatus, String lastAt, String lastStatus, String lastZipSha256) {}

    /** @param byReason refused runs that left out files of each refusing reason (a run may count under several) */
    record DayRefusals(int runs, int refusedRuns, Map<String, Integer> byReason) {}

    /**
     * The largest log a commit renders the page from after its line (about 30,000 runs): each commit
     * reads the whole log, so past this a commit leaves the page to {@code dashboard} and says so.
     */
    public static final long REFRESH_MAX_LOG_BYTES = 8L << 20;

    public static Path defaultPath(DataDir data) {
        return data.dashboardSummaryFile().resolveSibling(DEFAULT_PAGE_NAME);
    }

    public static Log read(Path file) {
        List<Run> runs = new ArrayList<>();
        int malformed = 0;
        // InputStreamReader replaces undecodable bytes instead of throwing: a torn line is just malformed.
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Run run = parse(line, runs.size());
                if (run == null) {
                    malformed++;
                } else {
                    runs.add(run);
                }
            }
        } catch (NoSuchFileException e) {
            return new Log(file, false, List.of(), 0);
        } catch (IOException e) {
            throw IoErrors.toPrezip(e, "reading the dashboard summary", file);
        }
        return new Log(file, true, List.copyOf(runs), malformed);
    }

    /** The run a line describes, or null when the line is not one the dashboard hook could have written. */
    static Run parse(String line, int order) {
        JsonNode node;
        try {
            node = LINE_READER.readValue(line);
        } catch (IOException e) {
            return null;
        }
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode at = node.get("at");
        JsonNode projectId = node.get("projectId");
        JsonNode status = node.get("status");
        JsonNode files = node.get("eligibleFiles");
        JsonNode bytes = node.get("eligibleBytes");
        if (!isText(at) || !isText(projectId) || !isText(status) || files == null || !files.canConvertToInt()
                || !files.isIntegralNumber() || files.intValue() < 0 || bytes == null || !bytes.isIntegralNumber()
                || !bytes.canConvertToLong() || bytes.longValue() < 0) {
            return null;
        }
        Instant time;
        try {
            time = Instant.parse(at.textValue());
        } catch (DateTimeParseException e) {
            return null;
        }
        Map<String, Integer> excluded = new TreeMap<>();
        JsonNode reasons = node.get("excludedByReason");
        if (reasons != null && !reasons.isNull()) {
            if (!reasons.isObject()) {
                return null;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = reasons.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isIntegralNumber() || !e.getValue().canConvertToInt() || e.getValue().intValue() < 0) {
                    return null;
                }
                excluded.put(e.getKey(), e.getValue().intValue());
            }
        }
        JsonNode sha = node.get("zipSha256");
        JsonNode zip = node.get("outputZip");
        JsonNode code = node.get("errorCode");
        return new Run(time, projectId.textValue(), status.textValue(), files.intValue(), bytes.longValue(), excluded,
                isText(sha) ? sha.textValue() : null, isText(zip) ? zip.textValue() : null,
                isText(code) ? code.textValue() : null, order);
    }

    private static boolean isText(JsonNode node) {
        return node != null && node.isTextual() && !node.textValue().isBlank();
    }

    /** Newest first; runs logged in the same instant keep their file order, the later line first. */
    static final Comparator<Run> NEWEST_FIRST = Comparator.<Run, Instant>comparing(Run::at).thenComparingInt(Run::order).reversed();

    /** Runs grouped by project, projects ordered by their newest run, each project's runs newest first. */
    public static Map<String, List<Run>> byProject(List<Run> runs) {
        Map<String, List<Run>> grouped = new LinkedHashMap<>();
        runs.stream().sorted(NEWEST_FIRST).forEach(r -> grouped.computeIfAbsent(r.projectId(), k -> new ArrayList<>()).add(r));
        return grouped;
    }

    static Map<String, Integer> byStatus(List<Run> runs) {
        Map<String, Integer> counts = new TreeMap<>();
        runs.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts;
    }

    /** Per UTC day, newest first, at most {@link #MAX_DAYS} days: runs, refused runs, and the reasons behind them. */
    static Map<String, DayRefusals> refusalsByDay(List<Run> runs) {
        TreeMap<LocalDate, List<Run>> days = new TreeMap<>(Comparator.reverseOrder());
        runs.forEach(r -> days.computeIfAbsent(r.day(), k -> new ArrayList<>()).add(r));
        Map<String, DayRefusals> result = new LinkedHashMap<>();
        for (Map.Entry<LocalDate, List<Run>> day : days.entrySet()) {
            if (result.size() == MAX_DAYS) {
                break;
            }
            int refused = 0;
            Map<String, Integer> reasons = new TreeMap<>();
            for (Run run : day.getValue()) {
                if (!StagerReport.REFUSED.equals(run.status())) {
                    continue;
                }
                refused++;
                if (run.errorCode() != null && !ErrorCode.PZ_REFUSED.name().equals(run.errorCode())) {
                    // Refused for a cause other than files that may not ship: the code says which.
                    reasons.merge(run.errorCode(), 1, Integer::sum);
                    continue;
                }
                boolean attributed = false;
                for (Map.Entry<String, Integer> e : run.excludedByReason().entrySet()) {
                    if (REFUSING_REASONS.contains(e.getKey()) && e.getValue() > 0) {
                        reasons.merge(e.getKey(), 1, Integer::sum);
                        attributed = true;
                    }
                }
                if (!attributed) {
                    reasons.merge(OTHER_REASON, 1, Integer::sum);
                }
            }
            result.put(day.getKey().toString(), new DayRefusals(day.getValue().size(), refused, reasons));
        }
        return result;
    }

    public static Summary summary(Log log, Path page) {
        Map<String, ProjectSummary> projects = new TreeMap<>();
        byProject(log.runs()).forEach((id, runs) -> {
            Run last = runs.get(0);
            projects.put(id, new ProjectSummary(runs.size(), byStatus(runs), last.at().toString(), last.status(), last.zipSha256()));
        });
        return new Summary(SCHEMA_VERSION, log.file().toString(), page == null ? null : page.toString(), log.runs().size(),
                log.malformedLines(), projects, byStatus(log.runs()), refusalsByDay(log.runs()));
    }

    /** Renders the log into the page at {@code page}, replacing it atomically, so a reader never sees half a page. */
    public static void write(Log log, Path page, Instant generatedAt) {
        AtomicFiles.write(page, render(log, page, generatedAt).getBytes(StandardCharsets.UTF_8));
    }

    /** @param page where the page will be: its folder is what report links are relative to */
    static String render(Log log, Path page, Instant generatedAt) {
        Path folder = page.toAbsolutePath().normalize().getParent();
        StringBuilder b = new StringBuilder();
        List<Run> runs = log.runs();
        Map<String, List<Run>> projects = byProject(runs);
        b.append("<h1>prezip dashboard</h1>\n<p class=\"meta\">From <code id=\"summary-file\">").append(Html.escape(log.file().toString()))
                .append("</code> &middot; rendered <span id=\"generated-at\" title=\"").append(Html.escape(generatedAt.toString()))
                .append("\">").append(Html.escape(WHEN.format(generatedAt))).append("</span>");
        if (!runs.isEmpty()) {
            Instant newest = runs.stream().map(Run::at).max(Comparator.naturalOrder()).orElseThrow();
            b.append(" &middot; newest run <span id=\"newest-run\">").append(Html.escape(WHEN.format(newest))).append("</span>");
        }
        b.append("</p>\n<p class=\"muted\" id=\"snapshot\">A snapshot of the log when it was rendered: runs logged since are not on it"
                + " until <code>dashboard</code> renders it again.</p>\n");
        if (log.malformedLines() > 0) {
            b.append("<section class=\"problem refused\">").append(Html.countElement("span", "malformed-lines", null, log.malformedLines()))
                    .append(" malformed line(s) skipped: they are not lines the commit hook writes.</section>\n");
        }
        if (runs.isEmpty()) {
            b.append("<p id=\"no-runs\">No runs yet: ")
                    .append(Html.escape(log.exists() ? "the summary holds no valid line." : "the summary file does not exist."))
                    .append(" Every <code>prezip_stager --commit</code> (ok, refused or failed) adds one line.</p>\n");
            return HtmlPage.page("prezip dashboard (no runs yet)", b.toString());
        }

        b.append("<section class=\"cards\">\n");
        card(b, "Runs", "total-runs", runs.size());
        card(b, "Projects", "project-count", projects.size());
        Map<String, Integer> statuses = byStatus(runs);
        List<String> order = new ArrayList<>(STATUS_ORDER);
        statuses.keySet().stream().filter(k -> !STATUS_ORDER.contains(k)).forEach(order::add);
        for (String status : order) {
            card(b, status, "status-count-" + Html.idPart(status), statuses.getOrDefault(status, 0));
        }
        b.append("</section>\n");

        refusalSection(b, refusalsByDay(runs));

        b.append("<h2>Recent runs per project</h2>\n");
        Set<Integer> latestPerZip = latestPerZip(runs);
        for (Map.Entry<String, List<Run>> project : projects.entrySet()) {
            projectSection(b, project.getKey(), project.getValue(), latestPerZip, folder);
        }
        return HtmlPage.page("prezip dashboard", b.toString());
    }

    private static void card(StringBuilder b, String label, String id, int value) {
        b.append("<div class=\"card\"><div class=\"label\">").append(Html.escape(label)).append("</div>")
                .append(Html.countElement("div", id, "value", value)).append("</div>\n");
    }

    private static void refusalSection(StringBuilder b, Map<String, DayRefusals> days) {
        b.append("<h2>Refusals by reason over time <span class=\"count\">(UTC days, newest first)</span></h2>\n");
        Set<String> reasons = new TreeSet<>();
        days.values().forEach(d -> reasons.addAll(d.byReason().keySet()));
        int maxRefused = days.values().stream().mapToInt(DayRefusals::refusedRuns).max().orElse(0);
        b.append("<p class=\"muted\">A reason's column counts the refused runs that left out files for that reason (a run can count under several; <code>")
                .append(OTHER_REASON).append("</code>: refused for another cause; <code>PZ_*</code> columns count refusals by their error code, such as split companions).</p>\n");
        b.append("<table id=\"refusals\"><thead><tr><th>day</th><th class=\"num\">runs</th><th class=\"num\">refused</th><th></th>");
        reasons.forEach(r -> b.append("<th class=\"num\"><code>").append(Html.escape(r)).append("</code></th>"));
        b.append("</tr></thead><tbody>\n");
        for (Map.Entry<String, DayRefusals> day : days.entrySet()) {
            DayRefusals d = day.getValue();
            String id = Html.idPart(day.getKey());
            int width = maxRefused == 0 ? 0 : Math.max(d.refusedRuns() == 0 ? 0 : 2, d.refusedRuns() * DAY_BAR_WIDTH / maxRefused);
            b.append("<tr><td class=\"mono\">").append(Html.escape(day.getKey())).append("</td>")
                    .append(Html.countElement("td", "day-runs-" + id, "num", d.runs()))
                    .append(Html.countElement("td", "day-refused-" + id, "num", d.refusedRuns()))
                    .append("<td><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                    .append(DAY_BAR_WIDTH).append("\" height=\"").append(DAY_BAR_HEIGHT).append("\"><title>")
                    .append(Counts.number(d.refusedRuns())).append(" of ").append(Counts.number(d.runs())).append(" run(s) refused</title><rect x=\"0\" y=\"0\" width=\"")
                    .append(DAY_BAR_WIDTH).append("\" height=\"").append(DAY_BAR_HEIGHT).append("\" fill=\"#eaeef2\" rx=\"2\"/>")
                    .append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(DAY_BAR_HEIGHT)
                    .append("\" fill=\"#bc4c00\" rx=\"2\"/></svg></td>");
            for (String reason : reasons) {
                Integer n = d.byReason().get(reason);
                b.append("<td class=\"num\">").append(n == null ? "<span class=\"muted\">&middot;</span>" : Counts.number(n)).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    /**
     * The newest run of each output zip, by {@link Run#order}: each attempt overwrites the HTML report
     * beside its zip, so only that run's row may link to it.
     */
    static Set<Integer> latestPerZip(List<Run> runs) {
        Map<String, Integer> latest = new LinkedHashMap<>();
        runs.stream().sorted(NEWEST_FIRST).filter(r -> r.outputZip() != null)
                .forEach(r -> latest.putIfAbsent(r.outputZip(), r.order()));
        return Set.copyOf(latest.values());
    }

    private static void projectSection(StringBuilder b, String projectId, List<Run> runs, Set<Integer> latestPerZip, Path folder) {
        Run last = runs.get(0);
        String id = Html.idPart(projectId);
        b.append("<section class=\"project\" id=\"project-").append(id).append("\"><h3><code>").append(Html.escape(projectId))
                .append("</code> ").append(Html.badge(null, last.status())).append(" <span class=\"count\">")
                .append(Counts.of(runs.size(), "run", "runs"));
        byStatus(runs).forEach((status, n) -> b.append(" &middot; ").append(Counts.number(n)).append(' ').append(Html.escape(status)));
        b.append("</span></h3>\n<table class=\"runs\">").append(RUN_COLUMNS).append("<thead><tr><th>when (UTC)</th><th>status</th><th class=\"num\">eligible files</th>")
                .append("<th class=\"num\">eligible bytes</th><th class=\"num\">excluded</th><th>zip sha256</th><th>zip</th></tr></thead><tbody>\n");
        for (Run run : runs.subList(0, Math.min(runs.size(), RECENT_RUNS_PER_PROJECT))) {
            b.append("<tr><td class=\"mono\" title=\"").append(Html.escape(run.at().toString())).append("\">")
                    .append(Html.escape(WHEN.format(run.at()))).append("</td><td>")
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
            b.append("</td><td class=\"wrap\">").append(zipCell(run, latestPerZip.contains(run.order()), folder)).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
        if (runs.size() > RECENT_RUNS_PER_PROJECT) {
            b.append("<p class=\"muted\">").append(Counts.number(runs.size() - RECENT_RUNS_PER_PROJECT)).append(" older run(s) not shown.</p>\n");
        }
        b.append("</section>\n");
    }

    static String shortSha(String sha) {
        return sha.length() <= SHORT_SHA_CHARS ? sha : sha.substring(0, SHORT_SHA_CHARS);
    }

    /**
     * The zip's name, linked to its HTML report when that report is this run's and on this machine. The
     * link is relative to the page's folder: moving or copying the folder that holds both keeps it working.
     */
    private static String zipCell(Run run, boolean latestOfZip, Path folder) {
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
    private static String href(Path relative) {
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
