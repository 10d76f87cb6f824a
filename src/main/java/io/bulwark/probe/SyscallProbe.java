package io.bulwark.probe;

import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Seccomp in practice: tries each dangerous system call of {@code syscall-probes.yaml} with
 * arguments the kernel rejects before anything can change, and reports whether the call
 * reached its handler. With no seccomp filter in force the calls run in this JVM; with one,
 * in a child JVM, so that a filter that kills cannot take the scan with it.
 * {@link #disabled()} makes none of the calls (scan --no-syscall-probe).
 */
public final class SyscallProbe implements Probe {
    static final String SWEEP_FACT = "syscall.sweep";

    /** Picks how the calls are made, given the target's seccomp mode (empty when unknown). */
    interface SweepChoice {
        SyscallSweep choose(Optional<Long> seccompMode);
    }

    static final SweepChoice BY_SECCOMP_MODE = mode -> mode.isPresent() && mode.get() == 0
            ? new InProcessSweep(Duration.ofSeconds(1))
            : ChildJvmSweep.likeThisJvm(Duration.ofSeconds(20), Duration.ofSeconds(2));

    private final List<SyscallProbeSpec> specs;
    private final SweepChoice choice;
    private final String arch;
    private final boolean enabled;

    public SyscallProbe() {
        this(SyscallProbeList.builtIn(), BY_SECCOMP_MODE, architecture(System.getProperty("os.arch")), true);
    }

    SyscallProbe(List<SyscallProbeSpec> specs, SweepChoice choice, String arch, boolean enabled) {
        this.specs = List.copyOf(specs);
        this.choice = choice;
        this.arch = arch;
        this.enabled = enabled;
    }

    /** The same probe that declares the same facts but tries no call: they are reported as not observed. */
    public static SyscallProbe disabled() {
        return new SyscallProbe(SyscallProbeList.builtIn(), BY_SECCOMP_MODE, architecture(System.getProperty("os.arch")), false);
    }

    @Override
    public List<FactSpec> facts() {
        List<FactSpec> facts = new ArrayList<>();
        facts.add(FactSpec.text(SWEEP_FACT, "how the system-call probes ran: in-process or child JVM"));
        for (SyscallProbeSpec spec : specs) {
            facts.add(FactSpec.text(SyscallClassifier.factName(spec),
                    "whether " + spec.name() + "(2) reaches the kernel: allowed, refused (EPERM/EACCES), enosys or killed"));
        }
        return facts;
    }

    @Override
    public List<Fact> collect(ProbeContext ctx) {
        Optional<String> skip = reasonToSkip(ctx);
        if (skip.isPresent()) {
            List<Fact> facts = new ArrayList<>();
            facts.add(Fact.unobserved(SWEEP_FACT, skip.get()));
            specs.forEach(s -> facts.add(Fact.unobserved(SyscallClassifier.factName(s), skip.get())));
            return facts;
        }
        Optional<Long> seccompMode = ctx.status().optional()
                .map(SeccompProbe::seccompMode)
                .filter(Fact::observed)
                .map(f -> (Long) f.value());
        Map<String, SyscallOutcome> outcomes = new LinkedHashMap<>();
        List<SyscallCall> calls = new ArrayList<>();
        for (SyscallProbeSpec spec : specs) {
            Optional<Long> number = spec.number(arch);
            Optional<String> guard = spec.onlyIf().flatMap(g -> guardFails(ctx, g));
            if (number.isEmpty()) {
                outcomes.put(spec.name(), SyscallOutcome.notRun(spec.name(), spec.name() + " does not exist on " + arch));
            } else if (guard.isPresent()) {
                outcomes.put(spec.name(), SyscallOutcome.notRun(spec.name(), "not tried: " + guard.get()));
            } else {
                calls.add(new SyscallCall(spec.name(), number.get(), spec.args(), spec.returnsFd()));
            }
        }
        SyscallSweep sweep = choice.choose(seccompMode);
        SyscallSweep.Result swept = calls.isEmpty() ? new SyscallSweep.Result(List.of(), 0, 0, 0) : sweep.run(calls);
        swept.outcomes().forEach(o -> outcomes.put(o.name(), o));

        List<Fact> facts = new ArrayList<>();
        facts.add(sweepFact(sweep, swept, calls.size(), seccompMode));
        for (SyscallProbeSpec spec : specs) {
            SyscallOutcome outcome = outcomes.getOrDefault(spec.name(), SyscallOutcome.notRun(spec.name(), "the sweep reported nothing for it"));
            facts.add(SyscallClassifier.classify(spec, callText(spec), outcome, seccompMode));
        }
        return facts;
    }

    /** How the sweep ran and how long it took: evidence for every syscall fact, and the numbers to watch. */
    private static Fact sweepFact(SyscallSweep sweep, SyscallSweep.Result swept, int calls, Optional<Long> seccompMode) {
        String processes = swept.processes() == 0 ? "" : " (" + swept.processes() + " JVM" + (swept.processes() == 1 ? "" : "s") + ")";
        String why = seccompMode
                .map(m -> "seccomp mode is " + m + (m == 0 ? " (no filter can kill the scan)" : " (a filter could kill the caller)"))
                .orElse("the seccomp mode is unknown (a filter could kill the caller)");
        return Fact.of(SWEEP_FACT, sweep.mode(), calls + " calls " + sweep.mode() + processes + ": " + swept.setupMillis()
                + " ms to get ready, " + swept.callMillis() + " ms of calls; chosen because " + why);
    }

    private Optional<String> reasonToSkip(ProbeContext ctx) {
        if (!enabled) {
            return Optional.of("syscall probe disabled (--no-syscall-probe)");
        }
        if (!ctx.live()) {
            return Optional.of("system calls are tried only when scanning the running system, not a recorded tree");
        }
        if (!isSelf(ctx)) {
            return Optional.of("system calls can only be tried from inside the target, by its own process");
        }
        if (!SyscallProbeList.ARCHITECTURES.contains(arch)) {
            return Optional.of("no system-call numbers for architecture " + arch + " (known: "
                    + SyscallProbeList.ARCHITECTURES.stream().sorted().collect(Collectors.joining(", ")) + ")");
        }
        return Optional.empty();
    }

    private static boolean isSelf(ProbeContext ctx) {
        Path process = ctx.process().normalize();
        return process.equals(ctx.proc().resolve("self").normalize())
                || process.equals(ctx.proc().resolve(String.valueOf(ProcessHandle.current().pid())).normalize());
    }

    /**
     * Why a guarded call must not be tried, if it must not: the sysctl reads another value, or
     * cannot be read while the sysctl tree is visible (a kernel without the knob is fine).
     */
    static Optional<String> guardFails(ProbeContext ctx, SyscallProbeSpec.Guard guard) {
        Path file = ctx.procFile("sys/" + guard.sysctl());
        String knob = guard.sysctl().replace('/', '.');
        Optional<String> value = ProbeContext.tryRead(file).map(String::trim);
        if (value.isPresent()) {
            return value.get().equals(guard.equals())
                    ? Optional.empty()
                    : Optional.of(knob + " is " + value.get() + ", not " + guard.equals() + ": " + guard.because());
        }
        boolean sysctlsVisible = ProbeContext.tryRead(ctx.procFile("sys/kernel/osrelease")).isPresent();
        return sysctlsVisible && !Files.exists(file)
                ? Optional.empty()
                : Optional.of("cannot read " + knob + ": " + guard.because());
    }

    private String callText(SyscallProbeSpec spec) {
        return spec.call() + spec.number(arch).map(n -> " [syscall " + n + "]").orElse("");
    }

    /** The architecture name the probe list uses for a JVM's {@code os.arch}. */
    static String architecture(String osArch) {
        String a = osArch.toLowerCase(Locale.ROOT);
        return switch (a) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> a;
        };
    }
}
