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

class UserProbeTest {

    static Map<String, Fact> collect(Probe probe, String fixture) {
        List<Fact> facts = ProbeRunner.run(probe, ProbeContext.fixture(Path.of("src/test/resources/fixtures", fixture)));
        return facts.stream().collect(Collectors.toMap(Fact::name, Function.identity()));
    }

    @Test
    void rootInTheInitialUserNamespaceIsCertainlyHostRoot() {
        Map<String, Fact> f = collect(new UserProbe(), "docker-default");
        assertThat(f.get("user.uid").value()).isEqualTo(0L);
        assertThat(f.get("user.root_is_host_root").value()).isEqualTo(true);
        assertThat(f.get("user.root_is_host_root").confidence()).isEqualTo(Confidence.CERTAIN);
        assertThat(f.get("user.root_is_host_root").evidence()).contains("user:[4026531837]");
        assertThat(f.get("user.is_host_root").value()).isEqualTo(true);
        assertThat(f.get("user.uid_map").value()).isEqualTo("0 0 4294967295");
    }

    @Test
    void remappedRootIsNotHostRoot() {
        Map<String, Fact> f = collect(new UserProbe(), "userns-remapped");
        assertThat(f.get("user.root_is_host_root").value()).isEqualTo(false);
        assertThat(f.get("user.root_is_host_root").evidence()).contains("maps uid 0 to 100000");
        assertThat(f.get("user.is_host_root").value()).isEqualTo(false);
    }

    @Test
    void malformedMapsAreUnobservedWithTheReason() {
        Map<String, Fact> f = collect(new UserProbe(), "malformed-maps");
        assertThat(f.get("user.uid_map").observed()).isFalse();
        assertThat(f.get("user.uid_map").evidence()).contains("malformed");
        assertThat(f.get("user.root_is_host_root").observed()).isFalse();
        assertThat(f.get("user.is_host_root").observed()).isFalse();
        assertThat(f.get("user.uid").value()).isEqualTo(0L);
    }

    @Test
    void missingFixtureMakesEveryFactUnobservedNotAnError() {
        Map<String, Fact> f = collect(new UserProbe(), "does-not-exist");
        assertThat(f.values()).isNotEmpty().allSatisfy(fact -> {
            assertThat(fact.observed()).isFalse();
            assertThat(fact.evidence()).contains("UserProbe failed").contains("status");
        });
    }

    @Test
    void liveProbeOfThisProcessReportsEveryDeclaredFact() throws Exception {
        List<Fact> facts = ProbeRunner.run(new UserProbe(), ProbeContext.self());
        assertThat(facts).extracting(Fact::name).containsExactlyElementsOf(
                new UserProbe().facts().stream().map(s -> s.name()).toList());
        long uid = new com.sun.security.auth.module.UnixSystem().getUid();
        assertThat(facts.stream().filter(x -> x.name().equals("user.uid")).findFirst().orElseThrow().value()).isEqualTo(uid);
    }
}
