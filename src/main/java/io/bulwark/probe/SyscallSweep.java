package io.bulwark.probe;

import java.util.List;

/** Makes a list of probe calls and reports one outcome per call, in order. */
interface SyscallSweep {

    Result run(List<SyscallCall> calls);

    /** How the calls are made, for evidence: "in-process" or "child JVM". */
    String mode();

    /**
     * @param setupMillis time spent getting ready to call: binding the C library, starting JVMs
     * @param callMillis  time spent making the calls themselves
     * @param processes   child JVMs started (0 in-process)
     */
    record Result(List<SyscallOutcome> outcomes, long setupMillis, long callMillis, int processes) {
        public Result {
            outcomes = List.copyOf(outcomes);
        }
    }
}
