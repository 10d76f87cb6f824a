package io.bulwark.diff;

import java.io.IOException;
import java.io.Writer;

/** Renders a diff of two reports in one format. */
public interface DiffWriter {

    void write(ReportDiff diff, Writer out) throws IOException;
}
