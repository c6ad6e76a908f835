package provenance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A run's provenance, in the report and the manifest (so a signed manifest proves its policy, not only
 * its bytes): when and where it ran, who ran it, with which toolkit, JVM and arguments, and each input
 * that decided the outcome with its path and sha256 (a re-delivery's inputs include the delivery it
 * follows, {@code previous_zip} and {@code previous_manifest}: the chain). Written the same in both files (snake_case).
 *
 * @param allowUnknown whether --allow-unknown left files out instead of refusing
 * @param contentScanned whether the shipped files' content was scanned for credentials
 * @param deflater what deflated (or would deflate) the zip (since 1.4.0; null before)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RunRecord(String startedAt, String endedAt, long durationMs, String user, String host,
                        String toolkitVersion, String jvm, List<String> arguments, boolean allowUnknown,
                        boolean contentScanned, List<Input> inputs, Deflater deflater) {

    /** One input file: its role (allowlist, global_bans, preset, secret_rules, secrets_allow), where, and its sha256. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Input(String role, String path, String sha256, String snapshotAt) {}

    /**
     * The deflater of the run's zip: provenance, not policy (the zip's bytes are the same either way).
     *
     * @param name {@code jdk} (the JDK's Deflater, its zlib proved classic) or {@code toolkit} (the toolkit's encoder)
     * @param reason why, in one line
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deflater(String name, String reason) {
        /** The name of the toolkit's own encoder. */
        public static final String TOOLKIT = "toolkit";

        /** The one line a run shows when the toolkit's encoder deflates, or null when the JDK's does. */
        public String notice() {
            return TOOLKIT.equals(name) ? "Deflate: the toolkit's own encoder (" + reason + "); the zip's bytes are the same, only slower."
                    : null;
        }
    }

    /**
     * What is known when a run starts; {@link #end()} adds the end.
     *
     * @param deflater asked at the end: the check that decides it runs beside the run's first steps
     */
    public record Started(Instant at, long nanos, List<String> arguments, boolean allowUnknown, boolean contentScanned,
                          List<Input> inputs, Supplier<Deflater> deflater) {
        public Started {
            arguments = List.copyOf(arguments);
            inputs = List.copyOf(inputs);
        }

        /** The same start with more inputs: the previous delivery, known once the run has found it. */
        public Started withInputs(List<Input> more) {
            List<Input> all = new ArrayList<>(inputs);
            all.addAll(more);
            return new Started(at, nanos, arguments, allowUnknown, contentScanned, all, deflater);
        }

        public RunRecord end() {
            Instant now = Instant.now();
            return new RunRecord(at.toString(), now.toString(), Duration.ofNanos(System.nanoTime() - nanos).toMillis(),
                    System.getProperty("user.name"), machineName(), Toolkit.VERSION,
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                    arguments, allowUnknown, contentScanned, inputs, deflater.get());
        }
    }

    public RunRecord {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
    }

    /**
     * The machine's name without a name lookup (which can wait seconds on a bad resolver): the kernel's
     * on Linux, COMPUTERNAME on Windows, HOSTNAME where a shell exported it.
     */
    static String machineName() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isRegularFile(kernel)) {
                return Files.readString(kernel).strip();
            }
        } catch (IOException | RuntimeException e) {
            // Fall through to the environment.
        }
        for (String variable : List.of("COMPUTERNAME", "HOSTNAME")) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "unknown";
    }
}
