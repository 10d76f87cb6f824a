package io.bulwark.probe;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code syscall-probes.yaml}: a dangerous system call, the harmless arguments it
 * is tried with, and what the kernel answers when its handler is reached.
 *
 * @param numbers    the call's number per architecture ({@code x86_64}, {@code aarch64})
 * @param call       the call as C, for evidence and documentation
 * @param args       the raw arguments, at most six
 * @param expect     errno names meaning "the handler was reached", or {@link #SUCCESS}
 * @param capability the capability checked before the argument the probe relies on, if any
 * @param returnsFd  whether success would return a descriptor (closed at once should it happen)
 * @param onlyIf     a sysctl that must hold before the call may be tried, if any
 * @param why        why the arguments cannot change the machine
 */
public record SyscallProbeSpec(
        String name,
        Map<String, Long> numbers,
        String call,
        List<Long> args,
        List<String> expect,
        Optional<String> capability,
        boolean returnsFd,
        Optional<Guard> onlyIf,
        String why) {

    /** The {@code expect} entry for a read-only query whose success is the reached handler. */
    public static final String SUCCESS = "SUCCESS";

    /**
     * A sysctl that must read {@code equals} before the call may be tried. A kernel without the
     * knob passes, as long as its sysctl tree is visible at all.
     */
    public record Guard(String sysctl, String equals, String because) {
    }

    public Optional<Long> number(String arch) {
        return Optional.ofNullable(numbers.get(arch));
    }

    public boolean expectsSuccess() {
        return expect.contains(SUCCESS);
    }
}
