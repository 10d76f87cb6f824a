package io.bulwark.it;

import java.util.List;

/** What any engine's {@code --privileged} container must show, whichever engine made it. */
final class PrivilegedContainer {
    /** The /proc paths Docker and podman mask in unprivileged containers. */
    static final List<String> MASKED_PROC = List.of("acpi", "asound", "kcore", "keys", "latency_stats",
            "sched_debug", "scsi", "timer_list", "timer_stats");

    private PrivilegedContainer() {
    }

    static ExpectedFacts expect(ScanReport report, String runtime) {
        long lastCap = HostKernel.capLastCap();
        int granted = HostKernel.boundingSetSize(); // every capability the engine itself may hand out
        ExpectedFacts expected = ExpectedFacts.in(report)
                .is("runtime.name", runtime)
                .is("user.is_host_root", true)
                .is("seccomp.mode", 0)
                .is("caps.last_cap", lastCap)
                .listSize("caps.effective", granted)
                .listSize("caps.bounding", granted)
                .listSize("caps.missing_from_bounding", (int) (lastCap + 1 - granted))
                .listContains("caps.effective", "SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO", "SYS_TIME", "SYSLOG",
                        "NET_ADMIN", "DAC_READ_SEARCH", "MKNOD")
                .is("proc.sys.writable", true)
                .is("sys.writable", true)
                .is("syscall.mount", "allowed")
                .is("syscall.unshare", "allowed")
                .is("syscall.keyctl", "allowed")
                // the host's /dev
                .is("dev.kmsg_present", HostKernel.hasKmsg());
        if (HostKernel.hasBlockDevices()) {
            expected.listNotEmpty("dev.block_devices");
        }
        // Nothing is masked: what this kernel has is readable (it may lack kcore, sched_debug…).
        for (String name : MASKED_PROC) {
            expected.is("proc." + name + ".readable", HostKernel.hasProcEntry(name));
        }
        return expected;
    }
}
