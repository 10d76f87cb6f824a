package io.bulwark.report;

import io.bulwark.audit.Report;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * The HTML report: one self-contained page (styles and the optional filter script inlined,
 * nothing fetched) from the FreeMarker template {@code reports/report.ftlh}.
 */
public final class HtmlReportWriter implements ReportWriter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        HtmlTemplates.render("report.ftlh", Map.of("page", HtmlReportModel.of(report)), out);
    }
}
