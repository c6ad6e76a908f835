package report;

import changes.DeliveryChanges;
import datadir.DataDir;
import errors.IoErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import json.Json;

/**
 * The dashboard hook: one compact JSON line per commit attempt in DATA/dashboard/summary.jsonl. Each
 * line is one write under an exclusive lock on an O_APPEND file, so concurrent runs never interleave.
 */
public final class DashboardLog {
    /** File locks are per process: threads of one JVM queue here first (a second lock() would throw). */
    private static final Object IN_PROCESS = new Object();

    private DashboardLog() {}

    /** Credential findings a line names (where and which rule): enough to act on, the report has all. */
    public static final int SECRETS_PER_LINE = 10;

    /**
     * @param errorCode why a refused or failed attempt stopped (the report's error code), else null
     * @param secrets the refused credential findings as "path:line:column rule" (the first
     *        {@link #SECRETS_PER_LINE}), else null; never the credential
     * @param changes a delivered re-delivery's counts of added, removed, changed and unchanged files, else null
     */
    public record Line(String at, String projectId, String status, int eligibleFiles, long eligibleBytes,
                       Map<String, Integer> excludedByReason, String zipSha256, String outputZip, String errorCode,
                       List<String> secrets, DeliveryChanges.Totals changes) {

        /** An attempt without changes: a first delivery, or one that stopped. */
        public Line(String at, String projectId, String status, int eligibleFiles, long eligibleBytes,
                    Map<String, Integer> excludedByReason, String zipSha256, String outputZip, String errorCode,
                    List<String> secrets) {
            this(at, projectId, status, eligibleFiles, eligibleBytes, excludedByReason, zipSha256, outputZip, errorCode, secrets, null);
        }

        /** An attempt that did not stop on an error. */
        public Line(String at, String projectId, String status, int eligibleFiles, long eligibleBytes,
                    Map<String, Integer> excludedByReason, String zipSha256, String outputZip) {
            this(at, projectId, status, eligibleFiles, eligibleBytes, excludedByReason, zipSha256, outputZip, null, null, null);
        }
    }

    /** Fails before a commit starts if its dashboard line could not be appended afterwards. */
    public static void requireWritable(DataDir data) {
        Path file = data.dashboardSummaryFile();
        try {
            Files.createDirectories(file.getParent());
            FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                    LinkOption.NOFOLLOW_LINKS).close();
        } catch (IOException e) {
            throw IoErrors.toPrezip(e, "opening the dashboard summary", file);
        }
    }

    /** Appends the line and returns it as written (without the newline), for the operator's log. */
    public static String append(DataDir data, Line line) {
        String json = Json.MAPPER.copy().disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .valueToTree(line).toString();
        Path file = data.dashboardSummaryFile();
        try {
            Files.createDirectories(file.getParent());
            synchronized (IN_PROCESS) {
                // Never through a link: a link planted at the log's path is refused, not written through.
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
                     FileLock ignored = channel.lock()) {
                    ByteBuffer bytes = ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8));
                    while (bytes.hasRemaining()) {
                        channel.write(bytes);
                    }
                }
            }
        } catch (IOException e) {
            throw IoErrors.toPrezip(e, "appending to the dashboard summary", file);
        }
        return json;
    }
}
