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

/**
 * The dashboard: DATA/dashboard/summary.jsonl (one line per commit attempt, see {@link DashboardLog})
 * rendered into one self-contained HTML page, plus the same numbers as a JSON summary. The log is
 * append-only and hand-editable, so a line that does not parse is skipped and counted, never fatal.
 * The page is a snapshot: it says when it was rendered and when its newest run was, and links each
 * report by a path relative to its own folder, so the tree of page and reports can move as one.
 * This class reads the log and counts it; the page's parts are {@link DashboardOverviewSection},
 * {@link RefusalSection} and {@link ProjectRunsSection}, in the shell both pages share ({@link HtmlPage}).
 */
public final class DashboardPage {
    /** Bumped when a field of the JSON summary changes meaning or goes away. */
    static final int SCHEMA_VERSION = 1;
    static final String DEFAULT_PAGE_NAME = "index.html";
    /** A prefix long enough to tell zips apart by eye; the full digest is in the tooltip. */
    public static final int SHORT_SHA_CHARS = 12;
    /** Days shown in the refusal timeline (the most recent days that had runs). */
    static final int MAX_DAYS = 30;
    /** Times to the second, in UTC and saying so (the log's own precision is in a run's tooltip). */
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
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

    /**
     * One valid line of the log; {@code order} is its position, the tie-break between equal times.
     *
     * @param errorCode the attempt's error code (lines written before it was logged have none)
     */
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
        StringBuilder b = new StringBuilder();
        List<Run> runs = log.runs();
        DashboardOverviewSection.header(b, log, generatedAt);
        if (runs.isEmpty()) {
            DashboardOverviewSection.noRuns(b, log);
            return HtmlPage.page("prezip dashboard (no runs yet)", b.toString());
        }
        Map<String, List<Run>> projects = byProject(runs);
        DashboardOverviewSection.cards(b, runs.size(), projects.size(), byStatus(runs));
        RefusalSection.write(b, refusalsByDay(runs));
        ProjectRunsSection.write(b, projects, page.toAbsolutePath().normalize().getParent());
        return HtmlPage.page("prezip dashboard", b.toString());
    }
}
