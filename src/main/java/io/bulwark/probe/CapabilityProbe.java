package io.bulwark.probe;

import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSpec;
import io.bulwark.os.Capability;
import io.bulwark.os.ProcStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Capabilities: the five sets of the process, by name, and which the kernel knows of. */
public final class CapabilityProbe implements Probe {
    private static final String[][] SETS = {
        {"effective", "CapEff"}, {"permitted", "CapPrm"}, {"inheritable", "CapInh"},
        {"bounding", "CapBnd"}, {"ambient", "CapAmb"}};

    @Override
    public List<FactSpec> facts() {
        List<FactSpec> specs = new ArrayList<>();
        for (String[] set : SETS) {
            specs.add(FactSpec.list("caps." + set[0], "the " + set[0] + " capability set (" + set[1] + "), by name without CAP_"));
        }
        specs.add(FactSpec.number("caps.last_cap", "the highest capability the kernel knows (/proc/sys/kernel/cap_last_cap)"));
        specs.add(FactSpec.list("caps.missing_from_bounding",
                "capabilities the kernel knows that are not in the bounding set; empty means the full set"));
        return specs;
    }

    @Override
    public List<Fact> collect(ProbeContext ctx) throws IOException {
        ProcStatus status = ctx.status().require();
        List<Fact> facts = new ArrayList<>();
        for (String[] set : SETS) {
            String name = "caps." + set[0];
            facts.add(status.hex(set[1])
                    .map(mask -> Fact.of(name, Capability.names(mask), "status " + set[1] + ": " + status.field(set[1]).orElse("")))
                    .orElse(Fact.unobserved(name, "status has no " + set[1] + " line")));
        }
        Optional<Long> lastCap = ProbeContext.tryRead(ctx.procFile("sys/kernel/cap_last_cap"))
                .flatMap(text -> {
                    try {
                        return Optional.of(Long.parseLong(text.trim()));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                });
        facts.add(lastCap.map(n -> Fact.of("caps.last_cap", n, "read /proc/sys/kernel/cap_last_cap: " + n))
                .orElse(Fact.unobserved("caps.last_cap", "cannot read /proc/sys/kernel/cap_last_cap")));
        Optional<Long> bounding = status.hex("CapBnd");
        if (lastCap.isPresent() && bounding.isPresent()) {
            long all = lastCap.get() >= 63 ? -1L : (1L << (lastCap.get() + 1)) - 1;
            List<String> missing = Capability.names(all & ~bounding.get());
            facts.add(Fact.of("caps.missing_from_bounding", missing, "CapBnd " + status.field("CapBnd").orElse("")
                    + " against capabilities 0.." + lastCap.get() + ": missing " + (missing.isEmpty() ? "none" : missing)));
        } else {
            facts.add(Fact.unobserved("caps.missing_from_bounding", "needs CapBnd and cap_last_cap"));
        }
        return facts;
    }
}
