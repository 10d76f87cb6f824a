package io.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Finding a controller's parent cgroup on directory trees that mimic the hierarchies: v1
 * (hybrid, as on a host with pids on v1) and v2 (unified, delegated or not).
 */
class CgroupLayoutTest {
    static final Path FIXTURES = Path.of("src/test/resources/cgroups");

    static CgroupLayout layout(String name) throws Exception {
        Path root = FIXTURES.resolve(name);
        return new CgroupLayout(root, Files.readString(root.resolve("proc-self-cgroup")));
    }

    @Test
    void v1ControllerIsTheCallersCgroupInItsHierarchy() throws Exception {
        CgroupLayout l = layout("hybrid-v1-pids");
        assertThat(l.find("pids")).contains(new CgroupLayout.Controller(FIXTURES.resolve("hybrid-v1-pids/pids"), 1));
        assertThat(l.find("memory")).contains(
                new CgroupLayout.Controller(FIXTURES.resolve("hybrid-v1-pids/memory/process_api/abc"), 1));
    }

    @Test
    void v2ControllerIsFoundInTheUnifiedHierarchyAndDelegated() throws Exception {
        CgroupLayout l = layout("v2-delegated");
        CgroupLayout.Controller pids = l.find("pids").orElseThrow();
        assertThat(pids).isEqualTo(new CgroupLayout.Controller(FIXTURES.resolve("v2-delegated/user.slice/bulwark.service"), 2));
        assertThat(l.delegates(pids, "pids")).isTrue();
    }

    @Test
    void v2ControllerThatIsNotDelegatedIsSaidSo() throws Exception {
        CgroupLayout l = layout("v2-not-delegated");
        CgroupLayout.Controller pids = l.find("pids").orElseThrow();
        assertThat(l.delegates(pids, "pids")).isFalse();
        assertThat(l.delegates(l.find("memory").orElseThrow(), "memory")).isTrue();
    }

    @Test
    void aControllerMountedNowhereIsAbsent() throws Exception {
        assertThat(layout("no-pids").find("pids")).isEmpty();
        assertThat(layout("hybrid-v1-pids").find("hugetlb")).isEmpty();
    }
}
