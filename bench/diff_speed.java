///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES ../lib/**/*.java
// The changes between two delivery manifests, as prezip_stager --since and verify_zip --since compute them:
// bench/run.sh runs it (section "redeliver") on two manifests of 1,000,000 entries.

import changes.ChangeMerge;
import changes.DeliveryChanges;
import changes.PreviousDelivery;
import java.nio.file.Files;
import java.nio.file.Path;
import zip.ZipManifest;

/** Reads OLD (a manifest with no zip beside it) and NEW, compares them, prints the counts, the time and the peak RSS. */
public class diff_speed {
    public static void main(String... args) throws Exception {
        long start = System.nanoTime();
        PreviousDelivery.Lookup old = PreviousDelivery.find(Path.of(args[0]), null);
        if (!(old instanceof PreviousDelivery.Found found)) {
            throw new IllegalStateException("not comparable: " + old);
        }
        Path current = Path.of(args[1]);
        DeliveryChanges changes;
        try (ZipManifest.EntryReader entries = new ZipManifest.EntryReader(current, Files.size(current))) {
            changes = found.delivery().changesTo(ChangeMerge.of(entries::next));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String hwm = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM")).findFirst()
                .orElse("VmHWM: ?").replaceAll("\\s+", " ");
        System.out.printf("  %s in %.2f s (both manifests read, the old one twice), JVM peak RSS %s%n", changes.totals(), seconds,
                hwm.substring(hwm.indexOf(' ') + 1));
    }
}
