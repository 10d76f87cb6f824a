package io.bulwark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bulwark.cli.Main;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The HTML of a real {@code scan --self}, rendered by headless Chromium as a person would see
 * it: the DOM after the page's script ran must show the verdict, the counts and the fixes, and
 * the screenshot stays in {@code target/html-report/} to be looked at.
 */
class HtmlReportInBrowserTest {
    private static final Path OUT = Path.of("target/html-report/scan-self");
    private static Path chromium;
    private static JsonNode json;
    private static String dom;

    @BeforeAll
    static void scanAndRender() throws Exception {
        Optional<Path> found = findChromium();
        if (found.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("chromium is not installed; CI must install Debian's 'chromium' package for the HTML report test");
            }
            Assumptions.abort("chromium is not installed (apt-get install chromium); skipping the browser test");
        }
        chromium = found.get();
        Files.createDirectories(OUT);
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("scan", "--self", "--format", "html,json", "--out-dir", OUT.toString());
        assertThat(exit).as("scan exit status; stderr: " + err).isZero();
        json = new ObjectMapper().readTree(OUT.resolve("bulwark-report.json").toFile());
        dom = chromium("--dump-dom");
        chromium("--screenshot=" + OUT.resolve("bulwark-report.png").toAbsolutePath(), "--window-size=1280,2000");
    }

    @Test
    void theVerdictIsShown() {
        JsonNode summary = json.path("summary");
        String label = summary.path("fail").asInt() > 0 ? "FAIL"
                : summary.path("not-applicable").asInt() > 0 ? "INCOMPLETE" : "PASS";
        assertThat(dom).contains("<p class=\"verdict verdict-").contains("<strong>" + label + "</strong>");
    }

    @Test
    void theSeverityCountsAreThoseOfTheReport() {
        JsonNode bySeverity = json.path("summary").path("failedBySeverity");
        for (String severity : List.of("critical", "high", "medium", "low", "info")) {
            assertThat(dom).contains("data-count=\"" + severity + "\">" + bySeverity.path(severity).asInt() + "<");
        }
        assertThat(dom).contains("data-count=\"pass\">" + json.path("summary").path("pass").asInt() + "<");
    }

    @Test
    void aFindingsFixIsShown() {
        List<JsonNode> findings = new ArrayList<>();
        json.path("targets").get(0).path("findings").forEach(findings::add);
        assertThat(findings).isNotEmpty();
        JsonNode shown = findings.stream().filter(f -> f.path("status").asText().equals("fail")).findFirst().orElse(findings.get(0));
        assertThat(dom).contains(escape(shown.path("fix").asText()));
    }

    @Test
    void theScriptRanAndShowedTheSeverityFilter() {
        assertThat(dom).contains("<form class=\"filter\" id=\"filter\" aria-label=");
        assertThat(dom).doesNotContain("<form class=\"filter\" id=\"filter\" hidden");
    }

    @Test
    void theScreenshotIsKept() throws IOException {
        Path png = OUT.resolve("bulwark-report.png");
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(20_000);
    }

    /** How Chromium serialises text nodes. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\u00a0", "&nbsp;");
    }

    private static String chromium(String... extra) throws Exception {
        Path profile = Files.createTempDirectory("bulwark-chromium-");
        try {
            List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile));
            command.addAll(List.of(extra));
            command.add(OUT.resolve("bulwark-report.html").toAbsolutePath().toUri().toString());
            Path stdout = profile.resolve("stdout");
            Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                fail("chromium did not finish within 120 s: " + command);
            }
            assertThat(p.exitValue()).as("chromium exit status").isZero();
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static Optional<Path> findChromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
