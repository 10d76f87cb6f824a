package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.audit.Confidence;
import io.bulwark.audit.Fact;
import io.bulwark.os.KernelVersion;
import io.bulwark.os.Namespaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NamespaceProbeTest {

    static Map<String, Fact> collect(String fixture) {
        List<Fact> facts = ProbeRunner.run(new NamespaceProbe(), ProbeContext.fixture(Path.of("src/test/resources/fixtures", fixture)));
        return facts.stream().collect(Collectors.toMap(Fact::name, Function.identity()));
    }

    private static void assertShared(Map<String, Fact> f, String type, boolean shared, Confidence confidence) {
        Fact fact = f.get("ns." + type + ".shared");
        assertThat(fact.observed()).as(fact.evidence()).isTrue();
        assertThat(fact.value()).as(type + ": " + fact.evidence()).isEqualTo(shared);
        assertThat(fact.confidence()).as(type + ": " + fact.evidence()).isEqualTo(confidence);
    }

    @Test
    void aBareHostOnLinux618SharesEveryNamespaceForCertain() {
        Map<String, Fact> f = collect("ns-host-kernel-6.18");
        for (String type : Namespaces.TYPES) {
            assertShared(f, type, true, Confidence.CERTAIN);
            assertThat(f.get("ns." + type + ".inode").value()).isEqualTo(Namespaces.initialInode(type).orElseThrow());
        }
        assertThat(f.get("ns.pid.shared").evidence()).contains("kthreadd");
        assertThat(f.get("ns.net.shared").evidence()).contains("6.18").contains("interfaces visible: lo, eth0");
        assertThat(f.get("ns.mnt.shared").evidence()).contains("4026531832").contains("0xEFFFFFF8");
    }

    @Test
    void aContainerOnLinux618SharesNothing() {
        Map<String, Fact> f = collect("ns-container-kernel-6.18");
        for (String type : Namespaces.TYPES) {
            assertShared(f, type, false, Confidence.CERTAIN);
        }
        assertThat(f.get("ns.pid.inode").value()).isEqualTo(4026532255L);
        assertThat(f.get("ns.pid.shared").evidence()).contains("not kthreadd");
    }

    @Test
    void onAnOlderKernelTheHostIsRecognisedThroughPidOnesNamespaces() {
        Map<String, Fact> f = collect("ns-host-kernel-5.15");
        assertShared(f, "mnt", true, Confidence.CERTAIN);
        assertShared(f, "net", true, Confidence.CERTAIN);
        assertThat(f.get("ns.net.shared").evidence()).contains("pid 1").contains("net:[4026531992]").contains("dynamically");
        assertShared(f, "pid", true, Confidence.CERTAIN);
    }

    @Test
    void onAnOlderKernelALoopbackOnlyContainerIsLikelyNotOnTheHostNetwork() {
        Map<String, Fact> f = collect("ns-container-kernel-5.15-no-network");
        assertShared(f, "net", false, Confidence.LIKELY);
        assertThat(f.get("ns.net.shared").evidence()).contains("only the loopback");
        assertShared(f, "mnt", false, Confidence.GUESS);
        assertShared(f, "pid", false, Confidence.CERTAIN);
        assertShared(f, "user", true, Confidence.CERTAIN);
    }

    @Test
    void onAnOlderKernelHostBridgesMeanTheHostNetwork() {
        Map<String, Fact> f = collect("ns-container-kernel-5.10-host-network");
        assertShared(f, "net", true, Confidence.LIKELY);
        assertThat(f.get("ns.net.shared").evidence()).contains("docker0").contains("veth1a2b3c4");
        assertShared(f, "uts", true, Confidence.CERTAIN);
    }

    @Test
    void onAnOlderKernelAVethAloneLeavesTheNetworkNamespaceUnjudged() {
        Map<String, Fact> f = collect("ns-container-kernel-5.15-veth-only");
        assertThat(f.get("ns.net.shared").observed()).isFalse();
        assertThat(f.get("ns.net.shared").evidence()).contains("cannot tell").contains("eth0");
        assertThat(f.get("ns.net.inode").value()).isEqualTo(4026532807L);
    }

    @Test
    void aKernelWithoutTimeNamespacesLeavesTimeUnobservedWithTheReason() {
        Map<String, Fact> f = collect("ns-kernel-5.4-without-time-namespace");
        assertThat(f.get("ns.time.shared").observed()).isFalse();
        assertThat(f.get("ns.time.shared").evidence()).contains("no time namespaces").contains("5.6");
        assertThat(f.get("ns.time.inode").observed()).isFalse();
        assertShared(f, "mnt", true, Confidence.LIKELY);
        assertThat(f.get("ns.mnt.shared").evidence()).contains("4026531840").contains("first dynamically allocated");
    }

    @Test
    void malformedLinksAndAnUnknownKernelAreReportedNotGuessed() {
        Map<String, Fact> f = collect("ns-malformed-links");
        assertThat(f.get("ns.pid.inode").observed()).isFalse();
        assertThat(f.get("ns.pid.inode").evidence()).contains("'garbage'");
        assertThat(f.get("ns.pid.shared").observed()).isFalse();
        assertThat(f.get("ns.net.shared").observed()).isFalse();
        assertThat(f.get("ns.net.shared").evidence()).contains("'net:[abc]'");
        assertThat(f.get("ns.ipc.shared").observed()).isFalse();
        assertThat(f.get("ns.uts.shared").evidence()).contains("no ns/uts link");
        // The fixed number of the initial mount namespace, on a kernel of unknown version: only likely.
        assertShared(f, "mnt", true, Confidence.LIKELY);
        assertThat(f.get("ns.mnt.shared").evidence()).contains("version is unknown");
        assertShared(f, "user", true, Confidence.CERTAIN);
    }

    @Test
    void aMissingTreeMakesEveryFactUnobserved() {
        Map<String, Fact> f = collect("does-not-exist");
        assertThat(f).hasSize(16);
        assertThat(f.values()).allSatisfy(fact -> assertThat(fact.observed()).isFalse());
    }

    /** Live: this process's namespaces, judged the same way as a fixture would be. */
    @Test
    void liveProbeAgreesWithTheLinksOfThisProcess() throws Exception {
        List<Fact> facts = ProbeRunner.run(new NamespaceProbe(), ProbeContext.self());
        Map<String, Fact> f = facts.stream().collect(Collectors.toMap(Fact::name, Function.identity()));
        boolean fixedEverywhere = KernelVersion.parse(Files.readString(Path.of("/proc/sys/kernel/osrelease")))
                .map(k -> k.atLeast(6, 18)).orElse(false);
        for (String type : Namespaces.TYPES) {
            Path link = Path.of("/proc/self/ns", type);
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            long inode = Namespaces.inode(Files.readSymbolicLink(link).toString()).orElseThrow();
            assertThat(f.get("ns." + type + ".inode").value()).isEqualTo(inode);
            if (fixedEverywhere || Namespaces.initialInodeAlwaysFixed(type)) {
                assertShared(f, type, inode == Namespaces.initialInode(type).orElseThrow(), Confidence.CERTAIN);
            }
        }
    }
}
