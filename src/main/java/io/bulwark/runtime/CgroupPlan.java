package io.bulwark.runtime;

import java.util.Map;

/**
 * A cgroup the executor creates for one run: it makes its own child directory in {@code parent}
 * (the name holds its pid, so concurrent runs never collide), writes {@code files} there in
 * order, joins the workload, and removes the directory when the run ends.
 */
public record CgroupPlan(String parent, Map<String, String> files) {
    public CgroupPlan {
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
    }
}
