package io.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.SampleReports;
import java.io.StringWriter;
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
}
