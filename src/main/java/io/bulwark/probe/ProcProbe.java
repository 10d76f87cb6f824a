package io.bulwark.probe;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bulwark.audit.Confidence;
import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSpec;
import io.bulwark.os.MountInfo;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * /proc: whether the paths runtimes mask can be opened for reading, and whether the paths they
 * make read-only can be written. Nothing is read from or written to a kernel file: readable
 * means opened and closed; writable is judged from the mount table and {@code access(W_OK)}
 * (which answers EROFS on a read-only mount).
 */
public final class ProcProbe implements Probe {

    record Paths(@JsonProperty("masked") List<String> masked, @JsonProperty("read-only") List<ReadOnly> readOnly) {
    }

    record ReadOnly(@JsonProperty("name") String name, @JsonProperty("probe-first") List<String> probeFirst) {
        ReadOnly {
            probeFirst = probeFirst == null ? List.of() : List.copyOf(probeFirst);
        }
    }

    private static final Paths PATHS = ProbeData.load("proc-paths.yaml", Paths.class);
    /** How the evidence of a path this kernel does not have begins. */
    static final String ABSENT = "absent: this kernel has no ";

    static String readableFact(String name) {
        return "proc." + name.replace('-', '_') + ".readable";
    }

    static String writableFact(String name) {
        return "proc." + name.replace('-', '_') + ".writable";
    }

    @Override
    public List<FactSpec> facts() {
        List<FactSpec> specs = new ArrayList<>();
        for (String name : PATHS.masked()) {
            specs.add(FactSpec.bool(readableFact(name), "/proc/" + name
                    + " exists, is not masked (/dev/null or an empty read-only tmpfs) and opens for reading"));
        }
        for (ReadOnly path : PATHS.readOnly()) {
            specs.add(FactSpec.bool(writableFact(path.name()), "/proc/" + path.name()
                    + " is on a read-write mount and access(W_OK) allows writing it (or a file under it)"));
        }
        return specs;
    }

    @Override
    public List<Fact> collect(ProbeContext ctx) {
        Parsed<MountInfo> mounts = ctx.mountInfo();
        List<Fact> facts = new ArrayList<>();
        for (String name : PATHS.masked()) {
            facts.add(readable(ctx, mounts, name));
        }
        for (ReadOnly path : PATHS.readOnly()) {
            facts.add(writable(ctx, mounts, path));
        }
        return facts;
    }

    /** The fact, false, when there is nothing to try: this kernel has no such path, or a mask covers it. */
    private static Optional<Fact> absentOrMasked(ProbeContext ctx, Parsed<MountInfo> mounts, String fact, String absolute) {
        if (!Files.exists(ctx.path(absolute), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(Fact.of(fact, false, ABSENT + absolute));
        }
        return Masking.maskOf(ctx, mounts.optional(), absolute).map(mask -> Fact.of(fact, false, mask));
    }

    private static Fact readable(ProbeContext ctx, Parsed<MountInfo> mounts, String name) {
        String fact = readableFact(name);
        String absolute = "/proc/" + name;
        Path path = ctx.path(absolute);
        Optional<Fact> closed = absentOrMasked(ctx, mounts, fact, absolute);
        if (closed.isPresent()) {
            return closed.get();
        }
        String unmasked = mounts.ok() ? "not masked in mountinfo" : "mask not checked in mountinfo (" + mounts.problem() + ")";
        Confidence confidence = mounts.ok() ? Confidence.CERTAIN : Confidence.LIKELY;
        try {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                try (DirectoryStream<Path> dir = Files.newDirectoryStream(path)) {
                    dir.iterator();
                }
            } else {
                try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
                    file.isOpen();
                }
            }
            return Fact.inferred(fact, true, confidence, absolute + " opened for reading and closed, nothing read; " + unmasked);
        } catch (IOException | SecurityException e) {
            return Fact.inferred(fact, false, confidence, "open " + absolute + " for reading failed: " + describe(e) + "; " + unmasked);
        }
    }

    private static Fact writable(ProbeContext ctx, Parsed<MountInfo> mounts, ReadOnly spec) {
        String fact = writableFact(spec.name());
        String absolute = "/proc/" + spec.name();
        Path path = ctx.path(absolute);
        Optional<Fact> closed = absentOrMasked(ctx, mounts, fact, absolute);
        if (closed.isPresent()) {
            return closed.get();
        }
        String mountText = "mountinfo not read (" + mounts.problem() + ")";
        if (mounts.ok()) {
            Optional<MountInfo.Mount> mount = mounts.value().containing(absolute);
            if (mount.isPresent() && mount.get().readOnly()) {
                return Fact.of(fact, false, absolute + " is on a read-only mount: " + mount.get().describe());
            }
            mountText = mount.map(m -> "on " + m.describe()).orElse("on no mount in mountinfo");
        }
        Confidence confidence = mounts.ok() ? Confidence.CERTAIN : Confidence.LIKELY;
        WritableSearch search = WritableSearch.under(path, spec.probeFirst());
        String found = search.found().map(p -> "access(W_OK) allows " + absolute + relative(path, p))
                .orElse(Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                        ? "no file with a write bit passes access(W_OK) among the " + search.checked() + " checked under " + absolute
                        : "access(W_OK) refuses " + absolute + " (or it has no write bit)");
        return Fact.inferred(fact, search.found().isPresent(), confidence, found + "; " + mountText);
    }

    private static String relative(Path base, Path file) {
        String rel = base.relativize(file).toString();
        return rel.isEmpty() ? "" : "/" + rel;
    }

    static String describe(Exception e) {
        String message = e.getMessage();
        String reason = e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null ? fse.getReason() : message;
        return e.getClass().getSimpleName() + (reason == null ? "" : " (" + reason + ")");
    }
}
