package io.bulwark.probe;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;

/**
 * System calls the sweep tests make, by architecture: calls that change nothing (getpid,
 * getsid, getpgid, the personality query), one that blocks until a signal (ppoll with no
 * descriptors and no timeout), and exit_group to end a child JVM mid-call on purpose.
 */
final class HarmlessCalls {
    private static final Map<String, Map<String, Long>> NUMBERS = Map.of(
            "x86_64", Map.of("getpid", 39L, "getsid", 124L, "getpgid", 121L, "personality", 135L, "ppoll", 271L, "exit_group", 231L),
            "aarch64", Map.of("getpid", 172L, "getsid", 156L, "getpgid", 155L, "personality", 92L, "ppoll", 73L, "exit_group", 94L));

    private HarmlessCalls() {
    }

    static long number(String name) {
        String arch = SyscallProbe.architecture(System.getProperty("os.arch"));
        assumeTrue(NUMBERS.containsKey(arch), "no test system-call numbers for " + arch);
        return NUMBERS.get(arch).get(name);
    }

    static SyscallCall call(String label, String name, Long... args) {
        return new SyscallCall(label, number(name), List.of(args), false);
    }
}
