package io.bulwark.seccomp;

import io.bulwark.os.KernelVersion;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** bulwark's programs against libseccomp's exported ones: the same action everywhere but the named cases. */
class DifferentialTest {
    private static final Target X86_64 = new Target(Arch.X86_64, Target.dockerDefaultCapabilities(), new KernelVersion(6, 1, 0));

    @BeforeAll
    static void libseccomp() {
        Libseccomp.assumeAvailable();
    }

    @Test
    void everyFeatureFixtureAgreesWithLibseccomp() {
        DifferentialComparison c = DifferentialComparison.run(ProfileLoader.load(Reference.fixture("every-feature.json")), X86_64);
        assertThat(c.errors).isEmpty();
        assertThat(c.comparisons).isGreaterThan(10_000);
        // the fixture conditions 'socket' and 'connect', which i386 can also reach through socketcall
        assertThat(c.deliberate).containsKey(DifferentialComparison.MULTIPLEXED);
        System.out.println("every-feature: " + c.comparisons + " comparisons, deliberate differences " + c.deliberate);
    }

    @Test
    void shippedProfilesAgreeWithLibseccomp() {
        for (String name : new String[] {"default", "strict"}) {
            for (Set<String> caps : java.util.List.of(Target.dockerDefaultCapabilities(), Set.of("CAP_SYS_ADMIN"))) {
                Target t = new Target(Arch.X86_64, caps, new KernelVersion(6, 1, 0));
                DifferentialComparison c = DifferentialComparison.run(ProfileLoader.bundled(name), t);
                assertThat(c.errors).as(name + " " + caps).isEmpty();
                System.out.println(name + " " + caps + ": " + c.comparisons + " comparisons, deliberate differences " + c.deliberate);
            }
        }
    }

    @Test
    @Tag("anchors")
    void dockersProfileAgreesWithLibseccomp() {
        Path docker = Paths.get(System.getProperty("bulwark.shared.dir", "../shared"), "anchors", "docker-default-seccomp.json");
        for (Set<String> caps : java.util.List.of(Target.dockerDefaultCapabilities(), Set.of("CAP_SYS_ADMIN", "CAP_SYS_PTRACE"))) {
            DifferentialComparison c = DifferentialComparison.run(ProfileLoader.load(docker),
                    new Target(Arch.X86_64, caps, new KernelVersion(6, 1, 0)));
            assertThat(c.errors).isEmpty();
            System.out.println("docker " + caps + ": " + c.comparisons + " comparisons, deliberate differences " + c.deliberate);
        }
    }
}
