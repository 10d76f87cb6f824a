package io.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.SampleReports;
import io.bulwark.audit.Fact;
import io.bulwark.audit.Report;
import io.bulwark.audit.Target;
import io.bulwark.audit.TargetReport;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportWriterTest {

    @Test
    void waivedFindingsShowTheirWaiverAndExpiredOnesSaySo() throws Exception {
        StringWriter out = new StringWriter();
        new TextReportWriter(false).write(SampleReports.waived(), out);
        assertThat(out.toString())
                .contains("waived   T-ROOT-001  Container root is host root  (high; until 2026-12-31: CI runners are root by design (SEC-12))")
                .contains("waiver expired on 2026-01-31 (waivers.yaml, waivers[1]): Needed for the FUSE test job")
                .contains("Summary: 3 open (1 critical, 1 high, 1 low), 1 waived, 0 closed, 1 could not be checked");
    }

    @Test
    void severalTargetsGetATableOfRuntimeIdPidAndOpenFindingsBySeverityFirst() throws Exception {
        TargetReport self = SampleReports.self();
        String id = "bfd221dc37687b1893f094738f6ba5fbd368d5be5edbb1c370c10debd9df8ca8";
        TargetReport container = new TargetReport(new Target("container", id, "docker container bfd221dc3768 (init pid 4711, 1 process;"
                + " own namespaces: pid, mnt) seen from the host"), List.of(Fact.of("runtime.name", "docker", "cgroup")), self.findings());
        StringWriter out = new StringWriter();
        new TextReportWriter(false).write(new Report("1", SampleReports.CLOCK.instant(), List.of(self, container)), out);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("2 targets");
        assertThat(lines.get(1).split("\\s+")).containsExactly("", "RUNTIME", "ID", "PID", "CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO");
        assertThat(lines.get(2).split("\\s+")).startsWith("", "-", "self", "42");
        assertThat(lines.get(3).split("\\s+")).containsExactly("", "docker", "bfd221dc3768", "4711",
                count(self, "critical"), count(self, "high"), count(self, "medium"), count(self, "low"), count(self, "info"));
        assertThat(lines.get(5)).startsWith("bulwark 1 scan of the environment of bulwark itself");
    }

    @Test
    void oneTargetHasNoTable() throws Exception {
        StringWriter out = new StringWriter();
        new TextReportWriter(false).write(SampleReports.selfOnly(), out);
        assertThat(out.toString()).startsWith("bulwark ").doesNotContain("RUNTIME");
    }

    private static String count(TargetReport target, String severity) {
        return Long.toString(target.failed(io.bulwark.audit.Severity.valueOf(severity.toUpperCase())));
    }
}
