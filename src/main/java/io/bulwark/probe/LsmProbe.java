package io.bulwark.probe;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bulwark.audit.Confidence;
import io.bulwark.audit.Fact;
import io.bulwark.audit.FactSpec;
import io.bulwark.os.LandlockAbi;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Linux security modules: the AppArmor profile and SELinux context of the process (from
 * {@code /proc/PID/attr}), the active LSMs ({@code /sys/kernel/security/lsm}), whether Landlock
 * can be used, and whether any of them confines the process.
 */
public final class LsmProbe implements Probe {

    record Data(@JsonProperty("unconfined-selinux-types") List<String> unconfinedSelinuxTypes,
                @JsonProperty("unconfined-apparmor-profiles") List<String> unconfinedApparmorProfiles,
                @JsonProperty("unconfined-apparmor-modes") List<String> unconfinedApparmorModes) {
    }

    private static final Data DATA = ProbeData.load("lsm.yaml", Data.class);
    /** user:role:type[:level] — an AppArmor label never has this shape. */
    private static final Pattern SELINUX_CONTEXT = Pattern.compile("^[^:\\s]+:[^:\\s]+:[^:\\s]+(:\\S+)?$");
    static final String NONE = "none";

    @Override
    public List<FactSpec> facts() {
        return List.of(
                FactSpec.text("lsm.apparmor_profile", "the AppArmor label of the process, e.g. 'docker-default (enforce)' or 'unconfined'; 'none' when AppArmor is not active"),
                FactSpec.text("lsm.selinux_context", "the SELinux context of the process; 'none' when SELinux is not active"),
                FactSpec.list("lsm.active", "the active LSMs in order (/sys/kernel/security/lsm)"),
                FactSpec.bool("lsm.landlock_available", "the process can use Landlock (ABI query answers, or landlock is in the active list)"),
                FactSpec.number("lsm.landlock_abi", "the Landlock ABI version the kernel answers; 0 when unavailable"),
                FactSpec.bool("lsm.confined", "an AppArmor profile in enforce mode or a confining SELinux type applies to the process"));
    }

    @Override
    public List<Fact> collect(ProbeContext ctx) {
        Optional<List<String>> active = ProbeContext.tryRead(ctx.path("/sys/kernel/security/lsm"))
                .map(text -> Arrays.stream(text.strip().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        Optional<String> current = ProbeContext.tryRead(ctx.processFile("attr/current")).map(LsmProbe::label);
        boolean currentIsSelinux = current.filter(c -> SELINUX_CONTEXT.matcher(c).matches()).isPresent();

        Fact apparmor = apparmor(ctx, active, currentIsSelinux ? Optional.empty() : current);
        Fact selinux = selinux(ctx, active, currentIsSelinux ? current : Optional.empty());
        LandlockFacts landlock = landlock(ctx, active);
        List<Fact> facts = new ArrayList<>();
        facts.add(apparmor);
        facts.add(selinux);
        facts.add(active.map(list -> Fact.of("lsm.active", list, "/sys/kernel/security/lsm: " + String.join(",", list)))
                .orElse(Fact.unobserved("lsm.active", "cannot read /sys/kernel/security/lsm (securityfs not mounted here, or access denied)")));
        facts.add(landlock.available());
        facts.add(landlock.abi());
        facts.add(confined(apparmor, selinux));
        return facts;
    }

    /** attr files end in a newline, and some in a NUL. */
    private static String label(String text) {
        return text.replace("\0", "").strip();
    }

    private static Fact apparmor(ProbeContext ctx, Optional<List<String>> active, Optional<String> current) {
        String name = "lsm.apparmor_profile";
        Optional<String> own = ProbeContext.tryRead(ctx.processFile("attr/apparmor/current")).map(LsmProbe::label);
        if (own.isPresent() && !own.get().isEmpty()) {
            return Fact.of(name, own.get(), "attr/apparmor/current: " + own.get());
        }
        Optional<Boolean> on = moduleActive(ctx, active, "apparmor", "/sys/module/apparmor/parameters/enabled");
        if (on.isEmpty()) {
            return Fact.unobserved(name, "no attr/apparmor/current, and whether AppArmor is active cannot be seen "
                    + "(no /sys/kernel/security/lsm, no /sys/module)");
        }
        if (!on.get()) {
            return Fact.inferred(name, NONE, active.isPresent() ? Confidence.CERTAIN : Confidence.LIKELY,
                    "AppArmor is not active: " + (active.isPresent() ? "not in /sys/kernel/security/lsm" : "no /sys/module/apparmor enabled=Y"));
        }
        return current.filter(c -> !c.isEmpty()).map(c -> Fact.of(name, c, "attr/current (AppArmor is active): " + c))
                .orElse(Fact.unobserved(name, "AppArmor is active but neither attr/apparmor/current nor attr/current can be read"));
    }

    private static Fact selinux(ProbeContext ctx, Optional<List<String>> active, Optional<String> context) {
        String name = "lsm.selinux_context";
        if (context.isPresent()) {
            return Fact.of(name, context.get(), "attr/current: " + context.get());
        }
        Optional<Boolean> on = moduleActive(ctx, active, "selinux", "/sys/fs/selinux/enforce");
        if (on.isEmpty()) {
            return Fact.unobserved(name, "attr/current holds no SELinux context, and whether SELinux is active cannot be seen");
        }
        if (on.get()) {
            return Fact.unobserved(name, "SELinux is active but attr/current holds no readable context");
        }
        return Fact.inferred(name, NONE, active.isPresent() ? Confidence.CERTAIN : Confidence.LIKELY,
                "SELinux is not active: " + (active.isPresent() ? "not in /sys/kernel/security/lsm" : "no selinuxfs at /sys/fs/selinux")
                        + "; attr/current holds no SELinux context");
    }

    /**
     * Whether an LSM is active: from the active list when readable, else from a file that
     * exists only while it is (for AppArmor, its module parameter reads Y). Empty when /sys
     * does not show enough to tell.
     */
    private static Optional<Boolean> moduleActive(ProbeContext ctx, Optional<List<String>> active, String lsm, String sign) {
        if (active.isPresent()) {
            return Optional.of(active.get().contains(lsm));
        }
        Optional<String> text = ProbeContext.tryRead(ctx.path(sign));
        if (text.isPresent()) {
            return Optional.of(!sign.endsWith("/enabled") || text.get().strip().equals("Y"));
        }
        String parent = sign.endsWith("/enabled") ? "/sys/module" : "/sys/fs";
        return Files.isDirectory(ctx.path(parent)) ? Optional.of(false) : Optional.empty();
    }

    record LandlockFacts(Fact available, Fact abi) {
    }

    /** On a live target the ABI query answers for this very process (a seccomp filter may refuse it); else the active list. */
    private static LandlockFacts landlock(ProbeContext ctx, Optional<List<String>> active) {
        Optional<String> listed = active.map(list -> list.contains("landlock")
                ? "landlock is in /sys/kernel/security/lsm" : "landlock is not in /sys/kernel/security/lsm");
        if (ctx.live()) {
            try {
                LandlockAbi abi = LandlockAbi.query();
                String evidence = abi.evidence() + listed.map(l -> "; " + l).orElse("");
                return new LandlockFacts(Fact.of("lsm.landlock_available", abi.available(), evidence),
                        Fact.of("lsm.landlock_abi", abi.version(), evidence));
            } catch (RuntimeException | LinkageError e) {
                String reason = "the Landlock ABI query could not be made: " + e;
                return new LandlockFacts(active.map(list -> Fact.inferred("lsm.landlock_available", list.contains("landlock"),
                                Confidence.LIKELY, listed.get() + "; " + reason))
                        .orElse(Fact.unobserved("lsm.landlock_available", reason)), Fact.unobserved("lsm.landlock_abi", reason));
            }
        }
        String notLive = "the Landlock ABI query runs only on a live target";
        return new LandlockFacts(active.map(list -> Fact.of("lsm.landlock_available", list.contains("landlock"), listed.get()))
                .orElse(Fact.unobserved("lsm.landlock_available", notLive + ", and /sys/kernel/security/lsm cannot be read")),
                Fact.unobserved("lsm.landlock_abi", notLive));
    }

    private static Fact confined(Fact apparmor, Fact selinux) {
        String name = "lsm.confined";
        Optional<Boolean> byApparmor = apparmor.observed() ? Optional.of(apparmorConfines((String) apparmor.value())) : Optional.empty();
        Optional<Boolean> bySelinux = selinux.observed() ? Optional.of(selinuxConfines((String) selinux.value())) : Optional.empty();
        String evidence = "AppArmor " + (apparmor.observed() ? "'" + apparmor.value() + "'" : "unknown") + ", SELinux "
                + (selinux.observed() ? "'" + selinux.value() + "'" : "unknown")
                + "; a Landlock domain on the process cannot be seen from /proc";
        if (byApparmor.orElse(false)) {
            return Fact.inferred(name, true, apparmor.confidence(), evidence);
        }
        if (bySelinux.orElse(false)) {
            return Fact.inferred(name, true, selinux.confidence(), evidence);
        }
        if (byApparmor.isEmpty() || bySelinux.isEmpty()) {
            return Fact.unobserved(name, "neither confines the process as far as is known, but one is unknown: " + evidence);
        }
        // as sure as the less sure of the two
        Confidence weaker = apparmor.confidence().compareTo(selinux.confidence()) >= 0 ? apparmor.confidence() : selinux.confidence();
        return Fact.inferred(name, false, weaker, evidence);
    }

    /** "profile (enforce)" confines; "unconfined", "none" and complain-mode profiles do not. */
    static boolean apparmorConfines(String label) {
        if (label.equals(NONE)) {
            return false;
        }
        int paren = label.lastIndexOf(" (");
        String profile = paren > 0 ? label.substring(0, paren) : label;
        String mode = paren > 0 && label.endsWith(")") ? label.substring(paren + 2, label.length() - 1) : "";
        return !DATA.unconfinedApparmorProfiles().contains(profile) && !DATA.unconfinedApparmorModes().contains(mode);
    }

    /** A context confines unless its type is one of the unconfined ones. */
    static boolean selinuxConfines(String context) {
        if (context.equals(NONE)) {
            return false;
        }
        String[] parts = context.split(":");
        return parts.length >= 3 && !DATA.unconfinedSelinuxTypes().contains(parts[2]);
    }
}
