package io.bulwark.report;

import io.bulwark.audit.Fact;
import io.bulwark.audit.TargetReport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target as one line of the text report's table: the runtime its facts name, its id (a
 * container id shortened as engines show it), the pid it was seen through, and whether it
 * exited during the scan.
 */
record TargetRow(String runtime, String id, String pid, boolean gone) {
    /** Every description of a process target names its pid so ("init pid N", "process N", "pid N"). */
    private static final Pattern PID = Pattern.compile("\\b(?:init pid|process|pid) (\\d+)");

    static TargetRow of(TargetReport target) {
        String runtime = target.facts().stream().filter(f -> f.name().equals("runtime.name") && f.observed())
                .map(Fact::value).map(String::valueOf).findFirst()
                .orElse(target.target().kind().equals("config") ? "config" : "-");
        String id = target.target().kind().equals("pid") ? "-" : target.target().id();
        if (id.matches("[0-9a-f]{64}")) {
            id = id.substring(0, 12);
        }
        Matcher m = PID.matcher(target.target().description());
        String pid = target.target().kind().equals("config") || !m.find() ? "-" : m.group(1);
        return new TargetRow(runtime, id, pid, target.target().description().contains("gone: it exited"));
    }
}
