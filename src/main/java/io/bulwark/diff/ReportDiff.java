package io.bulwark.diff;

import io.bulwark.audit.Baseline;
import io.bulwark.audit.FindingStatus;
import io.bulwark.report.SavedReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two JSON reports, finding by finding (rule id and target id):
 * new failures, fixed findings, and findings whose severity or status changed otherwise.
 */
public record ReportDiff(SavedReport before, SavedReport after, List<Change> newFailures, List<Change> fixed, List<Change> changed) {

    /**
     * One finding in both reports (or in one of them). Severity and status are the ids of the
     * JSON report, or {@code absent} when the report does not have the finding.
     */
    public record Change(String ruleId, String title, String targetId, String targetDescription,
                         String severityBefore, String severityAfter, String statusBefore, String statusAfter) {

        public static final String ABSENT = "absent";

        public boolean severityChanged() {
            return !severityBefore.equals(severityAfter) && !ABSENT.equals(severityBefore) && !ABSENT.equals(severityAfter);
        }

        public boolean statusChanged() {
            return !statusBefore.equals(statusAfter);
        }
    }

    public ReportDiff {
        newFailures = List.copyOf(newFailures);
        fixed = List.copyOf(fixed);
        changed = List.copyOf(changed);
    }

    public static ReportDiff between(SavedReport before, SavedReport after) {
        Map<Baseline.Key, SavedReport.Entry> old = index(before);
        Map<Baseline.Key, SavedReport.Entry> now = index(after);
        Map<Baseline.Key, Boolean> keys = new LinkedHashMap<>();
        now.keySet().forEach(k -> keys.put(k, true));
        old.keySet().forEach(k -> keys.putIfAbsent(k, true));
        List<Change> newFailures = new ArrayList<>();
        List<Change> fixed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (Baseline.Key key : keys.keySet()) {
            SavedReport.Entry b = old.get(key);
            SavedReport.Entry a = now.get(key);
            Change change = change(b, a);
            if (a != null && a.status() == FindingStatus.FAIL && (b == null || b.status() != FindingStatus.FAIL)) {
                newFailures.add(change);
            } else if (b != null && open(b) && a != null && a.status() == FindingStatus.PASS) {
                fixed.add(change);
            } else if (b == null) {
                // A rule new since then that passes or cannot be checked: nothing changed for anyone.
                if (a.status() == FindingStatus.WAIVED) {
                    changed.add(change);
                }
            } else if (a == null) {
                if (open(b)) {
                    changed.add(change);
                }
            } else if (change.statusChanged() || change.severityChanged()) {
                changed.add(change);
            }
        }
        return new ReportDiff(before, after, newFailures, fixed, changed);
    }

    public boolean hasNewFailures() {
        return !newFailures.isEmpty();
    }

    private static boolean open(SavedReport.Entry e) {
        return e.status() == FindingStatus.FAIL || e.status() == FindingStatus.WAIVED;
    }

    private static Change change(SavedReport.Entry b, SavedReport.Entry a) {
        SavedReport.Entry any = a != null ? a : b;
        return new Change(any.ruleId(), any.title(), any.target().id(), any.target().description(),
                b == null ? Change.ABSENT : b.severity().id(), a == null ? Change.ABSENT : a.severity().id(),
                b == null ? Change.ABSENT : b.status().id(), a == null ? Change.ABSENT : a.status().id());
    }

    private static Map<Baseline.Key, SavedReport.Entry> index(SavedReport report) {
        Map<Baseline.Key, SavedReport.Entry> byKey = new LinkedHashMap<>();
        report.findings().forEach(f -> byKey.put(f.key(), f));
        return byKey;
    }
}
