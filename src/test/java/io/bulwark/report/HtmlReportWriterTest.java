package io.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.SampleReports;
import io.bulwark.audit.Report;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

    static String html(Report report) throws Exception {
        StringWriter out = new StringWriter();
        new HtmlReportWriter().write(report, out);
        return out.toString();
    }

    @Test
    void theTopShowsVerdictVersionTimeAndCountsBySeverity() throws Exception {
        String html = html(SampleReports.selfOnly());
        assertThat(html).contains("<strong>FAIL</strong> <span>4 open findings, worst critical</span>")
                .contains("1.2.3-test")
                .contains("2026-03-01 10:00:00 UTC")
                .contains("the environment of bulwark itself (pid 42, hostname ci-7)");
        assertThat(count(html, "data-count=\"critical\">1<")).isEqualTo(1);
        assertThat(count(html, "data-count=\"high\">2<")).isEqualTo(1);
        assertThat(count(html, "data-count=\"low\">1<")).isEqualTo(1);
        assertThat(count(html, "data-count=\"not-applicable\">1<")).isEqualTo(1);
    }

    @Test
    void surfacesFollowTheSurfaceOrderAndPassedAndUncheckedAreFolded() throws Exception {
        String html = html(SampleReports.selfAndPod());
        int root = html.indexOf("id=\"target-1-root-user\"");
        int caps = html.indexOf("id=\"target-1-capabilities\"");
        int seccomp = html.indexOf("id=\"target-1-seccomp\"");
        int pids = html.indexOf("id=\"target-1-fork-bomb\"");
        assertThat(root).isPositive().isLessThan(caps);
        assertThat(caps).isLessThan(seccomp);
        assertThat(seccomp).isLessThan(pids);
        assertThat(html).contains("<summary>1 could not be checked</summary>");
        assertThat(html).contains("<summary>1 passed</summary>");
    }

    @Test
    void eachFindingShowsEvidenceWhyFixAndReferences() throws Exception {
        String html = html(SampleReports.selfOnly());
        assertThat(html).contains("<code>caps.effective</code> = <code class=\"value\">CHOWN, SYS_ADMIN</code>")
                .contains("status CapEff: 0000000000200001")
                .contains("<dd class=\"because\"><code>user.root_is_host_root = true</code></dd>")
                .contains("SYS_ADMIN is the new root.")
                .contains("<dd class=\"fix\">Drop SYS_ADMIN: docker run --cap-drop ALL</dd>")
                .contains("CIS Docker Benchmark 5.4")
                .contains("Pod Security Standards: baseline: Capabilities");
    }

    @Test
    void textFromTheScannedMachineIsEscaped() throws Exception {
        String html = html(SampleReports.selfOnly());
        assertThat(html).contains("reaches the kernel &lt;unfiltered&gt; &amp; unaudited")
                .contains("status Seccomp: 0 &lt;none&gt;")
                .doesNotContain("<unfiltered>").doesNotContain("<none>");
    }

    @Test
    void thePageIsSelfContained() throws Exception {
        String html = html(SampleReports.selfAndPod());
        assertThat(html).doesNotContainPattern("(?i)<link\\b")
                .doesNotContainPattern("(?i)<script[^>]+src=")
                .doesNotContainPattern("(?i)\\b(src|href)=\"(https?:)?//")
                .doesNotContainPattern("(?i)url\\(")
                .doesNotContainPattern("(?i)@import");
    }

    @Test
    void severalTargetsGetASummaryTableAndASectionEach() throws Exception {
        String html = html(SampleReports.selfAndPod());
        assertThat(html).contains("<section class=\"summary\">")
                .contains("<a href=\"#target-1\">").contains("<a href=\"#target-2\">")
                .contains("id=\"target-2-capabilities\"");
        assertThat(html(SampleReports.selfOnly())).doesNotContain("<section class=\"summary\">");
    }

    @Test
    void waivedFindingsShowTheirWaiverAndExpiredOnesSaySo() throws Exception {
        String html = html(SampleReports.waived());
        assertThat(html).contains("waived until 2026-12-31 (waivers.yaml, waivers[0]): CI runners are root by design (SEC-12)")
                .contains("<p class=\"waiver expired\">waiver expired on 2026-01-31");
        assertThat(html).contains("data-count=\"waived\">1<");
    }

    @Test
    void aCleanReportSaysPass() throws Exception {
        assertThat(html(SampleReports.clean())).contains("<strong>PASS</strong> <span>no open findings</span>");
    }

    @Test
    void writesASampleForPeopleToLookAt() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/html-report"));
        Files.writeString(dir.resolve("sample-two-targets.html"), html(SampleReports.selfAndPod()));
        Files.writeString(dir.resolve("sample-waived.html"), html(SampleReports.waived()));
        assertThat(dir.resolve("sample-two-targets.html")).isNotEmptyFile();
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
