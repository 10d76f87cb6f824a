package io.bulwark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.audit.Fact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelModuleProbeTest {

    static Map<String, Fact> collect(ProbeContext ctx) {
        List<Fact> facts = ProbeRunner.run(new KernelModuleProbe(), ctx);
        return facts.stream().collect(Collectors.toMap(Fact::name, Function.identity()));
    }

    static Map<String, Fact> collect(String fixture) {
        return collect(ProbeContext.fixture(Path.of("src/test/resources/fixtures", fixture)));
    }

    @Test
    void aHostWithModulesShowsEverything() {
        Map<String, Fact> f = collect("modules-host-with-modules");
        assertThat(f.get("modules.supported").value()).isEqualTo(true);
        assertThat(f.get("modules.proc_modules_readable").value()).isEqualTo(true);
        assertThat(f.get("modules.proc_modules_readable").evidence()).contains("2 module(s)");
        assertThat(f.get("modules.lib_modules_visible").value()).isEqualTo(true);
        assertThat(f.get("modules.lib_modules_visible").evidence()).contains("6.1.0-18-amd64");
        assertThat(f.get("modules.disabled").value()).isEqualTo(false);
    }

    @Test
    void loadingSwitchedOffKernelWide() {
        Map<String, Fact> f = collect("modules-loading-disabled");
        assertThat(f.get("modules.disabled").value()).isEqualTo(true);
        assertThat(f.get("modules.lib_modules_visible").value()).isEqualTo(false);
    }

    @Test
    void aKernelWithoutModulesSaysSoInsteadOfGuessing() {
        Map<String, Fact> f = collect("modules-kernel-without-modules");
        assertThat(f.get("modules.supported").value()).isEqualTo(false);
        assertThat(f.get("modules.proc_modules_readable").value()).isEqualTo(false);
        assertThat(f.get("modules.disabled").observed()).isFalse();
        assertThat(f.get("modules.disabled").evidence()).contains("no module support");
    }

    @Test
    void aMalformedSysctlIsUnobservedWithItsText() {
        Map<String, Fact> f = collect("modules-malformed-sysctl");
        assertThat(f.get("modules.disabled").observed()).isFalse();
        assertThat(f.get("modules.disabled").evidence()).contains("'yes'");
        assertThat(f.get("modules.proc_modules_readable").evidence()).contains("0 module(s)");
    }

    @Test
    void anEmptyModuleDirectoryIsNotVisibleModules(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("lib/modules"));
        Fact f = collect(ProbeContext.fixture(root)).get("modules.lib_modules_visible");
        assertThat(f.value()).isEqualTo(false);
        assertThat(f.evidence()).contains("empty");
    }

    @Test
    void liveProbeReportsWhatThisKernelHas() {
        Map<String, Fact> f = collect(ProbeContext.self());
        assertThat(f.get("modules.supported").value()).isEqualTo(Files.exists(Path.of("/proc/modules")));
        assertThat(f.get("modules.lib_modules_visible").observed()).isTrue();
    }
}
