package io.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.SampleReports;
import io.bulwark.audit.Finding;
import io.bulwark.audit.FindingStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportVerdictTest {

    @Test
    void anyFailedFindingFailsNamingTheWorstSeverity() {
        assertThat(ReportVerdict.of(SampleReports.selfOnly().findings()))
                .isEqualTo(new ReportVerdict("open", "FAIL", "4 open findings, worst critical"));
    }

    @Test
    void checksThatCouldNotRunAreNeverAPass() {
        List<Finding> onlyUnchecked = SampleReports.selfOnly().findings().stream()
                .filter(f -> f.status() != FindingStatus.FAIL).toList();
        assertThat(ReportVerdict.of(onlyUnchecked).label()).isEqualTo("INCOMPLETE");
        assertThat(ReportVerdict.of(onlyUnchecked).text()).isEqualTo("no open findings, but 1 check could not run");
    }

    @Test
    void waivedFindingsAreMentionedButDoNotFail() {
        assertThat(ReportVerdict.of(SampleReports.waived().findings()).text()).endsWith("; 1 waived");
        assertThat(ReportVerdict.of(SampleReports.clean().findings()).label()).isEqualTo("PASS");
    }
}
