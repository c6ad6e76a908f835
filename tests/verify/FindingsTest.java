package verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings: what ran, the findings per check (at most a hundred listed), their order, and those held back. */
class FindingsTest {
    static List<String> messages(List<VerifyFinding> findings) {
        return findings.stream().map(VerifyFinding::message).toList();
    }

    @Test
    void keepsTheFirstHundredOfACheckAndCountsTheRestInOneMoreFinding() {
        Findings findings = new Findings();
        for (int i = 0; i < Findings.FINDINGS_PER_CHECK + 1_205; i++) {
            findings.archive(VerifyCheck.VZ_LAYOUT, "gap " + i);
        }
        findings.archive(VerifyCheck.VZ_POLICY, "one");
        List<VerifyFinding> listed = findings.inCheckOrder();
        assertEquals(Findings.FINDINGS_PER_CHECK + 2, listed.size());
        assertEquals("gap 99", listed.get(Findings.FINDINGS_PER_CHECK - 1).message());
        assertEquals(new VerifyFinding(VerifyCheck.VZ_LAYOUT, null, "1,205 more VZ_LAYOUT failures not listed (1,305 in all)"),
                listed.get(Findings.FINDINGS_PER_CHECK));
        assertEquals("one", listed.get(Findings.FINDINGS_PER_CHECK + 1).message());
        assertEquals(1_306, findings.inAll());
    }

    @Test
    void listsFindingsGroupedByCheckInCheckOrderEachGroupInTheOrderRecorded() {
        Findings findings = new Findings();
        findings.archive(VerifyCheck.VZ_POLICY, "policy 1");
        findings.record(VerifyFinding.entry(VerifyCheck.VZ_LAYOUT, "a.txt", "layout 1"));
        findings.archive(VerifyCheck.VZ_POLICY, "policy 2");
        findings.archive(VerifyCheck.VZ_ZIP_UNREADABLE, "unreadable 1");
        assertEquals(List.of("unreadable 1", "layout 1", "policy 1", "policy 2"), messages(findings.inCheckOrder()));
        assertEquals("a.txt", findings.inCheckOrder().get(1).entry());
    }

    @Test
    void checkedHoldsWhatRanWhetherOrNotItFoundAnything() {
        Findings findings = new Findings();
        findings.ran(VerifyCheck.VZ_POLICY);
        findings.ran(EnumSet.of(VerifyCheck.VZ_LAYOUT, VerifyCheck.VZ_ENTRY_ORDER));
        assertEquals(EnumSet.of(VerifyCheck.VZ_POLICY, VerifyCheck.VZ_LAYOUT, VerifyCheck.VZ_ENTRY_ORDER), findings.checked());
        assertEquals(List.of(), findings.inCheckOrder());
        assertEquals(0, findings.inAll());
    }

    @Test
    void deferredFindingsCountOnlyOnceRecordedAndKeepTheLimit() {
        Findings findings = new Findings();
        Findings.Deferred deferred = new Findings.Deferred();
        for (int i = 0; i < Findings.FINDINGS_PER_CHECK + 2; i++) {
            deferred.add(VerifyFinding.entry(VerifyCheck.VZ_MANIFEST_MISMATCH, "p" + i, "in the manifest but not in the zip"));
        }
        assertEquals(Findings.FINDINGS_PER_CHECK + 2, deferred.count());
        assertEquals(0, findings.inAll(), "held back until recorded");
        findings.archive(VerifyCheck.VZ_MANIFEST_MISMATCH, "recorded first");
        deferred.recordInto(findings);
        List<VerifyFinding> listed = findings.inCheckOrder();
        assertEquals(Findings.FINDINGS_PER_CHECK + 3, findings.inAll());
        assertEquals(Findings.FINDINGS_PER_CHECK + 1, listed.size());
        assertEquals("recorded first", listed.get(0).message());
        assertEquals("p0", listed.get(1).entry());
        assertEquals("3 more VZ_MANIFEST_MISMATCH failures not listed (103 in all)", listed.get(Findings.FINDINGS_PER_CHECK).message());
    }
}
