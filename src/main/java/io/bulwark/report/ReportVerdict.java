package io.bulwark.report;

import io.bulwark.audit.Finding;
import io.bulwark.audit.FindingStatus;
import io.bulwark.audit.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one-line verdict at the top of a report. It is the report's own (the gate threshold is
 * the pipeline's business): open when any finding failed, incomplete when nothing failed but
 * some checks could not run — never a silent pass — and clean otherwise.
 *
 * @param kind  {@code open}, {@code incomplete} or {@code clean}
 * @param label one word: FAIL, INCOMPLETE or PASS
 * @param text  the sentence after it
 */
public record ReportVerdict(String kind, String label, String text) {

    public static ReportVerdict of(List<Finding> findings) {
        long failed = count(findings, FindingStatus.FAIL);
        long waived = count(findings, FindingStatus.WAIVED);
        long unchecked = count(findings, FindingStatus.NOT_APPLICABLE);
        String waivedNote = waived == 0 ? "" : "; " + waived + " waived";
        if (failed > 0) {
            Optional<Severity> worst = Arrays.stream(Severity.values())
                    .filter(s -> findings.stream().anyMatch(f -> f.status() == FindingStatus.FAIL && f.rule().severity() == s))
                    .findFirst();
            return new ReportVerdict("open", "FAIL", failed + " open finding" + (failed == 1 ? "" : "s")
                    + ", worst " + worst.orElseThrow().id() + waivedNote);
        }
        if (unchecked > 0) {
            return new ReportVerdict("incomplete", "INCOMPLETE", "no open findings, but " + unchecked + " check"
                    + (unchecked == 1 ? "" : "s") + " could not run" + waivedNote);
        }
        return new ReportVerdict("clean", "PASS", "no open findings" + waivedNote);
    }

    private static long count(List<Finding> findings, FindingStatus status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }
}
