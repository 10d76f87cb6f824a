package io.bulwark.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Turns targets into a report: collects each target's facts and judges them by the rules. */
public final class Scanner {
    private final RuleEngine engine;
    private final String version;
    private final Clock clock;

    public Scanner(RuleSet rules, String version, Clock clock) {
        this.engine = new RuleEngine(rules.all());
        this.version = version;
        this.clock = clock;
    }

    public Report scan(List<? extends FactSource> sources) {
        return scan(sources, 1, done -> { });
    }

    /**
     * Collects up to {@code threads} targets at once (probing is mostly waiting on procfs), keeps
     * the targets' order in the report, and tells {@code progress} how many are done after each.
     */
    public Report scan(List<? extends FactSource> sources, int threads, IntConsumer progress) {
        if (threads <= 1 || sources.size() <= 1) {
            List<TargetReport> targets = new ArrayList<>();
            for (FactSource source : sources) {
                targets.add(judge(source));
                progress.accept(targets.size());
            }
            return new Report(version, clock.instant(), targets);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, sources.size()), r -> {
            Thread t = new Thread(r, "bulwark-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            AtomicInteger done = new AtomicInteger();
            List<Future<TargetReport>> futures = new ArrayList<>();
            for (FactSource source : sources) {
                futures.add(pool.submit(() -> {
                    TargetReport report = judge(source);
                    progress.accept(done.incrementAndGet());
                    return report;
                }));
            }
            List<TargetReport> targets = new ArrayList<>();
            for (Future<TargetReport> future : futures) {
                targets.add(result(future));
            }
            return new Report(version, clock.instant(), targets);
        } finally {
            pool.shutdownNow();
        }
    }

    private TargetReport judge(FactSource source) {
        Facts facts = source.collect();
        return new TargetReport(source.target(), facts.all(), engine.evaluate(facts));
    }

    private static TargetReport result(Future<TargetReport> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scanning", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
