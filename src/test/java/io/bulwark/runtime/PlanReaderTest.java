package io.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The executor's C plan reader (runtime/plan.c) on the shared byte vectors: each
 * {@code NAME.plan} must read as {@code NAME.dump} says, valid or rejected with that message.
 */
class PlanReaderTest {
    static Path planDump;

    @BeforeAll
    static void build() throws Exception {
        planDump = NativeBuild.tool("plan-dump", "plan-dump");
    }

    static Stream<String> vectors() throws Exception {
        try (Stream<Path> files = Files.list(PlanVectors.DIR)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".plan")).map(n -> n.substring(0, n.length() - 5)).sorted().toList();
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void readsEachVectorAsItsDumpSays(String name) throws Exception {
        Process p = new ProcessBuilder(planDump.toString(), PlanVectors.DIR.resolve(name + ".plan").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int status = p.waitFor();
        String expected = Files.readString(PlanVectors.DIR.resolve(name + ".dump"));
        assertThat(out).isEqualTo(expected);
        assertThat(status).isEqualTo(expected.startsWith("error:") ? 1 : 0);
    }
}
