package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.TestFiles;
import io.bulwark.os.DeviceNode;
import io.bulwark.os.DeviceNumber;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevProbeTest {
    @TempDir
    Path tmp;

    /** Git holds no device files: each fixture's dev/nodes.list names the nodes its /dev stands for. */
    static List<DeviceNode> listing(Path dev) throws IOException {
        List<DeviceNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(dev.resolve("nodes.list"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (f.length != 4 || !(f[0].equals("c") || f[0].equals("b"))) {
                throw new IOException("nodes.list line '" + line + "' is not 'c|b MAJOR MINOR NAME'");
            }
            nodes.add(new DeviceNode(f[3], f[0].equals("c") ? DeviceNode.Kind.CHAR : DeviceNode.Kind.BLOCK,
                    new DeviceNumber(Long.parseLong(f[1]), Long.parseLong(f[2]))));
        }
        return nodes;
    }

    private FixtureFacts scan(String fixture) {
        return FixtureFacts.of(new DevProbe(DevProbeTest::listing), TestFiles.resource("fixtures/" + fixture));
    }

    @Test
    void dockerDefaultDevIsTheMinimalSet() {
        FixtureFacts facts = scan("dev-docker-default");
        assertThat(facts.value("dev.extra_nodes")).asList().isEmpty();
        assertThat(facts.value("dev.mem_present")).isEqualTo(false);
        assertThat(facts.value("dev.kmsg_present")).isEqualTo(false);
        assertThat(facts.value("dev.block_devices")).asList().isEmpty();
    }

    @Test
    void privilegedDevNamesEveryExtraNode() {
        FixtureFacts facts = scan("dev-privileged");
        assertThat(facts.value("dev.extra_nodes")).asList()
                .contains("kmsg", "mem", "sda", "nvme0n1", "dm-0", "loop0", "net/tun", "cpu/0/msr", "tty0", "kvm", "fuse")
                .doesNotContain("null", "zero", "ptmx", "console", "tty", "pts/0", "pts/ptmx");
        assertThat(facts.value("dev.mem_present")).isEqualTo(true);
        assertThat(facts.evidence("dev.mem_present")).contains("mem (c 1:1)", "kmem (c 1:2)", "port (c 1:4)");
        assertThat(facts.value("dev.kmsg_present")).isEqualTo(true);
        assertThat(facts.value("dev.block_devices")).asList()
                .containsExactly("loop0", "loop1", "dm-0", "nvme0n1", "nvme0n1p1", "sda", "sda1");
    }

    @Test
    void kernelLogUnderAnotherNameIsStillKmsg() {
        FixtureFacts facts = scan("dev-renamed-kmsg");
        assertThat(facts.value("dev.kmsg_present")).isEqualTo(true);
        assertThat(facts.evidence("dev.kmsg_present")).contains("klog (c 1:11)");
    }

    @Test
    void unreadableListingMakesEveryDevFactUnobserved() {
        FixtureFacts facts = scan("dev-malformed");
        assertThat(facts.observed("dev.extra_nodes")).isFalse();
        assertThat(facts.evidence("dev.block_devices")).contains("not 'c|b MAJOR MINOR NAME'");
    }

    @Test
    void noDevAtAllHasNoNodes() {
        FixtureFacts facts = FixtureFacts.of(new DevProbe(DevProbeTest::listing), tmp);
        assertThat(facts.value("dev.extra_nodes")).asList().isEmpty();
        assertThat(facts.evidence("dev.mem_present")).startsWith("absent");
    }

    @Test
    void liveDevIsListedWithRealNodeTypes() {
        FixtureFacts facts = FixtureFacts.live(new DevProbe());
        assertThat(facts.value("dev.extra_nodes")).asList().doesNotContain("null", "zero", "urandom");
        assertThat(facts.evidence("dev.extra_nodes")).contains("device nodes under /dev");
        assertThat(facts.observed("dev.block_devices")).isTrue();
    }
}
