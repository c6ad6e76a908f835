///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS org.junit.platform:junit-platform-console-standalone:1.11.3
// Commons Compress, for tests only: a streaming zip reader clients use (ReaderInteropTest).
//DEPS org.apache.commons:commons-compress:1.28.0
//SOURCES ../lib/**/*.java
//SOURCES ../inventory.java ../prezip_stager.java ../verify_zip.java ../dashboard.java
//SOURCES *Test.java */*Test.java support/*.java

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs every JUnit 5 test compiled into this script's jar and ends with the line
 * "N passed, N failed, N skipped" that CI reads. Exits non-zero on any failure and when no test ran.
 */
public class run_tests {
    public static void main(String... args) throws Exception {
        Path classes = Path.of(run_tests.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(classes)));
        // Test class names as arguments run only those; none runs them all. A name is simple
        // (./jbang test NameSafetyTest) or qualified by its package (policy.NameSafetyTest).
        if (args.length > 0) {
            request.filters(ClassNameFilter.includeClassNamePatterns(Arrays.stream(args)
                    .map(name -> "(.*\\.)?" + Pattern.quote(name) + "(\\$.*)?").toArray(String[]::new)));
        }
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request.build(), summary);

        TestExecutionSummary result = summary.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        result.printFailuresTo(out, 25);
        long failed = result.getTestsFailedCount() + result.getContainersFailedCount();
        long passed = result.getTestsSucceededCount();
        // An unmet assumption (no tmpfs, no openssl on this machine) is a skip, not a failure.
        long skipped = result.getTestsSkippedCount() + result.getTestsAbortedCount();
        out.printf("%d passed, %d failed, %d skipped%n", passed, failed, skipped);
        System.exit(failed == 0 && passed > 0 ? 0 : 1);
    }
}
