package io.bulwark.report;

import io.bulwark.audit.Fact;
import io.bulwark.audit.Finding;
import io.bulwark.audit.FindingStatus;
import io.bulwark.audit.Report;
import io.bulwark.audit.Rule;
import io.bulwark.audit.TargetReport;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * JUnit XML for CI test views: one test suite per target, one test case per rule; a failed
 * finding is a failure carrying its evidence, a not-applicable or waived one is skipped with
 * the reason. Counts follow the JSON summary: failures = fail, skipped = not-applicable + waived.
 */
public final class JunitReportWriter implements ReportWriter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element suites = doc.createElement("testsuites");
            doc.appendChild(suites);
            suites.setAttribute("name", "bulwark " + report.version());
            String timestamp = LocalDateTime.ofInstant(report.generatedAt(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
            counts(suites, report.findings().size(), count(report, FindingStatus.FAIL),
                    count(report, FindingStatus.NOT_APPLICABLE) + count(report, FindingStatus.WAIVED));
            for (int i = 0; i < report.targets().size(); i++) {
                suites.appendChild(suite(doc, report, report.targets().get(i), i, timestamp));
            }
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            out.write('\n');
            out.flush();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IOException("cannot write the JUnit XML report: " + e.getMessage(), e);
        }
    }

    private static Element suite(Document doc, Report report, TargetReport target, int index, String timestamp) {
        Element suite = doc.createElement("testsuite");
        suite.setAttribute("name", "bulwark scan of " + clean(target.target().description()));
        suite.setAttribute("id", Integer.toString(index));
        counts(suite, target.findings().size(), target.count(FindingStatus.FAIL),
                target.count(FindingStatus.NOT_APPLICABLE) + target.count(FindingStatus.WAIVED));
        suite.setAttribute("timestamp", timestamp);
        Element properties = doc.createElement("properties");
        suite.appendChild(properties);
        property(doc, properties, "bulwark.version", report.version());
        property(doc, properties, "target.kind", target.target().kind());
        property(doc, properties, "target.id", target.target().id());
        for (Finding f : target.findings()) {
            suite.appendChild(testcase(doc, f));
        }
        return suite;
    }

    private static Element testcase(Document doc, Finding f) {
        Rule rule = f.rule();
        Element testcase = doc.createElement("testcase");
        testcase.setAttribute("classname", "bulwark." + rule.surface().id());
        testcase.setAttribute("name", rule.id() + ": " + clean(rule.title()));
        testcase.setAttribute("time", "0");
        switch (f.status()) {
            case FAIL -> {
                Element failure = doc.createElement("failure");
                failure.setAttribute("type", rule.severity().id());
                failure.setAttribute("message", "[" + rule.severity().id() + "] " + clean(rule.title()));
                failure.setTextContent(clean(details(f)));
                testcase.appendChild(failure);
            }
            case WAIVED -> skipped(doc, testcase, "waived until " + f.waiver().orElseThrow().expires() + ": "
                    + f.waiver().orElseThrow().reason());
            case NOT_APPLICABLE -> skipped(doc, testcase, "could not be checked: " + f.reason());
            case PASS -> { }
        }
        return testcase;
    }

    private static String details(Finding f) {
        StringBuilder text = new StringBuilder("Evidence:\n");
        for (Fact e : f.evidence()) {
            text.append("  ").append(FactText.line(e)).append('\n');
        }
        f.waiver().ifPresent(w -> text.append("Waiver expired on ").append(w.expires()).append(" (")
                .append(w.source()).append("): ").append(w.reason()).append('\n'));
        text.append("Why: ").append(f.rule().why()).append('\n');
        text.append("Fix: ").append(f.rule().fix()).append('\n');
        if (!f.rule().runOption().isEmpty()) {
            text.append("bulwark run: ").append(f.rule().runOption()).append('\n');
        }
        if (!f.rule().references().cis().isEmpty()) {
            text.append("CIS Docker Benchmark: ").append(String.join(", ", f.rule().references().cis())).append('\n');
        }
        if (!f.rule().references().pss().isEmpty()) {
            text.append("Kubernetes Pod Security Standards: ").append(String.join(", ", f.rule().references().pss())).append('\n');
        }
        return text.toString();
    }

    private static void skipped(Document doc, Element testcase, String message) {
        Element skipped = doc.createElement("skipped");
        skipped.setAttribute("message", clean(message));
        testcase.appendChild(skipped);
    }

    private static void counts(Element e, long tests, long failures, long skipped) {
        e.setAttribute("tests", Long.toString(tests));
        e.setAttribute("failures", Long.toString(failures));
        e.setAttribute("errors", "0");
        e.setAttribute("skipped", Long.toString(skipped));
        e.setAttribute("time", "0");
    }

    private static void property(Document doc, Element properties, String name, String value) {
        Element p = doc.createElement("property");
        p.setAttribute("name", name);
        p.setAttribute("value", clean(value));
        properties.appendChild(p);
    }

    private static long count(Report report, FindingStatus status) {
        return report.findings().stream().filter(f -> f.status() == status).count();
    }

    /** Drops the characters XML 1.0 cannot hold (control characters read from /proc, say). */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(out::appendCodePoint);
        return out.toString();
    }
}
