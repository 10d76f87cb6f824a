package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.audit.Confidence;
import io.bulwark.audit.Fact;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeccompProbeTest {

    static Map<String, Fact> collect(String fixture) {
        List<Fact> facts = ProbeRunner.run(new SeccompProbe(), ProbeContext.fixture(Path.of("src/test/resources/fixtures", fixture)));
        return facts.stream().collect(Collectors.toMap(Fact::name, Function.identity()));
    }

    @Test
    void dockersDefaultIsAFilterWithoutNoNewPrivs() {
        Map<String, Fact> f = collect("seccomp-docker-default");
        assertThat(f.get("seccomp.mode").value()).isEqualTo(2L);
        assertThat(f.get("seccomp.mode").evidence()).contains("filter");
        assertThat(f.get("seccomp.filters").value()).isEqualTo(1L);
        assertThat(f.get("privesc.no_new_privs").value()).isEqualTo(false);
        assertThat(f.get("privesc.setuid_binaries").value()).isEqualTo(List.of());
        assertThat(f.get("privesc.setuid_binaries").evidence()).contains("no setuid-root");
    }

    @Test
    void noNewPrivsAndAFilterStack() {
        Map<String, Fact> f = collect("seccomp-filter-with-no-new-privs");
        assertThat(f.get("privesc.no_new_privs").value()).isEqualTo(true);
        assertThat(f.get("seccomp.filters").value()).isEqualTo(3L);
    }

    @Test
    void anOldKernelsStatusLeavesTheNewerFieldsUnobserved() {
        Map<String, Fact> f = collect("seccomp-kernel-4.4-old-status");
        assertThat(f.get("seccomp.mode").value()).isEqualTo(0L);
        assertThat(f.get("seccomp.filters").observed()).isFalse();
        assertThat(f.get("seccomp.filters").evidence()).contains("5.9");
        assertThat(f.get("privesc.no_new_privs").observed()).isFalse();
        assertThat(f.get("privesc.no_new_privs").evidence()).contains("4.10");
    }

    @Test
    void aKernelWithoutSeccompHasModeZeroLikely() {
        Fact mode = collect("seccomp-kernel-without-seccomp").get("seccomp.mode");
        assertThat(mode.value()).isEqualTo(0L);
        assertThat(mode.confidence()).isEqualTo(Confidence.LIKELY);
        assertThat(mode.evidence()).contains("built without seccomp");
    }

    @Test
    void malformedValuesAreUnobservedWithTheLine() {
        Map<String, Fact> f = collect("seccomp-malformed-status");
        assertThat(f.get("seccomp.mode").observed()).isFalse();
        assertThat(f.get("seccomp.mode").evidence()).contains("'banana'");
        assertThat(f.get("seccomp.filters").observed()).isFalse();
        assertThat(f.get("privesc.no_new_privs").observed()).isFalse();
    }

    @Test
    void aStatusWithoutTheUsualLinesIsNotTakenForAKernelWithoutSeccomp() {
        Map<String, Fact> f = collect("sysctl-tree-hidden");
        assertThat(f.get("seccomp.mode").observed()).isFalse();
    }

    @Test
    void aMissingStatusMakesEveryFactUnobserved() {
        assertThat(collect("does-not-exist").values()).allSatisfy(fact -> assertThat(fact.observed()).isFalse());
    }

    @Test
    void liveProbeReadsThisProcessesMode() throws Exception {
        Map<String, Fact> f = ProbeRunner.run(new SeccompProbe(), ProbeContext.self()).stream()
                .collect(Collectors.toMap(Fact::name, Function.identity()));
        String status = java.nio.file.Files.readString(Path.of("/proc/self/status"));
        long mode = Long.parseLong(status.lines().filter(l -> l.startsWith("Seccomp:")).findFirst().orElseThrow().split("\\s+")[1]);
        assertThat(f.get("seccomp.mode").value()).isEqualTo(mode);
        assertThat(f.get("privesc.setuid_binaries").observed()).isTrue();
    }
}
