package io.bulwark.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bulwark.InputException;
import io.bulwark.TestFiles;
import io.bulwark.audit.FindingStatus;
import io.bulwark.probe.ContainerEngine;
import io.bulwark.probe.OciBundle;
import io.bulwark.probe.ProcessTarget;
import io.bulwark.probe.TargetVerdicts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scan --config: configs judged by the same rules as the live containers they describe. */
class ConfigTargetTest {
    @TempDir
    Path tmp;

    private static Path fixture(String name) {
        return TestFiles.resource("config/" + name);
    }

    @Test
    void kubernetesManifestsGiveOneTargetPerContainerWithTheirVerdictsAndLines() {
        Path file = fixture("kubernetes-deployment-and-privileged-cronjob.yaml");
        List<ConfigTarget> targets = ConfigTarget.of(file);
        assertThat(targets).hasSize(2);
        assertThat(targets.get(0).target().kind()).isEqualTo("config");
        assertThat(targets.get(0).target().id()).startsWith(file + "#0").contains("container web");
        TargetVerdicts web = TargetVerdicts.of(targets.get(0));
        assertThat(web.value("seccomp.mode")).isEqualTo(2L);
        assertThat(web.value("privesc.no_new_privs")).isEqualTo(true);
        assertThat(web.value("caps.effective")).asList().isEmpty();
        assertThat(web.value("user.is_host_root")).isEqualTo(false);
        assertThat(web.value("syscall.mount")).isEqualTo("refused");
        assertThat(web.fact("privesc.no_new_privs").evidence()).contains(file + ":13");
        assertThat(web.fact("cgroup.pids.max").observed()).isFalse();
        assertThat(web.fact("cgroup.pids.max").evidence()).contains("not stated in the config");

        TargetVerdicts backup = TargetVerdicts.of(targets.get(1));
        assertThat(targets.get(1).target().id()).startsWith(file + "#2");
        assertThat(backup.verdict("BW-CAP-004")).isEqualTo(FindingStatus.FAIL);
        assertThat(backup.verdict("BW-SECCOMP-001")).isEqualTo(FindingStatus.FAIL);
        assertThat(backup.verdict("BW-NS-001")).isEqualTo(FindingStatus.FAIL);
        assertThat(backup.verdict("BW-PROC-001")).isEqualTo(FindingStatus.FAIL);
        assertThat(backup.verdict("BW-SYS-001")).isEqualTo(FindingStatus.FAIL);
        assertThat(backup.value("host_mounts.docker_socket")).isEqualTo(true);
        assertThat(backup.fact("host_mounts.sockets").evidence()).contains(file + ":45");
    }

    @Test
    void malformedOrForeignFilesAreBadInputNamingTheFile() {
        assertThatThrownBy(() -> ConfigTarget.of(fixture("malformed-truncated.json")))
                .isInstanceOf(InputException.class).hasMessageContaining("malformed JSON at line");
        assertThatThrownBy(() -> ConfigTarget.of(fixture("malformed-yaml-indent.yaml")))
                .isInstanceOf(InputException.class).hasMessageContaining("malformed YAML at line");
        assertThatThrownBy(() -> ConfigTarget.of(fixture("json-that-is-no-config.json")))
                .isInstanceOf(InputException.class).hasMessageContaining("neither an OCI config");
        assertThatThrownBy(() -> ConfigTarget.of(tmp.resolve("missing.json")))
                .isInstanceOf(InputException.class).hasMessageContaining("no such file");
    }

    /** A field of the wrong type would read as absent, and a quoted "true" as unprivileged: refused instead, by its path. */
    @Test
    void aFieldOfTheWrongTypeIsBadInputNamingItsPath() {
        assertThatThrownBy(() -> ConfigTarget.of(fixture("oci-bounding-not-a-list.json")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("process.capabilities.bounding should be a list, not \"CAP_SYS_ADMIN\"");
        assertThatThrownBy(() -> ConfigTarget.of(fixture("inspect-privileged-quoted.json")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("HostConfig.Privileged should be true or false, not \"true\"");
        assertThatThrownBy(() -> ConfigTarget.of(fixture("kubernetes-privileged-quoted.yaml")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("kubernetes-privileged-quoted.yaml#1: spec.template.spec.containers[0].securityContext.privileged"
                        + " should be true or false, not \"true\"");
    }

    @Test
    void dockerInspectGivesTheLiveVerdictsOfTheSameContainer() throws Exception {
        try (ContainerEngine docker = ContainerEngine.docker()) {
            List<List<String>> options = List.of(List.of(), List.of("--cap-add", "SYS_ADMIN"),
                    List.of("--security-opt", "seccomp=unconfined"), List.of("--security-opt", "no-new-privileges", "--pids-limit", "64"),
                    List.of("--pid", "host", "-v", "/run:/run", "--read-only"), List.of("--network", "host"));
            for (int i = 0; i < options.size(); i++) {
                String id = docker.start("config-" + i, options.get(i));
                assertSameVerdicts(docker, id, options.get(i));
            }
        }
    }

    @Test
    void podmanInspectAndItsOciConfigGiveTheLiveVerdicts() throws Exception {
        try (ContainerEngine podman = ContainerEngine.podman()) {
            String mapped = podman.start("config-uidmap", List.of("--uidmap", "0:100000:65536", "--gidmap", "0:100000:65536"));
            assertSameVerdicts(podman, mapped, List.of("--uidmap"));
            String plain = podman.start("config-plain", List.of("--security-opt", "no-new-privileges"));
            assertSameVerdicts(podman, plain, List.of("no-new-privileges"));
            Path oci = Path.of(podman.check(List.of("inspect", "-f", "{{.OCIConfigPath}}", plain)).strip());
            Path copy = Files.copy(oci, tmp.resolve("config.json"));
            TargetVerdicts live = TargetVerdicts.of(ProcessTarget.of(podman.pid(plain)));
            TargetVerdicts config = TargetVerdicts.of(ConfigTarget.of(copy).get(0));
            assertThat(disagreements(live, config)).isEmpty();
            assertThat(config.value("privesc.no_new_privs")).isEqualTo(true);
        }
    }

    @Test
    void aRuncBundlesConfigJsonGivesTheLiveVerdictsOfItsContainer() throws Exception {
        Map<String, Consumer<ObjectNode>> variants = new LinkedHashMap<>();
        variants.put("runc spec as written", config -> { });
        variants.put("CAP_SYS_ADMIN, privileges, writable root, nothing masked", config -> {
            ObjectNode process = (ObjectNode) config.get("process");
            process.put("noNewPrivileges", false);
            process.get("capabilities").forEach(set -> ((ArrayNode) set).add("CAP_SYS_ADMIN"));
            ((ObjectNode) config.get("root")).put("readonly", false);
            ((ObjectNode) config.get("linux")).remove(List.of("maskedPaths", "readonlyPaths"));
        });
        variants.put("pids limit and a seccomp filter refusing mount and unshare", config -> {
            ObjectNode linux = (ObjectNode) config.get("linux");
            linux.putObject("resources").putObject("pids").put("limit", 64);
            ObjectNode seccomp = linux.putObject("seccomp");
            seccomp.put("defaultAction", "SCMP_ACT_ALLOW");
            seccomp.putArray("architectures").add("SCMP_ARCH_X86_64");
            ObjectNode refused = seccomp.putArray("syscalls").addObject();
            refused.putArray("names").add("mount").add("unshare").add("setns");
            refused.put("action", "SCMP_ACT_ERRNO");
        });
        for (Map.Entry<String, Consumer<ObjectNode>> variant : variants.entrySet()) {
            try (OciBundle runc = OciBundle.runc("config", variant.getValue())) {
                TargetVerdicts live = TargetVerdicts.of(ProcessTarget.of(runc.pid()));
                TargetVerdicts config = TargetVerdicts.of(ConfigTarget.of(Files.copy(runc.config(), tmp.resolve("config.json"),
                        StandardCopyOption.REPLACE_EXISTING)).get(0));
                assertAgree(live, config, "runc, " + variant.getKey());
                if (variant.getKey().startsWith("CAP_SYS_ADMIN")) {
                    assertThat(config.verdict("BW-CAP-001")).isEqualTo(FindingStatus.FAIL);
                    assertThat(config.verdict("BW-PROC-001")).as("unmasked in the config, whatever this kernel has")
                            .isEqualTo(FindingStatus.FAIL);
                }
                if (variant.getKey().startsWith("pids")) {
                    assertThat(live.value("syscall.mount")).isEqualTo("refused");
                    assertThat(config.value("syscall.mount")).isEqualTo("refused");
                    assertThat(live.value("cgroup.pids.max")).isEqualTo(64L);
                }
            }
        }
    }

    private void assertSameVerdicts(ContainerEngine engine, String id, List<String> options) throws Exception {
        TargetVerdicts live = TargetVerdicts.of(ProcessTarget.of(engine.pid(id)));
        TargetVerdicts config = TargetVerdicts.of(ConfigTarget.of(engine.inspect(id, tmp)).get(0));
        assertAgree(live, config, engine.name() + " " + options);
    }

    /** No rule both judge gets two verdicts, and they judge enough rules in common for that to mean something. */
    private static void assertAgree(TargetVerdicts live, TargetVerdicts config, String what) {
        List<String> compared = new ArrayList<>();
        live.verdicts().forEach((rule, status) -> {
            if (judged(status) && judged(config.verdict(rule))) {
                compared.add(rule);
            }
        });
        assertThat(disagreements(live, config)).as(what).isEmpty();
        assertThat(compared).as("rules both judge for " + what).hasSizeGreaterThan(20);
    }

    /**
     * Rules judged differently. A path this kernel lacks (this host has no /proc/kcore) passes
     * live, while the config that leaves it unmasked fails on any kernel that has it: not a
     * disagreement.
     */
    private static List<String> disagreements(TargetVerdicts live, TargetVerdicts config) {
        List<String> out = new ArrayList<>();
        live.verdicts().forEach((rule, status) -> {
            FindingStatus other = config.verdict(rule);
            if (judged(status) && judged(other) && status != other && !live.readsAbsentPath(rule)) {
                out.add(rule + ": live " + status + ", config " + other);
            }
        });
        return out;
    }

    private static boolean judged(FindingStatus s) {
        return s == FindingStatus.PASS || s == FindingStatus.FAIL;
    }
}
