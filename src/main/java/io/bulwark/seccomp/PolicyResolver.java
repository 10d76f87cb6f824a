package io.bulwark.seccomp;

import io.bulwark.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * Resolves a {@link Profile} for a {@link Target} the way Docker and runc do: picks the
 * filter's architectures (archMap entry of the native one, or {@code architectures}, native
 * always first), keeps the rules whose includes/excludes hold, drops rules that repeat the
 * default action, and turns names into numbers per architecture, skipping names an
 * architecture does not have (with a note, as libseccomp does).
 */
public final class PolicyResolver {
    private PolicyResolver() {
    }

    /** The profile's rules that apply to the target, in order (what runc would hand to libseccomp). */
    public static List<SyscallRule> applicableRules(Profile profile, Target target) {
        return profile.syscalls().stream().filter(r -> applies(r, target)).toList();
    }

    public static Policy resolve(Profile profile, Target target) {
        List<Arch> arches = filterArches(profile, target.nativeArch());
        List<String> notes = new ArrayList<>();
        Map<Arch, TreeMap<Integer, List<Rule>>> rules = new LinkedHashMap<>();
        Map<Arch, Integer> highest = new LinkedHashMap<>();
        Map<String, Set<String>> unknown = new LinkedHashMap<>();
        for (Arch a : arches) {
            rules.put(a, new TreeMap<>(Integer::compareUnsigned));
        }
        for (SyscallRule r : profile.syscalls()) {
            if (!applies(r, target)) {
                continue;
            }
            boolean repeatsDefault = r.action().equals(profile.defaultAction());
            if (repeatsDefault) {
                notes.add(r.at() + ": action " + r.action() + " is the default action; the rule changes nothing");
            }
            for (Arch a : arches) {
                for (String name : r.names()) {
                    OptionalInt nr = SyscallTable.of(a).number(name);
                    nr.ifPresent(n -> highest.merge(a, n, (x, y) -> Integer.compareUnsigned(x, y) >= 0 ? x : y));
                    boolean multiplexed = a == Arch.X86 && X86Multiplexer.of(name).isPresent();
                    if (nr.isEmpty() && !multiplexed) {
                        unknown.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(a.id());
                    }
                    if (repeatsDefault) {
                        continue;
                    }
                    Rule rule = new Rule(r.args(), r.action(), r.at());
                    nr.ifPresent(n -> rules.get(a).computeIfAbsent(n, k -> new ArrayList<>()).add(rule));
                    if (multiplexed) {
                        multiplex(name, rule, rules.get(a), notes);
                    }
                }
            }
        }
        unknown.forEach((name, on) -> notes.add("'" + name + "' is not a syscall on " + String.join(", ", on) + ": skipped there"));
        List<ArchPolicy> policies = new ArrayList<>();
        for (Arch a : arches) {
            policies.add(new ArchPolicy(a, rules.get(a), highest.getOrDefault(a, 0)));
        }
        return new Policy(profile.source(), profile.defaultAction(), policies, profile.flags(), notes);
    }

    /**
     * The socketcall/ipc form of a rule on i386. Its first argument selects the call; the
     * call's own arguments sit in memory where seccomp cannot read them. A rule without
     * argument conditions applies as is. A conditional rule that refuses (ERRNO, KILL, …)
     * applies to every multiplexed use, so the refusal cannot be bypassed; a conditional ALLOW
     * or LOG does not apply at all, since its conditions cannot be checked. (libseccomp drops
     * the conditions, which allows what the rule meant to limit.)
     */
    private static void multiplex(String name, Rule rule, TreeMap<Integer, List<Rule>> rules, List<String> notes) {
        X86Multiplexer.Form form = X86Multiplexer.of(name).orElseThrow();
        if (!rule.unconditional() && rule.action().kind().lets()) {
            notes.add(rule.origin() + ": x86 " + form.multiplexer() + "(" + name + ") not allowed: the conditions on '"
                    + name + "' cannot be checked through " + form.multiplexer());
            return;
        }
        ArgCondition call = new ArgCondition(0, form.call(), 0, CompareOp.EQ);
        rules.computeIfAbsent(form.nr(), k -> new ArrayList<>()).add(new Rule(List.of(call), rule.action(), rule.origin()));
    }

    static List<Arch> filterArches(Profile profile, Arch nativeArch) {
        Set<Arch> arches = new LinkedHashSet<>();
        arches.add(nativeArch);
        List<String> names = new ArrayList<>();
        String at;
        if (!profile.archMap().isEmpty()) {
            at = "archMap";
            for (ArchMapEntry e : profile.archMap()) {
                if (e.architecture().equals(nativeArch.scmpName())) {
                    names.addAll(e.subArchitectures());
                }
            }
        } else {
            at = "architectures";
            names.addAll(profile.architectures());
        }
        for (String n : names) {
            Arch a = Arch.parse(n).orElseThrow(() -> new InputException(profile.source() + ": $." + at + ": " + n
                    + " cannot be compiled for a " + nativeArch.id() + " host; bulwark has syscall tables for " + Arch.ids()));
            arches.add(a);
        }
        return new ArrayList<>(arches);
    }

    /** Docker's reading: excludes skip on any match; includes need every cap, the arch, the kernel. */
    static boolean applies(SyscallRule r, Target t) {
        String arch = t.nativeArch().dockerName();
        RuleFilter ex = r.excludes();
        if (ex.arches().contains(arch) || ex.caps().stream().anyMatch(t.capabilities()::contains)) {
            return false;
        }
        if (ex.minKernel() != null && t.kernel().compareTo(ex.minKernel()) >= 0) {
            return false;
        }
        RuleFilter in = r.includes();
        if (!in.arches().isEmpty() && !in.arches().contains(arch)) {
            return false;
        }
        if (!t.capabilities().containsAll(in.caps())) {
            return false;
        }
        return in.minKernel() == null || t.kernel().compareTo(in.minKernel()) >= 0;
    }
}
