package io.bulwark.probe;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bulwark.audit.Confidence;
import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSpec;
import io.bulwark.os.MountInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** /sys: whether sysfs can be written, and whether firmware, powercap and kernel directories are exposed. */
public final class SysProbe implements Probe {

    record Paths(@JsonProperty("writable-probe-first") List<String> writableProbeFirst,
                 @JsonProperty("exposed") List<Exposed> exposed) {
    }

    record Exposed(@JsonProperty("name") String name, @JsonProperty("path") String path) {
    }

    private static final Paths PATHS = ProbeData.load("sys-paths.yaml", Paths.class);

    @Override
    public List<FactSpec> facts() {
        List<FactSpec> specs = new ArrayList<>();
        specs.add(FactSpec.bool("sys.writable", "sysfs is mounted read-write at /sys and access(W_OK) allows writing a file in it"));
        for (Exposed e : PATHS.exposed()) {
            specs.add(FactSpec.bool("sys." + e.name() + ".exposed", e.path() + " exists, is not masked and lists entries"));
        }
        return specs;
    }

    @Override
    public List<Fact> collect(ProbeContext ctx) {
        Parsed<MountInfo> mounts = ctx.mountInfo();
        List<Fact> facts = new ArrayList<>();
        facts.add(writable(ctx, mounts));
        for (Exposed e : PATHS.exposed()) {
            facts.add(exposed(ctx, mounts, "sys." + e.name() + ".exposed", e.path()));
        }
        return facts;
    }

    private static Fact writable(ProbeContext ctx, Parsed<MountInfo> mounts) {
        Path sys = ctx.path("/sys");
        if (!Files.isDirectory(sys)) {
            return Fact.of("sys.writable", false, "absent: there is no /sys");
        }
        String mountText = "mountinfo not read (" + mounts.problem() + ")";
        if (mounts.ok()) {
            Optional<MountInfo.Mount> mount = mounts.value().at("/sys");
            if (mount.isEmpty() || !mount.get().fsType().equals("sysfs")) {
                return Fact.of("sys.writable", false, "no sysfs is mounted at /sys"
                        + mount.map(m -> " (" + m.describe() + ")").orElse(""));
            }
            if (mount.get().readOnly()) {
                return Fact.of("sys.writable", false, "/sys is a read-only mount: " + mount.get().describe());
            }
            mountText = "on " + mount.get().describe();
        }
        WritableSearch search = WritableSearch.under(sys, PATHS.writableProbeFirst());
        String found = search.found().map(p -> "access(W_OK) allows /sys/" + sys.relativize(p))
                .orElse("no file with a write bit passes access(W_OK) among the " + search.checked() + " checked under /sys");
        return Fact.inferred("sys.writable", search.found().isPresent(),
                mounts.ok() ? Confidence.CERTAIN : Confidence.LIKELY, found + "; " + mountText);
    }

    /** A directory counts as exposed when it exists, is not masked, and lists at least one entry. */
    static Fact exposed(ProbeContext ctx, Parsed<MountInfo> mounts, String fact, String absolute) {
        Path dir = ctx.path(absolute);
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return Fact.of(fact, false, "absent: there is no " + absolute);
        }
        Optional<String> mask = Masking.maskOf(ctx, mounts.optional(), absolute);
        if (mask.isPresent()) {
            return Fact.of(fact, false, mask.get());
        }
        Confidence confidence = mounts.ok() ? Confidence.CERTAIN : Confidence.LIKELY;
        List<String> names;
        try (Stream<Path> entries = Files.list(dir)) {
            names = entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException | SecurityException e) {
            return Fact.inferred(fact, false, confidence, "cannot list " + absolute + ": " + ProcProbe.describe((Exception) e));
        }
        if (names.isEmpty()) {
            return Fact.inferred(fact, false, confidence, absolute + " is empty");
        }
        String shown = String.join(", ", names.subList(0, Math.min(8, names.size()))) + (names.size() > 8 ? ", ..." : "");
        return Fact.inferred(fact, true, confidence, absolute + " lists " + names.size() + " entries (" + shown + ")"
                + (mounts.ok() ? "; not masked in mountinfo" : "; mask not checked (" + mounts.problem() + ")"));
    }
}
