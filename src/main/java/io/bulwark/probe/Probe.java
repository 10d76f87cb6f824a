package io.bulwark.probe;

import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSpec;
import java.util.List;

/**
 * Collects the facts of one surface. A probe reads and tries things but never changes the
 * machine. It reports every fact it declares; what it cannot observe it reports as
 * {@link Fact#unobserved} with the reason. An exception marks all its facts unobserved.
 */
public interface Probe {

    /** The facts this probe reports; rules may only name declared facts. */
    List<FactSpec> facts();

    List<Fact> collect(ProbeContext context) throws Exception;
}
