package io.bulwark.report;

import io.bulwark.audit.Report;
import java.io.IOException;
import java.io.Writer;

/** Renders a report in one format. One class per format; none knows of the others or the CLI. */
public interface ReportWriter {

    void write(Report report, Writer out) throws IOException;
}
