package io.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bulwark.SampleReports;
import io.bulwark.audit.Report;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JunitReportWriterTest {

    static Document junit(Report report) throws Exception {
        StringWriter out = new StringWriter();
        new JunitReportWriter().write(report, out);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static Stream<Arguments> reports() {
        return Stream.of(Arguments.of("selfOnly", SampleReports.selfOnly()), Arguments.of("selfAndPod", SampleReports.selfAndPod()),
                Arguments.of("clean", SampleReports.clean()), Arguments.of("waived", SampleReports.waived()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void parsesAndItsCountsMatchTheJsonReport(String name, Report report) throws Exception {
        Document doc = junit(report);
        JsonNode json = JsonReportWriter.tree(report);
        Element suites = doc.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        assertCounts(suites, json.path("summary"));
        assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(json.path("targets").size());
        for (int i = 0; i < json.path("targets").size(); i++) {
            Element suite = (Element) doc.getElementsByTagName("testsuite").item(i);
            assertCounts(suite, json.path("targets").get(i).path("summary"));
            assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo(json.path("targets").get(i).path("findings").size());
            assertThat(suite.getElementsByTagName("failure").getLength()).isEqualTo(json.path("targets").get(i).path("summary").path("fail").asInt());
        }
    }

    private static void assertCounts(Element e, JsonNode summary) {
        int total = summary.path("fail").asInt() + summary.path("waived").asInt() + summary.path("pass").asInt()
                + summary.path("not-applicable").asInt();
        assertThat(e.getAttribute("tests")).isEqualTo(Integer.toString(total));
        assertThat(e.getAttribute("failures")).isEqualTo(summary.path("fail").asText());
        assertThat(e.getAttribute("skipped")).isEqualTo(Integer.toString(summary.path("not-applicable").asInt() + summary.path("waived").asInt()));
        assertThat(e.getAttribute("errors")).isEqualTo("0");
    }

    @Test
    void aFailureCarriesTheEvidenceAndTheFix() throws Exception {
        Element failure = (Element) junit(SampleReports.selfOnly()).getElementsByTagName("failure").item(3);
        assertThat(failure.getAttribute("type")).isEqualTo("high");
        assertThat(failure.getAttribute("message")).isEqualTo("[high] Seccomp is off");
        assertThat(failure.getTextContent())
                .contains("seccomp.mode = 0 (status Seccomp: 0 <none>)")
                .contains("Why: Every syscall reaches the kernel <unfiltered> & unaudited.")
                .contains("Fix: Use a \"default\" seccomp profile.");
    }

    @Test
    void notApplicableAndWaivedAreSkippedWithTheReason() throws Exception {
        Document doc = junit(SampleReports.waived());
        assertThat(((Element) doc.getElementsByTagName("skipped").item(0)).getAttribute("message"))
                .isEqualTo("waived until 2026-12-31: CI runners are root by design (SEC-12)");
        assertThat(((Element) doc.getElementsByTagName("skipped").item(1)).getAttribute("message"))
                .startsWith("could not be checked: cgroup.pids.max:");
    }

    @Test
    void oneTestCasePerRuleNamedByIdAndGroupedBySurface() throws Exception {
        Element first = (Element) junit(SampleReports.selfOnly()).getElementsByTagName("testcase").item(0);
        assertThat(first.getAttribute("name")).isEqualTo("T-ROOT-001: Container root is host root");
        assertThat(first.getAttribute("classname")).isEqualTo("bulwark.root-user");
    }

    @Test
    void charactersXmlCannotHoldAreDropped() {
        assertThat(JunitReportWriter.clean("a\u0000b\u001bc\td")).isEqualTo("abc\td");
    }
}
