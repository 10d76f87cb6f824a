package io.bulwark.probe;

import java.time.Duration;

/** A scanning JVM in miniature, for the test that kills it while its tracer is attached: dumps the filters of one pid. */
final class FilterDumpChild {
    private FilterDumpChild() {
    }

    public static void main(String[] args) {
        FilterDump.Outcome outcome = FilterDump.of(Long.parseLong(args[0]), Duration.ofSeconds(120));
        System.out.println(outcome.dumped() ? outcome.filters().size() + " filters" : outcome.problem());
    }
}
