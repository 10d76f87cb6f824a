package io.bulwark.probe;

import io.bulwark.os.CgroupDirectory;
import io.bulwark.os.CgroupMembership;
import io.bulwark.os.MountInfo;
import java.util.List;
import java.util.Optional;

/** Finds a controller's cgroup directory for probes that have parsed mountinfo and /proc/PID/cgroup, or says why not. */
final class CgroupLookup {
    private CgroupLookup() {
    }

    /** The cgroup directory of a controller; when there is none, the reason is added to {@code problems}. */
    static Optional<CgroupDirectory> locate(String controller, Parsed<MountInfo> mounts, Parsed<CgroupMembership> groups,
                                            List<String> problems) {
        if (!groups.ok() || !mounts.ok()) {
            problems.add(groups.ok() ? mounts.problem() : groups.problem());
            return Optional.empty();
        }
        try {
            return Optional.of(CgroupDirectory.locate(controller, groups.value(), mounts.value()));
        } catch (CgroupDirectory.NotFound e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
    }
}
