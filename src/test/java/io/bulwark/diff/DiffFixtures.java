package io.bulwark.diff;

import io.bulwark.report.JsonReportReader;
import io.bulwark.report.SavedReport;
import java.nio.file.Path;

/** The February and March reports under src/test/resources/reports. */
final class DiffFixtures {
    static final Path FEBRUARY = Path.of("src/test/resources/reports/february.json");
    static final Path MARCH = Path.of("src/test/resources/reports/march-two-new-failures.json");

    private DiffFixtures() {
    }

    static ReportDiff februaryToMarch() {
        return ReportDiff.between(read(FEBRUARY), read(MARCH));
    }

    static SavedReport read(Path path) {
        return JsonReportReader.read(path);
    }
}
