package io.bulwark.probe;

import io.bulwark.os.CgroupDirectory;
import io.bulwark.os.CgroupValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The limit in force on a cgroup: read at the cgroup and at each parent up to the top the
 * mount shows, the smallest value winning, as the kernel charges every level.
 *
 * @param limit      the smallest limit found; empty when every level is unlimited or has none
 * @param levelsSet  how many levels had the limit's file at all
 * @param evidence   each level and what it holds
 */
record CgroupLimitWalk(OptionalLong limit, int levelsSet, String evidence) {

    /** What one level holds: the text to show and the limit it means (empty: unlimited). */
    record Level(String shown, OptionalLong value) {
    }

    /** Reads one level's directory; empty when the level has no such file. */
    interface LevelReader {
        Optional<Level> read(Path dir) throws IOException;
    }

    /** Walks one limit file parsed by {@code parser}, e.g. {@code pids.max} with {@link CgroupValue#limit}. */
    static CgroupLimitWalk ofFile(ProbeContext ctx, CgroupDirectory cgroup, String file,
                                  Function<String, OptionalLong> parser) throws IOException {
        return minimum(ctx, cgroup, file, dir -> {
            Path path = dir.resolve(file);
            if (!Files.exists(path)) {
                return Optional.empty();
            }
            String text = ProbeContext.read(path).strip();
            try {
                return Optional.of(new Level(file + " = " + text, parser.apply(text)));
            } catch (IllegalArgumentException e) {
                throw new IOException(path + ": " + e.getMessage(), e);
            }
        });
    }

    /** Throws IOException when the cgroup's own directory is missing, or a file is unreadable or malformed. */
    static CgroupLimitWalk minimum(ProbeContext ctx, CgroupDirectory cgroup, String what, LevelReader reader) throws IOException {
        if (!Files.isDirectory(ctx.path(cgroup.directory()))) {
            throw new IOException("the cgroup directory " + cgroup.directory() + " does not exist here");
        }
        List<String> levels = new ArrayList<>();
        OptionalLong smallest = OptionalLong.empty();
        int set = 0;
        for (String dir : cgroup.upToMountRoot()) {
            Optional<Level> level = reader.read(ctx.path(dir));
            if (level.isEmpty()) {
                levels.add(dir + ": no " + what);
                continue;
            }
            set++;
            levels.add(dir + ": " + level.get().shown());
            OptionalLong value = level.get().value();
            if (value.isPresent() && (smallest.isEmpty() || value.getAsLong() < smallest.getAsLong())) {
                smallest = value;
            }
        }
        String top = cgroup.mount().root().equals("/")
                ? (cgroup.atMountRoot() ? " (the top of the hierarchy: the root cgroup, or the cgroup namespace's root)" : "")
                : "; levels above " + cgroup.mount().root() + " are not mounted here";
        return new CgroupLimitWalk(smallest, set, String.join("; ", levels) + top);
    }
}
