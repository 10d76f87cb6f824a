package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.audit.Fact;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyscallClassifierTest {
    private static final SyscallProbeSpec PIVOT_ROOT = new SyscallProbeSpec("pivot_root", Map.of("x86_64", 155L),
            "pivot_root((char *) 1, (char *) 1)", List.of(1L, 1L), List.of("EFAULT"), Optional.of("SYS_ADMIN"), false,
            Optional.empty(), "why");
    private static final SyscallProbeSpec SWAPON = new SyscallProbeSpec("swapon", Map.of("x86_64", 167L),
            "swapon((char *) 1, -1)", List.of(1L, -1L), List.of("EINVAL"), Optional.empty(), false, Optional.empty(), "why");
    private static final SyscallProbeSpec SYSLOG = new SyscallProbeSpec("syslog", Map.of("x86_64", 103L),
            "syslog(10, NULL, 0)", List.of(10L, 0L, 0L), List.of("SUCCESS"), Optional.of("SYSLOG"), false, Optional.empty(), "why");
    private static final SyscallProbeSpec USERFAULTFD = new SyscallProbeSpec("userfaultfd", Map.of("x86_64", 323L),
            "userfaultfd(3)", List.of(3L), List.of("EINVAL"), Optional.empty(), true, Optional.empty(), "why");
    private static final Optional<Long> NO_FILTER = Optional.of(0L);
    private static final Optional<Long> FILTER = Optional.of(2L);

    private static Fact classify(SyscallProbeSpec spec, SyscallOutcome outcome, Optional<Long> mode) {
        return SyscallClassifier.classify(spec, spec.call() + " [syscall 1]", outcome, mode);
    }

    private static SyscallOutcome failed(String name, int errno) {
        return SyscallOutcome.returned(name, -1, errno);
    }

    @Test
    void theExpectedErrnoMeansTheHandlerWasReached() {
        Fact f = classify(PIVOT_ROOT, failed("pivot_root", 14), FILTER);
        assertThat(f.name()).isEqualTo("syscall.pivot_root");
        assertThat(f.value()).isEqualTo("allowed");
        assertThat(f.evidence()).contains("pivot_root((char *) 1, (char *) 1) [syscall 1] = -1 EFAULT").contains("CAP_SYS_ADMIN");
    }

    @Test
    void aQueryThatAnswersIsAllowed() {
        Fact f = classify(SYSLOG, SyscallOutcome.returned("syslog", 131072, 0), NO_FILTER);
        assertThat(f.value()).isEqualTo("allowed");
        assertThat(f.evidence()).contains("= 131072");
    }

    @Test
    void epermWithoutAFilterCanOnlyBeTheCapability() {
        Fact f = classify(PIVOT_ROOT, failed("pivot_root", 1), NO_FILTER);
        assertThat(f.value()).isEqualTo("refused");
        assertThat(f.evidence()).contains("no seccomp filter is in force").contains("CAP_SYS_ADMIN (checked first)");
    }

    @Test
    void epermUnderAFilterNamesBothPossibleCauses() {
        Fact f = classify(PIVOT_ROOT, failed("pivot_root", 1), FILTER);
        assertThat(f.value()).isEqualTo("refused");
        assertThat(f.evidence()).contains("the seccomp filter or the missing capability CAP_SYS_ADMIN");
    }

    @Test
    void epermUnderAFilterWithoutACapabilityCheckIsTheFilter() {
        Fact f = classify(SWAPON, failed("swapon", 13), FILTER);
        assertThat(f.value()).isEqualTo("refused");
        assertThat(f.evidence()).contains("EACCES").contains("the seccomp filter (no capability is checked first");
    }

    @Test
    void epermWithNeitherFilterNorCapabilityPointsAtAnLsm() {
        assertThat(classify(SWAPON, failed("swapon", 1), NO_FILTER).evidence()).contains("LSM or lockdown");
    }

    @Test
    void enosysSaysWhichOfItsCausesArePossible() {
        assertThat(classify(SWAPON, failed("swapon", 38), NO_FILTER).value()).isEqualTo("enosys");
        assertThat(classify(SWAPON, failed("swapon", 38), NO_FILTER).evidence()).contains("does not have the call");
        assertThat(classify(SWAPON, failed("swapon", 38), FILTER).evidence()).contains("or a seccomp rule answers ENOSYS");
    }

    @Test
    void killedCallsAreKilled() {
        Fact f = classify(SWAPON, SyscallOutcome.killed("swapon", "the child JVM died by SIGSYS"), FILTER);
        assertThat(f.value()).isEqualTo("killed");
        assertThat(f.evidence()).contains("did not return").contains("SIGSYS");
    }

    @Test
    void anyOtherErrnoIsUnobservedWithTheErrno() {
        Fact f = classify(SWAPON, failed("swapon", 14), FILTER);
        assertThat(f.observed()).isFalse();
        assertThat(f.evidence()).contains("EFAULT").contains("neither EINVAL");
    }

    @Test
    void anUnexpectedSuccessIsUnobservedAndItsDescriptorClosed() {
        Fact f = classify(USERFAULTFD, SyscallOutcome.returned("userfaultfd", 7, 0), NO_FILTER);
        assertThat(f.observed()).isFalse();
        assertThat(f.evidence()).contains("unexpected success").contains("descriptor was closed");
    }

    @Test
    void callsNotMadeKeepTheirReason() {
        Fact f = classify(SWAPON, SyscallOutcome.notRun("swapon", "syscall probe disabled"), FILTER);
        assertThat(f.observed()).isFalse();
        assertThat(f.evidence()).isEqualTo("syscall probe disabled");
    }

    @Test
    void anUnknownModeDoesNotClaimAFilter() {
        assertThat(classify(PIVOT_ROOT, failed("pivot_root", 1), Optional.empty()).evidence())
                .contains("a seccomp filter, if any");
    }
}
