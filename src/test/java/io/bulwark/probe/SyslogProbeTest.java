package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bulwark.audit.Fact;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyslogProbeTest {
    @TempDir
    Path root;

    static Map<String, Fact> collect(ProbeContext ctx) {
        List<Fact> facts = ProbeRunner.run(new SyslogProbe(), ctx);
        return facts.stream().collect(Collectors.toMap(Fact::name, Function.identity()));
    }

    static Map<String, Fact> collect(String fixture) {
        return collect(ProbeContext.fixture(Path.of("src/test/resources/fixtures", fixture)));
    }

    @Test
    void anUnrestrictedHostExposesTheKernelLog() {
        Map<String, Fact> f = collect("syslog-host-unrestricted");
        assertThat(f.get("syslog.dev_kmsg_readable").value()).isEqualTo(true);
        assertThat(f.get("syslog.dev_kmsg_readable").evidence()).contains("without reading");
        assertThat(f.get("syslog.proc_kmsg_readable").value()).isEqualTo(true);
        assertThat(f.get("syslog.dmesg_restrict").value()).isEqualTo(false);
        assertThat(f.get("syslog.dev_log_present").value()).isEqualTo(false);
        assertThat(f.get("syslog.dev_log_present").evidence()).contains("not a socket");
    }

    @Test
    void aMaskedContainerHasNone() {
        Map<String, Fact> f = collect("syslog-container-masked");
        assertThat(f.get("syslog.dev_kmsg_readable").value()).isEqualTo(false);
        assertThat(f.get("syslog.proc_kmsg_readable").value()).isEqualTo(false);
        assertThat(f.get("syslog.dev_log_present").value()).isEqualTo(false);
        assertThat(f.get("syslog.dmesg_restrict").value()).isEqualTo(true);
    }

    @Test
    void aMalformedSysctlIsUnobserved() {
        Fact f = collect("syslog-malformed-sysctl").get("syslog.dmesg_restrict");
        assertThat(f.observed()).isFalse();
        assertThat(f.evidence()).contains("'maybe'");
    }

    @Test
    void theSyslogSocketIsFoundThroughItsLink() throws IOException {
        Path socket = root.resolve("run/systemd/journal/dev-log");
        Files.createDirectories(socket.getParent());
        Files.createDirectories(root.resolve("dev"));
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.createSymbolicLink(root.resolve("dev/log"), socket);
            Fact f = collect(ProbeContext.fixture(root)).get("syslog.dev_log_present");
            assertThat(f.value()).isEqualTo(true);
            assertThat(f.evidence()).contains("is a socket").contains("a link to");
        }
    }

    @Test
    void aKernelLogMaskedWithDevNullIsNotReadable() throws IOException {
        Files.createDirectories(root.resolve("dev"));
        Files.createSymbolicLink(root.resolve("dev/kmsg"), Path.of("/dev/null"));
        Fact f = collect(ProbeContext.fixture(root)).get("syslog.dev_kmsg_readable");
        assertThat(f.value()).isEqualTo(false);
        assertThat(f.evidence()).contains("masked").contains("1:3");
    }

    /** Any other device could act when opened, and a FIFO would block: neither is opened. */
    @Test
    void otherDevicesAndFifosAreNotOpened() throws Exception {
        Files.createDirectories(root.resolve("dev"));
        Files.createSymbolicLink(root.resolve("dev/kmsg"), Path.of("/dev/zero"));
        Fact device = collect(ProbeContext.fixture(root)).get("syslog.dev_kmsg_readable");
        assertThat(device.observed()).isFalse();
        assertThat(device.evidence()).contains("not opened").contains("1:5");

        Process mkfifo = new ProcessBuilder("mkfifo", root.resolve("proc-kmsg-fifo").toString()).start();
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "needs mkfifo");
        Fact fifo = SyslogProbe.openWithoutReading("syslog.proc_kmsg_readable", root.resolve("proc-kmsg-fifo"), "/proc/kmsg");
        assertThat(fifo.observed()).isFalse();
        assertThat(fifo.evidence()).contains("mode 010000");
    }

    @Test
    void encodesDeviceNumbersAsTheKernelDoes() {
        assertThat(SyslogProbe.dev(1, 11)).isEqualTo(0x10bL);
        assertThat(SyslogProbe.major(SyslogProbe.dev(259, 70000))).isEqualTo(259);
        assertThat(SyslogProbe.minor(SyslogProbe.dev(259, 70000))).isEqualTo(70000);
    }

    @Test
    void liveProbeObservesEveryFact() {
        Map<String, Fact> f = collect(ProbeContext.self());
        assertThat(f.get("syslog.dev_log_present").observed()).isTrue();
        assertThat(f.get("syslog.dev_kmsg_readable").observed()).isTrue();
        assertThat(f.get("syslog.proc_kmsg_readable").observed()).isTrue();
    }
}
