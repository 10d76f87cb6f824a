package io.bulwark.probe;

import java.util.List;

/**
 * One call a sweep makes: the name it reports under, the number for this architecture, the raw
 * arguments, and whether a success would hand back a descriptor to close.
 */
record SyscallCall(String name, long number, List<Long> args, boolean returnsFd) {
    SyscallCall {
        args = List.copyOf(args);
    }

    long[] argArray() {
        return args.stream().mapToLong(Long::longValue).toArray();
    }
}
