package io.bulwark.probe;

import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSpec;
import io.bulwark.os.Fields;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Time: the offsets of the target's time namespace. Whether the clock can be set is for the
 * rules, from CAP_SYS_TIME and the clock system-call probes.
 */
public final class TimeProbe implements Probe {

    @Override
    public List<FactSpec> facts() {
        return List.of(FactSpec.text("time.namespace_offsets",
                "the monotonic and boottime offsets of the target's time namespace (timens_offsets), as 'clock seconds nanoseconds; …'"));
    }

    @Override
    public List<Fact> collect(ProbeContext ctx) {
        Path file = ctx.processFile("timens_offsets");
        return List.of(ProbeContext.tryRead(file)
                .map(text -> offsets(file, text))
                .orElse(Fact.unobserved("time.namespace_offsets",
                        "cannot read " + file + " (no time namespaces before Linux 5.6 or without CONFIG_TIME_NS)")));
    }

    /** Lines of "clock seconds nanoseconds"; anything else makes the fact unobserved. */
    static Fact offsets(Path file, String text) {
        List<String> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = Fields.of(trimmed);
            if (parts.length != 3 || !parts[1].matches("-?\\d+") || !parts[2].matches("\\d+")) {
                return Fact.unobserved("time.namespace_offsets", file + " has a malformed line: '" + trimmed + "'");
            }
            entries.add(parts[0] + " " + parts[1] + " " + parts[2]);
        }
        if (entries.isEmpty()) {
            return Fact.unobserved("time.namespace_offsets", file + " is empty");
        }
        String value = String.join("; ", entries);
        boolean zero = entries.stream().allMatch(e -> e.endsWith(" 0 0"));
        return Fact.of("time.namespace_offsets", value, "read " + file + ": " + value
                + (zero ? " (no offset: the clocks read as the host's)" : " (the namespace shifts these clocks)"));
    }
}
