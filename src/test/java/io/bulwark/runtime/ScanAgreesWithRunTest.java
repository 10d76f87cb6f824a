package io.bulwark.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bulwark.testing.PublicClasspath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two halves agree: 'bulwark scan' run inside a default 'bulwark run' passes every rule the
 * runtime is meant to close (src/test/resources/runtime/closed-by-default-run.txt), fails or
 * cannot observe only the listed residue, and the same scan outside fails those rules.
 */
class ScanAgreesWithRunTest {
    private static PublicClasspath classpath;

    @TempDir
    Path dir;

    @BeforeAll
    static void copyClasspath() throws IOException {
        classpath = PublicClasspath.copy("bulwark-scan-cp");
    }

    @AfterAll
    static void removeClasspath() throws IOException {
        classpath.close();
    }

    private static List<String> scanCommand() throws IOException {
        return classpath.bulwark("scan", "--format", "json");
    }

    @Test
    void scanInsideADefaultRunPassesWhatTheRuntimeCloses() throws Exception {
        Runs.Result inside = Runs.run(dir, new Runs.Spec(), scanCommand().toArray(String[]::new));
        Map<String, String> in = statuses(inside.out());
        Map<String, String> residue = residue();

        for (String rule : ruleIds("closed-by-default-run.txt")) {
            assertThat(in.get(rule)).as(rule + " inside a default run").isEqualTo("pass");
        }
        in.forEach((rule, status) -> {
            if (!status.equals("pass")) {
                assertThat(residue).as(rule + " is " + status + " inside a default run, and not listed as residue")
                        .containsKey(rule);
            }
        });
    }

    /** On a bare host the same scan fails every rule the runtime closes: the test can fail. */
    @Test
    void theSameScanOutsideFailsThem() throws Exception {
        Process p = new ProcessBuilder(scanCommand()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Map<String, String> out = statuses(json);
        if (!out.get("BW-RUNTIME-001").equals("fail")) {
            return; // the tests themselves run in a container: the outside is not a bare host
        }
        for (String rule : ruleIds("closed-by-default-run.txt")) {
            assertThat(out.get(rule)).as(rule + " on the bare host").isEqualTo("fail");
        }
    }

    private static Map<String, String> statuses(String json) throws IOException {
        JsonNode report = new ObjectMapper().readTree(json);
        Map<String, String> out = new TreeMap<>();
        for (JsonNode f : report.path("targets").path(0).path("findings")) {
            out.put(f.path("ruleId").asText(), f.path("status").asText());
        }
        assertThat(out).as("findings of the scan").isNotEmpty();
        return out;
    }

    private static List<String> ruleIds(String file) throws IOException {
        return lines(file).stream().map(l -> l.split("\\s+", 2)[0]).toList();
    }

    private static Map<String, String> residue() throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String l : lines("residue-of-default-run.txt")) {
            String[] f = l.split("\\s+", 2);
            out.put(f[0], f[1]);
        }
        return out;
    }

    private static List<String> lines(String file) throws IOException {
        try (InputStream in = ScanAgreesWithRunTest.class.getResourceAsStream("/runtime/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }
}
