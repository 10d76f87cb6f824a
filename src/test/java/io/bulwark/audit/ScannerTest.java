package io.bulwark.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.SampleReports;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Targets collected in parallel keep their order in the report, and progress counts each once. */
class ScannerTest {
    private static final RuleSet RULES = RuleSet.load(io.bulwark.probe.Probes.catalog(), List.of());

    @Test
    void parallelCollectionKeepsTheTargetsOrderAndReportsProgress() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        List<FactSource> sources = new ArrayList<>();
        IntStream.range(0, 12).forEach(i -> sources.add(new FactSource() {
            @Override
            public Target target() {
                return new Target("pid", Integer.toString(i), "target " + i);
            }

            @Override
            public Facts collect() {
                threads.add(Thread.currentThread());
                sleep((12 - i) * 5L);
                return new Facts();
            }
        }));
        List<Integer> progress = new CopyOnWriteArrayList<>();
        Report report = new Scanner(RULES, "1", SampleReports.CLOCK).scan(sources, 4, progress::add);
        assertThat(report.targets()).extracting(t -> t.target().id())
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
        assertThat(progress).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 12).boxed().toList());
        assertThat(threads).hasSizeGreaterThan(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
