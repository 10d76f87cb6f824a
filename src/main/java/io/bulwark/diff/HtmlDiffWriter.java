package io.bulwark.diff;

import io.bulwark.report.HtmlTemplates;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/** The diff as one self-contained page, from {@code reports/diff.ftlh}. */
public final class HtmlDiffWriter implements DiffWriter {

    @Override
    public void write(ReportDiff diff, Writer out) throws IOException {
        HtmlTemplates.render("diff.ftlh", Map.of("diff", diff), out);
    }
}
