package io.bulwark.probe;

import io.bulwark.audit.Fact;
import io.bulwark.os.RawSyscall;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads one call's outcome as a {@code syscall.NAME} fact: {@code allowed} (the kernel's
 * handler was reached), {@code refused} (EPERM or EACCES before it), {@code enosys}, or
 * {@code killed}; any other answer leaves the fact unobserved with the errno as the reason.
 */
final class SyscallClassifier {
    static final String ALLOWED = "allowed";
    static final String REFUSED = "refused";
    static final String ENOSYS = "enosys";
    static final String KILLED = "killed";

    private SyscallClassifier() {
    }

    static String factName(SyscallProbeSpec spec) {
        return "syscall." + spec.name();
    }

    /**
     * @param callText    the call as made, e.g. {@code mount(NULL, (char *) 1, NULL, 0, NULL) [syscall 165]}
     * @param seccompMode the target's seccomp mode, when known: it narrows what a refusal can mean
     */
    static Fact classify(SyscallProbeSpec spec, String callText, SyscallOutcome outcome, Optional<Long> seccompMode) {
        String name = factName(spec);
        switch (outcome.kind()) {
            case NOT_RUN:
                return Fact.unobserved(name, outcome.detail());
            case KILLED:
                return Fact.of(name, KILLED, callText + " did not return: " + outcome.detail()
                        + "; the call is blocked by a seccomp action that kills");
            default:
                break;
        }
        String result = outcome.returned() == -1 && outcome.errno() != 0
                ? "-1 " + RawSyscall.errnoName(outcome.errno())
                : String.valueOf(outcome.returned());
        String tried = callText + " = " + result + ": ";
        if (outcome.returned() >= 0 || outcome.errno() == 0) {
            return spec.expectsSuccess()
                    ? Fact.of(name, ALLOWED, tried + "the kernel's handler answered, so the call is not blocked")
                    : Fact.unobserved(name, tried + "unexpected success where " + expected(spec) + " was expected"
                            + (spec.returnsFd() ? " (the descriptor was closed)" : ""));
        }
        String errno = RawSyscall.errnoName(outcome.errno());
        if (spec.expect().contains(errno)) {
            return Fact.of(name, ALLOWED, tried + "the kernel's handler was reached (" + errno
                    + " is its answer to these arguments), so the call is not blocked by seccomp" + capabilityNote(spec));
        }
        if (errno.equals("ENOSYS")) {
            return Fact.of(name, ENOSYS, tried + (seccompMode.orElse(-1L) == 0
                    ? "no seccomp filter is in force, so this kernel does not have the call"
                    : "this kernel does not have the call, or a seccomp rule answers ENOSYS"));
        }
        if (errno.equals("EPERM") || errno.equals("EACCES")) {
            return Fact.of(name, REFUSED, tried + "refused before the handler checked the arguments: " + refusal(spec, seccompMode));
        }
        return Fact.unobserved(name, tried + "neither " + expected(spec) + " (handler reached) nor EPERM, EACCES or ENOSYS");
    }

    private static String refusal(SyscallProbeSpec spec, Optional<Long> seccompMode) {
        String capability = spec.capability().map(c -> "the missing capability CAP_" + c + " (checked first)").orElse("");
        if (seccompMode.isPresent() && seccompMode.get() == 0) {
            return capability.isEmpty()
                    ? "no seccomp filter is in force and no capability is checked first, so an LSM or lockdown refused it"
                    : "no seccomp filter is in force, so it was " + capability + " or an LSM; a capability held only"
                            + " inside a user namespace does not count where the kernel checks the host's";
        }
        String filter = seccompMode.isPresent() ? "the seccomp filter" : "a seccomp filter, if any";
        return capability.isEmpty()
                ? filter + " (no capability is checked first; an LSM could also refuse)"
                : filter + " or " + capability;
    }

    private static String capabilityNote(SyscallProbeSpec spec) {
        return spec.capability().map(c -> "; CAP_" + c + " was held or not needed for this check").orElse("");
    }

    private static String expected(SyscallProbeSpec spec) {
        List<String> names = spec.expect();
        return names.stream().map(n -> n.equals(SyscallProbeSpec.SUCCESS) ? "a return value" : n).collect(Collectors.joining(" or "));
    }
}
