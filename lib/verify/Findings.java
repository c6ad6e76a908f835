package verify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import text.Counts;

/**
 * What the checks of one verification found, as they record it: which checks ran, and their findings,
 * at most {@link #FINDINGS_PER_CHECK} listed per check and the rest counted.
 */
final class Findings {
    /** Findings listed per check; past it they are counted in one more finding. */
    static final int FINDINGS_PER_CHECK = 100;

    private final List<VerifyFinding> listed = new ArrayList<>();
    private final Map<VerifyCheck, Integer> perCheck = new EnumMap<>(VerifyCheck.class);
    private final EnumSet<VerifyCheck> checked = EnumSet.noneOf(VerifyCheck.class);

    /** The check ran (it had its input), whether or not it finds anything. */
    void ran(VerifyCheck check) {
        checked.add(check);
    }

    void ran(Collection<VerifyCheck> checks) {
        checked.addAll(checks);
    }

    void add(VerifyCheck check, EntryState entry, String message) {
        record(VerifyFinding.entry(check, entry.shown, message));
    }

    void archive(VerifyCheck check, String message) {
        record(VerifyFinding.archive(check, message));
    }

    /**
     * Keeps a finding, at most {@link #FINDINGS_PER_CHECK} per check (the rest are counted): a zip of a
     * million bad entries gives a report of a few hundred lines, not a million.
     */
    void record(VerifyFinding finding) {
        if (perCheck.merge(finding.check(), 1, Integer::sum) <= FINDINGS_PER_CHECK) {
            listed.add(finding);
        }
    }

    Set<VerifyCheck> checked() {
        return Collections.unmodifiableSet(EnumSet.copyOf(checked));
    }

    /** Every finding of every check, those past the limit included. */
    int inAll() {
        return perCheck.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The findings listed, each check's past the limit counted in one more, grouped by check in check order. */
    List<VerifyFinding> inCheckOrder() {
        List<VerifyFinding> all = new ArrayList<>(listed);
        perCheck.forEach((check, count) -> {
            if (count > FINDINGS_PER_CHECK) {
                all.add(VerifyFinding.archive(check, Counts.of(count - FINDINGS_PER_CHECK, "more " + check.name()
                        + " failure", "more " + check.name() + " failures") + " not listed (" + Counts.number(count) + " in all)"));
            }
        });
        // Grouped by check (stable, so each group keeps zip order): one code's failures read together.
        all.sort(Comparator.comparing(VerifyFinding::check));
        return List.copyOf(all);
    }

    /**
     * Findings of one check held back while a stream is read, the first {@link #FINDINGS_PER_CHECK} kept
     * and the rest counted: recorded once it is known they apply, and in the order of their group.
     */
    static final class Deferred {
        private final List<VerifyFinding> first = new ArrayList<>();
        private int count;

        void add(VerifyFinding finding) {
            if (++count <= FINDINGS_PER_CHECK) {
                first.add(finding);
            }
        }

        /** How many were added, those not kept included. */
        int count() {
            return count;
        }

        void recordInto(Findings findings) {
            first.forEach(findings::record);
            if (count > first.size()) {
                findings.perCheck.merge(first.get(0).check(), count - first.size(), Integer::sum);
            }
        }
    }
}
