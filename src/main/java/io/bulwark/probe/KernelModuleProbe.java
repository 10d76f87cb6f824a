package io.bulwark.probe;

import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSpec;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Kernel modules: whether the kernel has them at all, whether the loaded list and the host's
 * module tree are visible, and whether loading is switched off kernel-wide. Whether a module
 * could be loaded from here is for the rules, from these facts, the capabilities and the
 * system-call probes.
 */
public final class KernelModuleProbe implements Probe {

    @Override
    public List<FactSpec> facts() {
        return List.of(
                FactSpec.bool("modules.supported", "the kernel supports loadable modules (/proc/modules exists)"),
                FactSpec.bool("modules.proc_modules_readable", "the list of loaded modules (/proc/modules) can be read"),
                FactSpec.bool("modules.lib_modules_visible", "/lib/modules under the target root holds module trees"),
                FactSpec.bool("modules.disabled", "module loading is switched off until reboot (kernel.modules_disabled = 1)"));
    }

    @Override
    public List<Fact> collect(ProbeContext ctx) {
        Path procModules = ctx.procFile("modules");
        boolean supported = Files.exists(procModules);
        Fact supportedFact = Fact.of("modules.supported", supported, supported
                ? procModules + " exists"
                : procModules + " does not exist: the kernel was built without loadable modules (or /proc hides it)");
        Fact readable = supported
                ? ProbeContext.tryRead(procModules)
                        .map(text -> Fact.of("modules.proc_modules_readable", true,
                                "read " + procModules + ": " + text.lines().count() + " module(s) loaded"))
                        .orElse(Fact.of("modules.proc_modules_readable", false, "cannot read " + procModules))
                : Fact.of("modules.proc_modules_readable", false, procModules + " does not exist");
        return List.of(supportedFact, readable, libModules(ctx), disabled(ctx, supported));
    }

    private static Fact libModules(ProbeContext ctx) {
        Path dir = ctx.path("/lib/modules");
        if (!Files.isDirectory(dir)) {
            return Fact.of("modules.lib_modules_visible", false, "/lib/modules does not exist under " + ctx.root());
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            Optional<String> first = Optional.empty();
            int count = 0;
            for (Path entry : entries) {
                if (count++ == 0) {
                    first = Optional.of(entry.getFileName().toString());
                }
            }
            return Fact.of("modules.lib_modules_visible", count > 0, count == 0
                    ? "/lib/modules is empty"
                    : "/lib/modules holds " + count + " entr" + (count == 1 ? "y" : "ies") + ", e.g. " + first.get());
        } catch (IOException | SecurityException e) {
            return Fact.unobserved("modules.lib_modules_visible", "cannot list /lib/modules: " + e.getMessage());
        }
    }

    private static Fact disabled(ProbeContext ctx, boolean supported) {
        Path file = ctx.procFile("sys/kernel/modules_disabled");
        Optional<String> text = ProbeContext.tryRead(file).map(String::trim);
        if (text.isEmpty()) {
            return Fact.unobserved("modules.disabled", supported
                    ? "cannot read " + file
                    : file + " does not exist: the kernel has no module support, so there is nothing to disable");
        }
        return switch (text.get()) {
            case "0" -> Fact.of("modules.disabled", false, "kernel.modules_disabled is 0: modules can be loaded");
            case "1" -> Fact.of("modules.disabled", true, "kernel.modules_disabled is 1: no module can be loaded until reboot");
            default -> Fact.unobserved("modules.disabled", file + " holds '" + text.get() + "', not 0 or 1");
        };
    }
}
