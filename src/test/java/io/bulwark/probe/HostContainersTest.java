package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bulwark.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** scan --all: every container on the host found once, named by runtime and id; the host itself is not one. */
class HostContainersTest {
    private static final Path TWO_CONTAINERS = Path.of("src/test/resources/io/bulwark/probe/host-proc-two-containers");
    private static final Path UNSHARE_SANDBOX = Path.of("src/test/resources/io/bulwark/probe/host-proc-unshare-sandbox");

    @Test
    void eachNamespaceSetIsOneContainerRepresentedByItsInitWithKernelThreadsAndZombiesLeftOut() {
        HostContainers.Discovery found = new HostContainers(TWO_CONTAINERS).discover();
        assertThat(found.unreadable()).isZero();
        assertThat(found.containers()).containsExactly(
                new FoundContainer(300, "docker", "bfd221dc37687b1893f094738f6ba5fbd368d5be5edbb1c370c10debd9df8ca8",
                        List.of("pid", "mnt", "net", "uts", "ipc"), 2),
                new FoundContainer(501, "bubblewrap", null, List.of("pid", "mnt"), 2));
        assertThat(found.containers().get(0).target().id()).isEqualTo("bfd221dc37687b1893f094738f6ba5fbd368d5be5edbb1c370c10debd9df8ca8");
        assertThat(found.containers().get(1).target().id()).isEqualTo("pid-501");
        assertThat(found.containers().get(1).target().description()).startsWith("bubblewrap container (init pid 501, 2 processes");
    }

    /**
     * unshare --fork enters the new user and mount namespaces itself and leaves only the pid
     * namespace to its child: one sandbox, not two. A parent whose child differs in more than the
     * pid namespace (a pause process and a container of its own mount namespace) stays apart.
     */
    @Test
    void aLauncherThatDiffersFromItsChildOnlyInThePidNamespaceIsCountedInItsSandbox() {
        HostContainers.Discovery found = new HostContainers(UNSHARE_SANDBOX).discover();
        assertThat(found.containers()).containsExactly(
                new FoundContainer(801, RuntimeProbe.UNKNOWN, null, List.of("pid", "mnt", "user"), 2),
                new FoundContainer(900, RuntimeProbe.UNKNOWN, null, List.of("mnt", "user"), 1),
                new FoundContainer(901, RuntimeProbe.UNKNOWN, null, List.of("pid", "mnt", "user"), 1));
    }

    @Test
    void dockerPodmanAndBubblewrapContainersAreEachFoundOnceByRuntimeAndId() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/bwrap")), "needs bubblewrap");
        try (ContainerEngine docker = ContainerEngine.docker(); ContainerEngine podman = ContainerEngine.podman()) {
            String dockerId = docker.start("all-docker", List.of());
            String podmanId = podman.start("all-podman", List.of());
            long dockerPid = docker.pid(dockerId);
            long podmanPid = podman.pid(podmanId);
            long sandbox = FilterDumpTest.detached(List.of("/usr/bin/bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
                    "--unshare-pid", "--unshare-uts", "/bin/sleep", "600"));
            try {
                long sandboxInit = ProcessHandle.of(sandbox).flatMap(ProcessHandle::parent).orElseThrow().pid();

                HostContainers.Discovery discovery = new HostContainers(Path.of("/proc")).discover();
                assertThat(discovery.unreadable()).as("as root every process's namespaces can be read").isZero();
                List<FoundContainer> found = discovery.containers();
                assertThat(found).filteredOn(c -> c.pid() == dockerPid).singleElement()
                        .satisfies(c -> assertThat(c.runtime()).isEqualTo("docker"))
                        .satisfies(c -> assertThat(c.id()).isEqualTo(dockerId));
                assertThat(found).filteredOn(c -> c.pid() == podmanPid).singleElement()
                        .satisfies(c -> assertThat(c.runtime()).isEqualTo("podman"))
                        .satisfies(c -> assertThat(c.id()).isEqualTo(podmanId));
                assertThat(found).filteredOn(c -> c.pid() == sandboxInit).singleElement()
                        .satisfies(c -> assertThat(c.runtime()).isEqualTo("bubblewrap"))
                        .satisfies(c -> assertThat(c.ownNamespaces()).contains("pid", "mnt", "uts"));
                assertThat(found).as("the sandbox's sleep belongs to its init's group").noneMatch(c -> c.pid() == sandbox);
                assertThat(found).as("the host (this JVM's namespaces) is not a container")
                        .noneMatch(c -> c.pid() == ProcessHandle.current().pid() || c.pid() == 1);

                JsonNode report = scanAllJson();
                List<String> ids = new ArrayList<>();
                report.get("targets").forEach(t -> ids.add(t.get("target").get("id").asText()));
                assertThat(ids).containsOnlyOnce(dockerId, podmanId, "pid-" + sandboxInit).doesNotContain("self");
                report.get("targets").forEach(t -> assertThat(t.get("target").get("kind").asText()).isEqualTo("container"));
                assertThat(fact(report, dockerId, "runtime.name")).isEqualTo("docker");
                assertThat(fact(report, podmanId, "runtime.name")).isEqualTo("podman");
                assertThat(fact(report, "pid-" + sandboxInit, "runtime.name")).isEqualTo("bubblewrap");
                assertThat(fact(report, dockerId, "syscall.sweep")).isEqualTo("filter-dump");
            } finally {
                ProcessHandle.of(sandbox).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    void aRuncBundleAndAnUnshareSandboxAreEachFoundOnceWithTheirLauncherCountedIn() throws Exception {
        try (OciBundle runc = OciBundle.runc("all-runc")) {
            long runcPid = runc.pid();
            long sleep = ProcessTargetTest.unshareSandboxAsNobody();
            try {
                long unshare = ProcessHandle.of(sleep).flatMap(ProcessHandle::parent).orElseThrow().pid();
                List<FoundContainer> found = new HostContainers(Path.of("/proc")).discover().containers();
                assertThat(found).filteredOn(c -> c.pid() == runcPid).singleElement()
                        .satisfies(c -> assertThat(c.ownNamespaces()).containsExactly("pid", "mnt", "net", "uts", "ipc"))
                        .satisfies(c -> assertThat(c.runtime()).isEqualTo("runc"))
                        .satisfies(c -> assertThat(c.id()).isEqualTo(runc.id()));
                assertThat(found).as("unshare enters the user and mount namespaces itself; it is the sandbox's launcher, not a container")
                        .noneMatch(c -> c.pid() == unshare);
                assertThat(found).filteredOn(c -> c.pid() == sleep).singleElement()
                        .satisfies(c -> assertThat(c.ownNamespaces()).containsExactly("pid", "mnt", "user"))
                        .satisfies(c -> assertThat(c.target().description()).contains("2 processes"));

                JsonNode report = scanAllJson();
                List<String> ids = new ArrayList<>();
                report.get("targets").forEach(t -> ids.add(t.get("target").get("id").asText()));
                assertThat(ids).containsOnlyOnce(runc.id(), "pid-" + sleep).doesNotContain("pid-" + unshare);
                assertThat(fact(report, "pid-" + sleep, "ns.user.shared")).isEqualTo("false");
                assertThat(fact(report, "pid-" + sleep, "user.is_host_root")).isEqualTo("false");
                assertThat(fact(report, runc.id(), "ns.user.shared")).isEqualTo("true");
                assertThat(fact(report, runc.id(), "privesc.no_new_privs")).isEqualTo("true");
                assertThat(status(report, "pid-" + sleep, "BW-NS-005")).isEqualTo("pass");
                assertThat(status(report, runc.id(), "BW-NS-005")).isEqualTo("fail");
                assertThat(status(report, runc.id(), "BW-ROOT-001")).isEqualTo("fail");
                assertThat(status(report, "pid-" + sleep, "BW-ROOT-001")).isEqualTo("pass");
            } finally {
                ProcessTargetTest.stopUnshareSandbox(sleep);
            }
        }
    }

    private static String status(JsonNode report, String id, String rule) {
        for (JsonNode t : report.get("targets")) {
            if (t.get("target").get("id").asText().equals(id)) {
                for (JsonNode f : t.get("findings")) {
                    if (f.get("ruleId").asText().equals(rule)) {
                        return f.get("status").asText();
                    }
                }
            }
        }
        throw new AssertionError("no finding " + rule + " for target " + id);
    }

    private static JsonNode scanAllJson() throws Exception {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("scan", "--all", "--format", "json");
        assertThat(code).as(err.toString()).isIn(0, 1);
        return new ObjectMapper().readTree(out.toString());
    }

    private static String fact(JsonNode report, String id, String name) {
        for (JsonNode t : report.get("targets")) {
            if (t.get("target").get("id").asText().equals(id)) {
                for (JsonNode f : t.get("facts")) {
                    if (f.get("name").asText().equals(name)) {
                        return f.get("value").asText();
                    }
                }
            }
        }
        throw new AssertionError("no fact " + name + " for target " + id);
    }
}
