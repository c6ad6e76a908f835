///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS org.junit.platform:junit-platform-console-standalone:1.11.3
// Commons Compress, for tests only: a streaming zip reader clients use (ReaderInteropTest).
//DEPS org.apache.commons:commons-compress:1.28.0
//SOURCES ../lib/**/*.java
//SOURCES ../inventory.java ../prezip_stager.java ../verify_zip.java ../dashboard.java
//SOURCES *Test.java */*Test.java support/*.java
// The shipped data files, as the commands carry them (datadir/DataFile reads them when a data folder lacks them).
//FILES data/global_bans.json=../data/global_bans.json data/secret_rules.json=../data/secret_rules.json
//FILES data/content_types.json=../data/content_types.json
//FILES data/policies/default.json=../data/policies/default.json data/policies/strict.json=../data/policies/strict.json

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs every JUnit 5 test compiled into this script's jar, prints a line per test class as it finishes
 * and ends with the line "N passed, N failed, N skipped" that CI reads. Exits non-zero on any failure
 * and when no test ran.
 */
public class run_tests {
    static final String USAGE = """
            Usage: ./jbang test [CLASS...]
            Runs the toolkit's JUnit 5 tests: a line per test class as it finishes, then every failure, then
            "N passed, N failed, N skipped". Exits 0 when at least one test ran and none failed, else 1.
              CLASS       run only this test class: a simple name (NameSafetyTest) or one qualified by
                          its package (policy.NameSafetyTest); give several to run several
              -h, --help  print this and run nothing
            """;

    public static void main(String... args) throws Exception {
        PrintWriter out = new PrintWriter(System.out, true);
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help")) {
                out.print(USAGE);
                out.flush();
                return;
            }
            if (arg.startsWith("-")) {
                System.err.print("unknown option: " + arg + "\n" + USAGE);
                System.exit(2);
            }
        }
        Path classes = Path.of(run_tests.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(classes)));
        // A name is simple (./jbang test NameSafetyTest) or qualified by its package (policy.NameSafetyTest).
        if (args.length > 0) {
            request.filters(ClassNameFilter.includeClassNamePatterns(Arrays.stream(args)
                    .map(name -> "(.*\\.)?" + Pattern.quote(name) + "(\\$.*)?").toArray(String[]::new)));
        }
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request.build(), summary, new PerClassLines(out));

        TestExecutionSummary result = summary.getSummary();
        result.printFailuresTo(out, 25);
        long failed = result.getTestsFailedCount() + result.getContainersFailedCount();
        long passed = result.getTestsSucceededCount();
        // An unmet assumption (no tmpfs, no openssl on this machine) is a skip, not a failure.
        long skipped = result.getTestsSkippedCount() + result.getTestsAbortedCount();
        out.printf("%d passed, %d failed, %d skipped%n", passed, failed, skipped);
        System.exit(failed == 0 && passed > 0 ? 0 : 1);
    }

    /**
     * A line per top-level test class when it finishes, counted as the summary counts (a failed container,
     * such as a failing @BeforeAll, is a failure; an aborted test a skip): the whole suite takes minutes,
     * and this shows it moving and where the time goes. The counts come after their words, so no line but
     * the last reads "N passed, N failed".
     */
    static final class PerClassLines implements TestExecutionListener {
        private static final int PASSED = 0, FAILED = 1, SKIPPED = 2;
        private final PrintWriter out;
        private final Map<String, long[]> counts = new HashMap<>();
        private final Map<String, Long> startNanos = new HashMap<>();
        private TestPlan plan;

        PerClassLines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            if (isTopClass(id)) {
                startNanos.put(id.getUniqueId(), System.nanoTime());
            }
        }

        /** A skipped container (a @Disabled class) skips every test in it, as the summary counts them. */
        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            long tests = id.isTest() ? 1 : plan.getDescendants(id).stream().filter(TestIdentifier::isTest).count();
            topClass(id).ifPresent(top -> counts.computeIfAbsent(top.getUniqueId(), key -> new long[3])[SKIPPED] += tests);
            if (isTopClass(id)) {
                print(id, "skipped: " + reason);
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            TestExecutionResult.Status status = result.getStatus();
            if (id.isTest()) {
                count(id, status == TestExecutionResult.Status.SUCCESSFUL ? PASSED
                        : status == TestExecutionResult.Status.FAILED ? FAILED : SKIPPED);
            } else if (status == TestExecutionResult.Status.FAILED) {
                count(id, FAILED);
            }
            if (isTopClass(id)) {
                print(id, String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos.get(id.getUniqueId())) / 1e9));
            }
        }

        private void print(TestIdentifier top, String note) {
            long[] n = counts.getOrDefault(top.getUniqueId(), new long[3]);
            String name = ((ClassSource) top.getSource().orElseThrow()).getClassName();
            out.printf("%s: passed %d, failed %d, skipped %d (%s)%n", name, n[PASSED], n[FAILED], n[SKIPPED], note);
        }

        private void count(TestIdentifier id, int kind) {
            topClass(id).ifPresent(top -> counts.computeIfAbsent(top.getUniqueId(), key -> new long[3])[kind]++);
        }

        private boolean isTopClass(TestIdentifier id) {
            return topClass(id).filter(top -> top.equals(id)).isPresent();
        }

        /** The outermost class around a test or container (nested classes belong to theirs). */
        private Optional<TestIdentifier> topClass(TestIdentifier id) {
            Optional<TestIdentifier> top = Optional.empty();
            for (Optional<TestIdentifier> at = Optional.of(id); at.isPresent(); at = plan.getParent(at.get())) {
                if (at.get().getSource().filter(ClassSource.class::isInstance).isPresent()) {
                    top = at;
                }
            }
            return top;
        }
    }
}
