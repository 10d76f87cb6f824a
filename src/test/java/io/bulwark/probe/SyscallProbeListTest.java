package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyscallProbeListTest {
    /** The calls the probe must cover at least. */
    static final List<String> REQUIRED = List.of("mount", "umount2", "pivot_root", "unshare", "setns", "init_module",
            "finit_module", "delete_module", "kexec_load", "reboot", "swapon", "acct", "bpf", "perf_event_open",
            "userfaultfd", "keyctl", "add_key", "request_key", "ptrace", "process_vm_readv", "open_by_handle_at",
            "name_to_handle_at", "clock_settime", "settimeofday", "clock_adjtime", "adjtimex", "syslog", "iopl",
            "ioperm", "personality", "io_uring_setup", "kcmp");

    private static List<SyscallProbeSpec> parse(String yaml) throws IOException {
        return SyscallProbeList.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theBuiltInListCoversEveryRequiredCallOnBothArchitectures() {
        List<SyscallProbeSpec> specs = SyscallProbeList.builtIn();
        assertThat(specs).extracting(SyscallProbeSpec::name).containsAll(REQUIRED).doesNotHaveDuplicates();
        for (SyscallProbeSpec spec : specs) {
            assertThat(spec.number("x86_64")).as(spec.name()).isPresent();
            if (!spec.name().equals("iopl") && !spec.name().equals("ioperm")) {
                assertThat(spec.number("aarch64")).as(spec.name()).isPresent();
            }
            assertThat(spec.why()).as(spec.name()).hasSizeGreaterThan(40);
            assertThat(spec.call()).as(spec.name()).startsWith(spec.name() + "(");
        }
    }

    /** The dangerous argument choices named in the list's own comments must never come back. */
    @Test
    void neverTheArgumentsThatWouldChangeTheMachine() {
        for (SyscallProbeSpec spec : SyscallProbeList.builtIn()) {
            List<Long> a = spec.args();
            switch (spec.name()) {
                case "acct" -> assertThat(a.get(0)).as("acct(NULL) turns accounting off").isNotZero();
                case "settimeofday" -> assertThat(a.get(0)).as("settimeofday(NULL, ...)").isNotZero();
                case "ptrace" -> assertThat(a.get(0)).as("PTRACE_TRACEME").isNotZero();
                case "kexec_load" -> assertThat(a.get(3) & ~0xffff0000L & ~0xfL).as("kexec_load needs an invalid flag").isNotZero();
                case "reboot" -> assertThat(a.get(0)).as("reboot magic").isNotEqualTo(0xfee1deadL);
                case "personality" -> assertThat(a.get(0)).as("personality query form").isEqualTo(0xffffffffL);
                case "unshare" -> assertThat(a.get(0) & 0xff).as("unshare needs a CSIGNAL bit").isNotZero();
                case "syslog" -> assertThat(a.get(0)).as("SYSLOG_ACTION_SIZE_BUFFER only").isEqualTo(10L);
                default -> { }
            }
            assertThat(spec.onlyIf().isPresent()).as(spec.name() + " guard")
                    .isEqualTo(spec.name().startsWith("kexec_"));
        }
    }

    @Test
    void readsNumbersArgumentsAndExpectations() throws IOException {
        SyscallProbeSpec spec = parse("""
                probes:
                  - name: mount
                    numbers: {x86_64: 165, aarch64: 40}
                    call: mount(NULL, (char *) 1)
                    args: ["0", "0x1", "-1"]
                    expect: [EFAULT, EINVAL]
                    capability: SYS_ADMIN
                    returns-fd: true
                    why: because
                """).get(0);
        assertThat(spec.number("aarch64")).contains(40L);
        assertThat(spec.args()).containsExactly(0L, 1L, -1L);
        assertThat(spec.expect()).containsExactly("EFAULT", "EINVAL");
        assertThat(spec.capability()).contains("SYS_ADMIN");
        assertThat(spec.returnsFd()).isTrue();
        assertThat(spec.onlyIf()).isEmpty();
    }

    @Test
    void refusesMalformedEntriesNamingTheCall() {
        String base = "probes:\n  - name: x\n    numbers: {x86_64: 1}\n    call: x()\n    why: w\n";
        assertThatThrownBy(() -> parse(base + "    args: [\"zero\"]\n    expect: [EFAULT]\n"))
                .hasMessageContaining("x: argument 'zero' is not a number");
        assertThatThrownBy(() -> parse(base + "    args: []\n    expect: [EWHATEVER]\n"))
                .hasMessageContaining("unknown errno 'EWHATEVER'");
        assertThatThrownBy(() -> parse(base + "    args: [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\"]\n    expect: [EFAULT]\n"))
                .hasMessageContaining("zero to six args");
        assertThatThrownBy(() -> parse(base + "    args: []\n    expect: [EFAULT]\n    capability: SYS_NOPE\n"))
                .hasMessageContaining("unknown capability");
        assertThatThrownBy(() -> parse("probes:\n  - name: x\n    numbers: {mips: 1}\n    call: x()\n    args: []\n    expect: [EFAULT]\n    why: w\n"))
                .hasMessageContaining("x86_64");
        assertThatThrownBy(() -> parse(base + "    args: []\n    expect: [EFAULT]\n" + base.substring("probes:\n".length())
                + "    args: []\n    expect: [EFAULT]\n"))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> parse("probes:\n  - name: x\n    numbers: {x86_64: 1}\n    args: []\n    expect: [EFAULT]\n    why: w\n"))
                .hasMessageContaining("no call");
    }
}
