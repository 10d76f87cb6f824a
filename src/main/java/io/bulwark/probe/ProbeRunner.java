package io.bulwark.probe;

import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSpec;
import io.bulwark.audit.Facts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs probes side by side and holds them to their declarations: every declared fact is
 * reported (unobserved with a reason if need be), and nothing undeclared slips through.
 */
public final class ProbeRunner {
    private final List<Probe> probes;

    public ProbeRunner(List<Probe> probes) {
        this.probes = List.copyOf(probes);
    }

    public Facts collect(ProbeContext context) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, probes.size()), r -> {
            Thread t = new Thread(r, "probe");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<List<Fact>>> running = new ArrayList<>();
            for (Probe probe : probes) {
                running.add(CompletableFuture.supplyAsync(() -> run(probe, context), pool));
            }
            Facts facts = new Facts();
            running.forEach(f -> f.join().forEach(facts::put));
            return facts;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The probes one after another in the calling thread: for targets the scanner already
     * probes several at a time, where a pool per target only adds threads to start.
     */
    public Facts collectInTurn(ProbeContext context) {
        Facts facts = new Facts();
        for (Probe probe : probes) {
            run(probe, context).forEach(facts::put);
        }
        return facts;
    }

    /** One probe's facts, checked against its declaration. */
    static List<Fact> run(Probe probe, ProbeContext context) {
        Map<String, FactSpec> declared = new LinkedHashMap<>();
        probe.facts().forEach(spec -> declared.put(spec.name(), spec));
        Map<String, Fact> reported = new LinkedHashMap<>();
        try {
            for (Fact fact : probe.collect(context)) {
                FactSpec spec = declared.get(fact.name());
                if (spec == null) {
                    throw new IllegalStateException(probe.getClass().getSimpleName() + " reported undeclared fact " + fact.name());
                }
                if (fact.observed() && !spec.type().accepts(fact.value())) {
                    throw new IllegalStateException(probe.getClass().getSimpleName() + " reported " + fact.name()
                            + " as " + fact.value().getClass().getSimpleName() + ", declared " + spec.type());
                }
                reported.put(fact.name(), fact);
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            String reason = "probe " + probe.getClass().getSimpleName() + " failed: " + e;
            declared.keySet().forEach(name -> reported.putIfAbsent(name, Fact.unobserved(name, reason)));
        }
        List<Fact> facts = new ArrayList<>();
        for (String name : declared.keySet()) {
            facts.add(reported.getOrDefault(name, Fact.unobserved(name, "probe " + probe.getClass().getSimpleName() + " did not report it")));
        }
        return facts;
    }
}
